package cn.tongguan.map;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.json.simple.JSONObject;
import org.json.simple.JSONValue;
import org.json.simple.parser.JSONParser;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a GeoJSON FeatureCollection (or a single Feature or geometry) into features, one feature at a time so
 * that one broken feature costs only itself: geometries JTS finds invalid (self-intersecting rings, bow-ties)
 * are repaired with {@link GeometryFixer} and reported; unreadable ones are skipped and reported. The feature id
 * is the GeoJSON {@code id}, else the {@code adcode}, {@code code} or {@code id} property, else its position.
 * Stateless and thread-safe; call it on a worker, never on the FX thread.
 */
public final class GeoJsonImporter {
    private static final Logger LOG = LoggerFactory.getLogger(GeoJsonImporter.class);
    private static final String[] ID_PROPERTIES = {"adcode", "code", "id"};
    private final GeometryFactory factory = new GeometryFactory(new PrecisionModel(), 4326);

    public ImportResult read(Reader reader) throws IOException {
        Object root;
        try {
            root = new JSONParser().parse(reader);
        } catch (org.json.simple.parser.ParseException e) {
            return new ImportResult(List.of(), List.of("文件不是有效的 GeoJSON / not valid GeoJSON: " + e));
        }
        List<Feature> features = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (!(root instanceof JSONObject object)) {
            problems.add("GeoJSON 顶层不是对象 / the top level is not a GeoJSON object");
        } else if ("FeatureCollection".equals(object.get("type"))) {
            Object list = object.get("features");
            if (list instanceof List<?> items) {
                for (int i = 0; i < items.size(); i++) {
                    readFeature(items.get(i), i, features, problems);
                }
            } else {
                problems.add("FeatureCollection 没有 features / the FeatureCollection has no features");
            }
        } else if ("Feature".equals(object.get("type"))) {
            readFeature(object, 0, features, problems);
        } else {
            readFeature(Map.of("type", "Feature", "geometry", object), 0, features, problems);
        }
        if (!problems.isEmpty()) {
            LOG.info("GeoJSON import: {} features, {} problems", features.size(), problems.size());
        }
        return new ImportResult(features, problems);
    }

    public ImportResult read(String json) {
        try {
            return read(new StringReader(json));
        } catch (IOException e) {
            throw new IllegalStateException("a string reader cannot fail", e);
        }
    }

    private void readFeature(Object item, int index, List<Feature> out, List<String> problems) {
        if (!(item instanceof Map<?, ?> feature)) {
            problems.add("第 " + (index + 1) + " 个要素不是对象 / feature " + (index + 1) + " is not an object");
            return;
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        if (feature.get("properties") instanceof Map<?, ?> props) {
            props.forEach((k, v) -> properties.put(String.valueOf(k), v));
        }
        String id = idOf(feature, properties, index);
        Object geometryJson = feature.get("geometry");
        if (geometryJson == null) {
            problems.add("要素 " + id + " 没有几何 / feature " + id + " has no geometry");
            return;
        }
        Geometry geometry;
        try {
            geometry = new GeoJsonReader(factory).read(JSONValue.toJSONString(geometryJson));
        } catch (org.locationtech.jts.io.ParseException | RuntimeException e) {
            problems.add("要素 " + id + " 的几何无法读取 / feature " + id + " has an unreadable geometry: "
                    + e.getMessage());
            return;
        }
        if (geometry == null || geometry.isEmpty()) {
            problems.add("要素 " + id + " 的几何为空 / feature " + id + " has an empty geometry");
            return;
        }
        IsValidOp validity = new IsValidOp(geometry);
        if (!validity.isValid()) {
            TopologyValidationError error = validity.getValidationError();
            Geometry fixed = GeometryFixer.fix(geometry);
            if (fixed.isEmpty()) {
                problems.add("要素 " + id + " 的几何无效且无法修复 / feature " + id + " is invalid and cannot be repaired: "
                        + error.getMessage());
                return;
            }
            problems.add("要素 " + id + " 的几何已修复 / feature " + id + " was repaired: " + error.getMessage()
                    + " at " + error.getCoordinate());
            geometry = fixed;
        }
        geometry.setSRID(4326);
        out.add(new Feature(id, geometry, properties));
    }

    private static String idOf(Map<?, ?> feature, Map<String, Object> properties, int index) {
        Object id = feature.get("id");
        for (int i = 0; id == null && i < ID_PROPERTIES.length; i++) {
            id = properties.get(ID_PROPERTIES[i]);
        }
        return id == null ? Integer.toString(index) : id.toString();
    }
}
