package cn.tongguan.platform.geo;

import com.fasterxml.jackson.databind.JsonNode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * GeoJSON ↔ JTS for the platform's geometries: Polygon/MultiPolygon (grids, divisions), LineString/MultiLineString
 * (the lines of the map); written back with a fixed number of decimals (6 ≈ 0.1 m), the served form.
 */
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

    /** A GeoJSON LineString or MultiLineString (roads, waters, railways). */
    public static Geometry toLines(JsonNode g) {
        if (g == null || g.isNull()) {
            throw new IllegalArgumentException("no geometry");
        }
        JsonNode coords = g.path("coordinates");
        return switch (g.path("type").asText()) {
            case "LineString" -> FACTORY.createLineString(positions(coords, 2));
            case "MultiLineString" -> {
                org.locationtech.jts.geom.LineString[] ls = new org.locationtech.jts.geom.LineString[coords.size()];
                for (int i = 0; i < ls.length; i++) {
                    ls[i] = FACTORY.createLineString(positions(coords.get(i), 2));
                }
                if (ls.length == 0) {
                    throw new IllegalArgumentException("multi-line without lines");
                }
                yield FACTORY.createMultiLineString(ls);
            }
            default -> throw new IllegalArgumentException("unsupported geometry type " + g.path("type").asText());
        };
    }

    /** Appends {@code g} (Polygon, MultiPolygon, LineString, MultiLineString) as GeoJSON with {@code decimals} places. */
    public static void write(Geometry g, StringBuilder out, int decimals) {
        String type = g.getGeometryType();
        out.append("{\"type\":\"").append(type).append("\",\"coordinates\":");
        switch (type) {
            case "Polygon" -> rings((Polygon) g, out, decimals);
            case "LineString" -> positions(g.getCoordinates(), out, decimals);
            case "MultiPolygon", "MultiLineString" -> {
                out.append('[');
                for (int i = 0; i < g.getNumGeometries(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    if (g.getGeometryN(i) instanceof Polygon p) {
                        rings(p, out, decimals);
                    } else {
                        positions(g.getGeometryN(i).getCoordinates(), out, decimals);
                    }
                }
                out.append(']');
            }
            default -> throw new IllegalArgumentException("cannot write " + type);
        }
        out.append('}');
    }

    private static void rings(Polygon p, StringBuilder out, int decimals) {
        out.append('[');
        positions(p.getExteriorRing().getCoordinates(), out, decimals);
        for (int h = 0; h < p.getNumInteriorRing(); h++) {
            out.append(',');
            positions(p.getInteriorRingN(h).getCoordinates(), out, decimals);
        }
        out.append(']');
    }

    private static void positions(Coordinate[] cs, StringBuilder out, int decimals) {
        out.append('[');
        for (int i = 0; i < cs.length; i++) {
            out.append(i > 0 ? ",[" : "[");
            fixed(cs[i].x, out, decimals);
            out.append(',');
            fixed(cs[i].y, out, decimals);
            out.append(']');
        }
        out.append(']');
    }

    /** {@code v} with exactly {@code decimals} places, without the cost of {@code String.format} per position. */
    static void fixed(double v, StringBuilder out, int decimals) {
        long scale = (long) Math.pow(10, decimals);
        long n = Math.round(Math.abs(v) * scale);
        if (v < 0 && n != 0) {
            out.append('-');
        }
        out.append(n / scale);
        if (decimals > 0) {
            String frac = Long.toString(n % scale);
            out.append('.');
            for (int i = frac.length(); i < decimals; i++) {
                out.append('0');
            }
            out.append(frac);
        }
    }

    private static Coordinate[] positions(JsonNode pts, int min) {
        if (!pts.isArray() || pts.size() < min) {
            throw new IllegalArgumentException("line with fewer than " + min + " positions");
        }
        Coordinate[] cs = new Coordinate[pts.size()];
        for (int i = 0; i < cs.length; i++) {
            cs[i] = position(pts.get(i));
        }
        return cs;
    }

    private static Coordinate position(JsonNode p) {
        if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
            throw new IllegalArgumentException("bad position");
        }
        return new Coordinate(p.get(0).asDouble(), p.get(1).asDouble());
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
        return FACTORY.createLinearRing(positions(pts, 0));
    }

    public static org.locationtech.jts.geom.Point point(double lng, double lat) {
        return FACTORY.createPoint(new Coordinate(lng, lat));
    }
}
