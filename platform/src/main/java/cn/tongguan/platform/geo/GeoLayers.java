package cn.tongguan.platform.geo;

import cn.tongguan.platform.storage.Database;
import cn.tongguan.platform.storage.Sql;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.algorithm.InteriorPoint;
import org.locationtech.jts.coverage.CoverageSimplifier;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The division polygons of one level and the lines of one kind as GeoJSON FeatureCollections, generalised for a
 * web-map zoom when one is asked for (ADR 0110): half a pixel of tolerance, divisions simplified as a coverage so
 * that neighbours keep one shared edge, the generated minor streets only from {@link #MINOR_FROM_ZOOM}.
 */
public final class GeoLayers {
    private static final Logger LOG = LoggerFactory.getLogger(GeoLayers.class);
    /** Generated minor streets are left out below this zoom: at city zoom they are a grey wash, not streets. */
    public static final int MINOR_FROM_ZOOM = 14;
    /** Six decimals: about 0.1 m, below any zoom's pixel. */
    private static final int DECIMALS = 6;
    private static final double COS_LAT = Math.cos(Math.toRadians(35.3));

    private final Database db;
    private final ObjectMapper mapper;

    public GeoLayers(Database db, ObjectMapper mapper) {
        this.db = db;
        this.mapper = mapper;
    }

    /**
     * Half a 256-px tile pixel at {@code zoom}, in degrees (the latitude extent of a pixel near Xinxiang, the
     * smaller of the two), or 0 for full detail.
     */
    public static double tolerance(Integer zoom) {
        return zoom == null ? 0 : 0.5 * 360.0 / (256.0 * (1L << zoom)) * COS_LAT;
    }

    private record Division(String code, String name, String parentCode, Geometry shape) {
    }

    /** Divisions of {@code level} (district, street, community) in code order, with a label point each. */
    public void divisions(String level, Integer zoom, OutputStream out) throws IOException {
        List<Division> rows = db.read(tx -> {
            List<Division> list = new ArrayList<>();
            try (PreparedStatement ps = Sql.prepare(tx.connection(), "SELECT code, name, parent_code, geometry FROM divisions "
                    + "WHERE level = ? AND geometry IS NOT NULL ORDER BY code", level);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new Division(rs.getString(1), rs.getString(2), rs.getString(3),
                            GeoJson.toGeometry(mapper.readTree(rs.getString(4)))));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return list;
        });
        Geometry[] shapes = simplifiedCoverage(rows.stream().map(Division::shape).toArray(Geometry[]::new), tolerance(zoom));
        Writer w = writer(out);
        w.write("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < rows.size(); i++) {
            Division d = rows.get(i);
            Coordinate label = InteriorPoint.getInteriorPoint(d.shape());
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("code", d.code());
            props.put("name", d.name());
            props.put("level", level);
            props.put("parentCode", d.parentCode());
            props.put("labelLng", round(label.x));
            props.put("labelLat", round(label.y));
            feature(w, i > 0, d.code(), props, shapes[i]);
        }
        w.write("]}");
        w.flush();
    }

    /**
     * The whole level simplified together, so that a shared edge is simplified once for both sides; where the
     * stored polygons do not form a clean coverage and that fails, each one is simplified on its own.
     */
    static Geometry[] simplifiedCoverage(Geometry[] shapes, double tolerance) {
        if (tolerance <= 0 || shapes.length == 0) {
            return shapes;
        }
        try {
            Geometry[] out = CoverageSimplifier.simplify(shapes, tolerance);
            boolean usable = true;
            for (int i = 0; i < out.length && usable; i++) {
                usable = out[i] != null && !out[i].isEmpty() && out[i].isValid();
            }
            if (usable) {
                return out;
            }
        } catch (RuntimeException e) {
            LOG.debug("coverage simplification failed, simplifying each polygon alone", e);
        }
        Geometry[] out = new Geometry[shapes.length];
        for (int i = 0; i < shapes.length; i++) {
            out[i] = TopologyPreservingSimplifier.simplify(shapes[i], tolerance);
        }
        return out;
    }

    /** Lines of {@code kind} (road, water, rail) in id order; below {@link #MINOR_FROM_ZOOM} without minor streets. */
    public void lines(String kind, Integer zoom, OutputStream out) throws IOException {
        double tolerance = tolerance(zoom);
        boolean minor = zoom == null || zoom >= MINOR_FROM_ZOOM;
        Writer w = writer(out);
        w.write("{\"type\":\"FeatureCollection\",\"features\":[");
        db.read(tx -> {
            try (PreparedStatement ps = Sql.prepare(tx.connection(), "SELECT id, name, line_class, generated, geometry "
                    + "FROM geo_lines WHERE kind = ?" + (minor ? "" : " AND (line_class IS NULL OR line_class <> 'minor')")
                    + " ORDER BY id", kind);
                 ResultSet rs = ps.executeQuery()) {
                boolean first = true;
                while (rs.next()) {
                    Geometry shape = GeoJson.toLines(mapper.readTree(rs.getString(5)));
                    Map<String, Object> props = new LinkedHashMap<>();
                    props.put("id", rs.getString(1));
                    props.put("name", rs.getString(2));
                    props.put("kind", kind);
                    props.put("class", rs.getString(3));
                    props.put("generated", rs.getBoolean(4));
                    feature(w, !first, rs.getString(1), props,
                            tolerance > 0 ? TopologyPreservingSimplifier.simplify(shape, tolerance) : shape);
                    first = false;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
        w.write("]}");
        w.flush();
    }

    private void feature(Writer w, boolean comma, String id, Map<String, Object> props, Geometry shape) throws IOException {
        StringBuilder sb = new StringBuilder(256);
        if (comma) {
            sb.append(',');
        }
        sb.append("{\"type\":\"Feature\",\"id\":").append(mapper.writeValueAsString(id))
                .append(",\"properties\":").append(mapper.writeValueAsString(props)).append(",\"geometry\":");
        GeoJson.write(shape, sb, DECIMALS);
        w.write(sb.append('}').toString());
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    private static Writer writer(OutputStream out) {
        return new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }
}
