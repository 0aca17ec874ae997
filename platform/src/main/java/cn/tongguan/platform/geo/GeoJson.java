package cn.tongguan.platform.geo;

import com.fasterxml.jackson.databind.JsonNode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/** GeoJSON Polygon/MultiPolygon → JTS (the only geometries grids and divisions need). */
public final class GeoJson {
    private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

    private GeoJson() {
    }

    public static Geometry toGeometry(JsonNode g) {
        if (g == null || g.isNull()) {
            throw new IllegalArgumentException("no geometry");
        }
        String type = g.path("type").asText();
        JsonNode coords = g.path("coordinates");
        return switch (type) {
            case "Polygon" -> polygon(coords);
            case "MultiPolygon" -> {
                Polygon[] ps = new Polygon[coords.size()];
                for (int i = 0; i < ps.length; i++) {
                    ps[i] = polygon(coords.get(i));
                }
                yield FACTORY.createMultiPolygon(ps);
            }
            default -> throw new IllegalArgumentException("unsupported geometry type " + type);
        };
    }

    private static Polygon polygon(JsonNode rings) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new IllegalArgumentException("polygon without rings");
        }
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return FACTORY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode pts) {
        Coordinate[] cs = new Coordinate[pts.size()];
        for (int i = 0; i < cs.length; i++) {
            JsonNode p = pts.get(i);
            if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
                throw new IllegalArgumentException("bad position");
            }
            cs[i] = new Coordinate(p.get(0).asDouble(), p.get(1).asDouble());
        }
        return FACTORY.createLinearRing(cs);
    }

    public static org.locationtech.jts.geom.Point point(double lng, double lat) {
        return FACTORY.createPoint(new Coordinate(lng, lat));
    }
}
