package cn.tongguan.map.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * GeoJSON objects straight from a Jackson token stream: a feature's members, its properties as maps and its
 * geometry as JTS, without building a JSON tree. Key order is free (a geometry's {@code coordinates} may come
 * before its {@code type}), so coordinates are first read into nested lists of positions and turned into JTS
 * once the object ends. Repeated short property values and repeated property sets are shared, which is what keeps
 * 629,724 parts of six classes small. One instance per import; not thread-safe.
 */
public final class GeoJsonStream {
    private static final int MAX_SHARED = 4096;
    private final JsonParser parser;
    private final GeometryFactory factory = new GeometryFactory(new PrecisionModel(), 4326);
    private final Map<String, String> strings = new HashMap<>();
    private final Map<Map<String, Object>, Map<String, Object>> propertySets = new HashMap<>();

    /**
     * One GeoJSON object as read: a Feature, a geometry, or the top-level collection.
     *
     * @param geometryError why the geometry could not be built, or {@code null}
     * @param hadFeatures whether the object had a {@code features} member (a collection)
     */
    public record Raw(String type, Object id, Map<String, Object> properties, Geometry geometry, String geometryError,
                      boolean hadFeatures, Geometry self) {
        /** A bare geometry read as a feature without properties. */
        public Raw asFeature() {
            return new Raw("Feature", id, properties, self, self == null && geometryError == null
                    ? "no coordinates" : geometryError, false, null);
        }
    }

    public GeoJsonStream(JsonParser parser) {
        this.parser = parser;
    }

