package cn.tongguan.map;

import cn.tongguan.map.internal.GeoJsonStream;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a GeoJSON FeatureCollection (or a single Feature or geometry) into features. The file is streamed
 * (decision 0117): features are parsed one at a time from the token stream and only the features themselves are
 * kept, never the whole JSON tree, so memory follows the result, not the file. One broken feature costs only
 * itself: geometries JTS finds invalid (self-intersecting rings, bow-ties) are repaired with {@link GeometryFixer}
 * and reported; unreadable ones are skipped and reported; a file cut short keeps the features before the cut.
 * The feature id is the GeoJSON {@code id}, else the {@code adcode}, {@code code} or {@code id} property, else its
 * position. Repeated property values and whole repeated property sets share one instance (a part's class).
 * Stateless and thread-safe; call it on a worker, never on the FX thread. For a faster second load keep the
 * result in a {@link FeatureCache}.
 */
public final class GeoJsonImporter {
    private static final Logger LOG = LoggerFactory.getLogger(GeoJsonImporter.class);
    private static final String[] ID_PROPERTIES = {"adcode", "code", "id"};
    private static final JsonFactory JSON = JsonFactory.builder().build();

    public ImportResult read(Reader reader) throws IOException {
        List<Feature> features = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(reader)) {
            read(parser, features::add, problems);
        }
        return new ImportResult(features, problems);
    }

    /** Reads UTF-8 (or UTF-16/32, detected) GeoJSON bytes; the stream is not closed. */
    public ImportResult read(InputStream in) throws IOException {
        List<Feature> features = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(in)) {
            read(parser, features::add, problems);
        }
        return new ImportResult(features, problems);
    }

    /**
     * Streams features to {@code sink} as they are read (nothing is collected here) and returns the problems;
     * for imports that go straight into a store.
     */
    public List<String> stream(Reader reader, Consumer<Feature> sink) throws IOException {
        List<String> problems = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(reader)) {
            read(parser, sink, problems);
        }
        return List.copyOf(problems);
    }

    public ImportResult read(String json) {
        try {
            return read(new StringReader(json));
        } catch (IOException e) {
            throw new IllegalStateException("a string reader cannot fail", e);
        }
    }

    private void read(JsonParser parser, Consumer<Feature> sink, List<String> problems) throws IOException {
        GeoJsonStream stream = new GeoJsonStream(parser);
        int[] count = {0};
        try {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                problems.add("GeoJSON 顶层不是对象 / the top level is not a GeoJSON object");
                return;
            }
            GeoJsonStream.Raw top = stream.readObject(raw -> accept(raw, count[0]++, sink, problems));
            if ("FeatureCollection".equals(top.type())) {
                if (!top.hadFeatures()) {
                    problems.add("FeatureCollection 没有 features / the FeatureCollection has no features");
                }
            } else if ("Feature".equals(top.type())) {
                accept(top, 0, sink, problems);
            } else if (!top.hadFeatures()) {
                accept(top.asFeature(), 0, sink, problems);
            }
        } catch (StreamReadException e) {
            problems.add("文件不是有效的 GeoJSON（在第 " + count[0] + " 个要素之后中断）/ not valid GeoJSON after "
                    + count[0] + " features: " + e.getOriginalMessage());
        }
        if (!problems.isEmpty()) {
            LOG.info("GeoJSON import: {} features read, {} problems", count[0], problems.size());
        }
    }

    private static void accept(GeoJsonStream.Raw raw, int index, Consumer<Feature> sink, List<String> problems) {
        if (raw == null) {
            problems.add("第 " + (index + 1) + " 个要素不是对象 / feature " + (index + 1) + " is not an object");
            return;
        }
        String id = idOf(raw, index);
        if (raw.geometryError() != null) {
            problems.add("要素 " + id + " 的几何无法读取 / feature " + id + " has an unreadable geometry: "
                    + raw.geometryError());
            return;
        }
        Geometry geometry = raw.geometry();
        if (geometry == null) {
            problems.add("要素 " + id + " 没有几何 / feature " + id + " has no geometry");
            return;
        }
        if (geometry.isEmpty()) {
            problems.add("要素 " + id + " 的几何为空 / feature " + id + " has an empty geometry");
            return;
        }
        if (geometry.getDimension() > 0) {
            // points are always valid; asking costs a validity operation per part (629,724 of them)
            IsValidOp validity = new IsValidOp(geometry);
            if (!validity.isValid()) {
                TopologyValidationError error = validity.getValidationError();
                Geometry fixed = GeometryFixer.fix(geometry);
                if (fixed.isEmpty()) {
                    problems.add("要素 " + id + " 的几何无效且无法修复 / feature " + id
                            + " is invalid and cannot be repaired: " + error.getMessage());
                    return;
                }
                problems.add("要素 " + id + " 的几何已修复 / feature " + id + " was repaired: " + error.getMessage()
                        + " at " + error.getCoordinate());
                geometry = fixed;
            }
        }
        geometry.setSRID(4326);
        sink.accept(new Feature(id, geometry, raw.properties()));
    }

    private static String idOf(GeoJsonStream.Raw raw, int index) {
        Object id = raw.id();
        Map<String, Object> properties = raw.properties();
        for (int i = 0; id == null && i < ID_PROPERTIES.length; i++) {
            id = properties.get(ID_PROPERTIES[i]);
        }
        return id == null ? Integer.toString(index) : id.toString();
    }
}