    /**
     * Reads the object whose START_OBJECT is the current token, up to its END_OBJECT; each element of a
     * {@code features} member is read and handed to {@code onFeature} at once ({@code null} for a non-object).
     */
    public Raw readObject(Consumer<Raw> onFeature) throws IOException {
        String type = null;
        Object id = null;
        Map<String, Object> properties = Map.of();
        Geometry geometry = null;
        String error = null;
        Object coordinates = null;
        List<Raw> members = null;
        boolean hadFeatures = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "type" -> type = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                case "id" -> id = value.isScalarValue() && value != JsonToken.VALUE_NULL ? scalar(value) : skip();
                case "properties" -> properties = value == JsonToken.START_OBJECT ? properties() : none();
                case "geometry" -> {
                    if (value == JsonToken.START_OBJECT) {
                        Raw g = readObject(null);
                        geometry = g.self();
                        error = g.geometryError();
                    } else {
                        skip();
                    }
                }
                case "coordinates" -> coordinates = value.isStructStart() ? coordinates() : skip();
                case "geometries" -> members = value == JsonToken.START_ARRAY ? geometries() : skipList();
                case "features" -> {
                    hadFeatures = true;
                    if (value == JsonToken.START_ARRAY && onFeature != null) {
                        while (parser.nextToken() != JsonToken.END_ARRAY) {
                            onFeature.accept(parser.currentToken() == JsonToken.START_OBJECT ? readObject(null)
                                    : skipFeature());
                        }
                    } else {
                        skip();
                    }
                }
                default -> skip();
            }
        }
        Geometry self = null;
        if (coordinates != null || members != null) {
            try {
                self = build(type, coordinates, members);
            } catch (RuntimeException e) {
                error = e.getMessage();
            }
        }
        return new Raw(type, id, properties, geometry, error, hadFeatures, self);
    }

    private Raw skipFeature() throws IOException {
        parser.skipChildren();
        return null;
    }

    private Object skip() throws IOException {
        parser.skipChildren();
        return null;
    }

    private List<Raw> skipList() throws IOException {
        parser.skipChildren();
        return null;
    }

    private Map<String, Object> none() throws IOException {
        parser.skipChildren();
        return Map.of();
    }

    private List<Raw> geometries() throws IOException {
        List<Raw> list = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken() == JsonToken.START_OBJECT) {
                list.add(readObject(null));
            } else {
                parser.skipChildren();
            }
        }
        return list;
    }

    private Map<String, Object> properties() throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = share(parser.currentName());
            map.put(key, value(parser.nextToken()));
        }
        Map<String, Object> shared = propertySets.get(map);
        if (shared != null) {
            return shared;
        }
        Map<String, Object> frozen = Collections.unmodifiableMap(map);
        if (propertySets.size() < MAX_SHARED) {
            propertySets.put(frozen, frozen);
        }
        return frozen;
    }

    /** A JSON value as json-simple gave it: String, Long, Double, Boolean, null, List, Map. */
    private Object value(JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    map.put(key, value(parser.nextToken()));
                }
                yield map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                JsonToken t;
                while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
                    list.add(value(t));
                }
                yield list;
            }
            default -> scalar(token);
        };
    }

    private Object scalar(JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> share(parser.getText());
            case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? parser.getBigIntegerValue() : (Object) parser.getLongValue();
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            default -> null;
        };
    }

    private String share(String s) {
        if (s.length() > 24) {
            return s;
        }
        String known = strings.get(s);
        if (known != null) {
            return known;
        }
        if (strings.size() < MAX_SHARED) {
            strings.put(s, s);
        }
        return s;
    }

    /** Nested arrays of numbers: a position becomes a {@code double[]}, any deeper level a {@code List}. */
    private Object coordinates() throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return null;
        }
        JsonToken first = parser.nextToken();
        if (first.isNumeric() || first == JsonToken.END_ARRAY) {
            double[] position = new double[3];
            int n = 0;
            for (JsonToken t = first; t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                if (!t.isNumeric()) {
                    throw new IllegalArgumentException("a position holds numbers only");
                }
                double v = parser.getDoubleValue();
                if (n < 3) {
                    position[n] = v;
                }
                n++;
            }
            return n < 2 ? new double[0] : java.util.Arrays.copyOf(position, Math.min(n, 3));
        }
        List<Object> list = new ArrayList<>();
        for (JsonToken t = first; t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            list.add(coordinates());
        }
        return list;
    }

    private Geometry build(String type, Object coordinates, List<Raw> members) {
        if (type == null) {
            throw new IllegalArgumentException("geometry without a type");
        }
        return switch (type) {
            case "Point" -> factory.createPoint(position(coordinates));
            case "MultiPoint" -> factory.createMultiPoint(list(coordinates).stream()
                    .map(c -> factory.createPoint(position(c))).toArray(Point[]::new));
            case "LineString" -> factory.createLineString(positions(coordinates));
            case "MultiLineString" -> factory.createMultiLineString(list(coordinates).stream()
                    .map(c -> factory.createLineString(positions(c))).toArray(LineString[]::new));
            case "Polygon" -> polygon(coordinates);
            case "MultiPolygon" -> factory.createMultiPolygon(list(coordinates).stream()
                    .map(this::polygon).toArray(Polygon[]::new));
            case "GeometryCollection" -> {
                List<Geometry> parts = new ArrayList<>();
                for (Raw member : members == null ? List.<Raw>of() : members) {
                    if (member.self() == null) {
                        throw new IllegalArgumentException("a collection member is unreadable: "
                                + member.geometryError());
                    }
                    parts.add(member.self());
                }
                yield factory.createGeometryCollection(parts.toArray(Geometry[]::new));
            }
            default -> throw new IllegalArgumentException("unknown geometry type " + type);
        };
    }

    private Polygon polygon(Object coordinates) {
        List<Object> rings = list(coordinates);
        if (rings.isEmpty()) {
            return factory.createPolygon();
        }
        LinearRing shell = factory.createLinearRing(positions(rings.get(0)));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = factory.createLinearRing(positions(rings.get(i)));
        }
        return factory.createPolygon(shell, holes);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object coordinates) {
        if (coordinates instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw new IllegalArgumentException("coordinates nested too shallow");
    }

    private static Coordinate position(Object c) {
        if (c instanceof double[] p) {
            if (p.length == 0) {
                return null;
            }
            return p.length == 3 ? new Coordinate(p[0], p[1], p[2]) : new Coordinate(p[0], p[1]);
        }
        throw new IllegalArgumentException("a position must be an array of numbers");
    }

    private static Coordinate[] positions(Object c) {
        List<Object> list = list(c);
        Coordinate[] out = new Coordinate[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = position(list.get(i));
            if (out[i] == null) {
                throw new IllegalArgumentException("a position needs two numbers");
            }
        }
        return out;
    }
}
