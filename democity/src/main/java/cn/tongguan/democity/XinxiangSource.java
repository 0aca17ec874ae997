package cn.tongguan.democity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;

/**
 * The real geography of Xinxiang shipped with the module: district polygons and the names and codes of
 * streets/towns and communities/villages (see NOTICE for sources and licences).
 */
public final class XinxiangSource {
    /** The four urban districts the demo city covers: 红旗区, 卫滨区, 凤泉区, 牧野区. */
    public static final List<String> URBAN_DISTRICTS = List.of("410702", "410703", "410704", "410711");

    /** A district polygon (lng/lat) with its government seat. */
    public record District(String code, String name, Geometry shape, double centerLng, double centerLat) {
    }

    /** One row of divisions.csv. */
    public record Division(String code, String name, String level, String parentCode) {
    }

    private final Map<String, District> districts;
    private final List<Division> divisions;
    private final List<CityLine> lines;

    private XinxiangSource(Map<String, District> districts, List<Division> divisions, List<CityLine> lines) {
        this.districts = districts;
        this.divisions = divisions;
        this.lines = lines;
    }

    public static XinxiangSource load(GeometryFactory factory) {
        try (InputStream geo = resource("districts.geojson"); InputStream csv = resource("divisions.csv");
             InputStream lines = resource("lines.csv")) {
            return new XinxiangSource(readDistricts(geo, factory), readDivisions(csv), readLines(lines, factory));
        } catch (IOException e) {
            throw new UncheckedIOException("Xinxiang reference data unreadable", e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = XinxiangSource.class.getResourceAsStream("xinxiang/" + name);
        if (in == null) {
            throw new IOException("missing resource xinxiang/" + name);
        }
        return in;
    }

    private static Map<String, District> readDistricts(InputStream in, GeometryFactory factory) throws IOException {
        Map<String, District> result = new LinkedHashMap<>();
        for (JsonNode feature : new ObjectMapper().readTree(in).get("features")) {
            JsonNode props = feature.get("properties");
            JsonNode geometry = feature.get("geometry");
            List<Polygon> polygons = new ArrayList<>();
            if ("Polygon".equals(geometry.get("type").asText())) {
                polygons.add(polygon(geometry.get("coordinates"), factory));
            } else {
                for (JsonNode p : geometry.get("coordinates")) {
                    polygons.add(polygon(p, factory));
                }
            }
            Geometry shape = polygons.size() == 1 ? polygons.get(0)
                    : factory.createMultiPolygon(polygons.toArray(Polygon[]::new));
            // The source is quantised to ~0.001°: self-touching rings occur; repair rather than fail.
            if (!shape.isValid()) {
                shape = GeometryFixer.fix(shape);
            }
            String code = props.get("adcode").asText();
            JsonNode center = props.get("center");
            result.put(code, new District(code, props.get("name").asText(), shape,
                    center.get(0).asDouble(), center.get(1).asDouble()));
        }
        return result;
    }

    private static Polygon polygon(JsonNode rings, GeometryFactory factory) {
        LinearRing shell = ring(rings.get(0), factory);
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i), factory);
        }
        return factory.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode points, GeometryFactory factory) {
        Coordinate[] coordinates = new Coordinate[points.size()];
        for (int i = 0; i < points.size(); i++) {
            coordinates[i] = new Coordinate(points.get(i).get(0).asDouble(), points.get(i).get(1).asDouble());
        }
        return factory.createLinearRing(coordinates);
    }

    private static List<Division> readDivisions(InputStream in) throws IOException {
        List<Division> result = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (header == null || !header.startsWith("code,name,level,parent_code")) {
                throw new IOException("divisions.csv: unexpected header " + header);
            }
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = line.strip().split(",", -1);
                if (f.length == 4) {
                    result.add(new Division(f[0], f[1], f[2], f[3]));
                }
            }
        }
        return result;
    }

    /**
     * lines.csv: {@code name,kind,class,coordinates} with the course as {@code lng lat;lng lat;…} (approximate, from
     * general knowledge of the city's layout, see the README next to it).
     */
    private static List<CityLine> readLines(InputStream in, GeometryFactory factory) throws IOException {
        List<CityLine> result = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (header == null || !header.startsWith("name,kind,class,coordinates")) {
                throw new IOException("lines.csv: unexpected header " + header);
            }
            int row = 1;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                row++;
                String[] f = line.strip().split(",", -1);
                if (f.length != 4) {
                    throw new IOException("lines.csv row " + row + ": expected 4 fields");
                }
                String[] points = f[3].split(";");
                Coordinate[] cs = new Coordinate[points.length];
                for (int i = 0; i < points.length; i++) {
                    String[] lngLat = points[i].strip().split("\\s+");
                    cs[i] = new Coordinate(Double.parseDouble(lngLat[0]), Double.parseDouble(lngLat[1]));
                }
                result.add(new CityLine(f[0], CityLine.Kind.valueOf(f[1].toUpperCase(java.util.Locale.ROOT)), f[2], false,
                        factory.createLineString(cs)));
            }
        }
        return List.copyOf(result);
    }

    /** The named roads, waters and railways of lines.csv, in file order, in lng/lat. */
    public List<CityLine> lines() {
        return lines;
    }

    public District district(String code) {
        District district = districts.get(code);
        if (district == null) {
            throw new IllegalArgumentException("no district " + code);
        }
        return district;
    }

    public Map<String, District> districts() {
        return districts;
    }

    /** Children of a division code in file order (the file is sorted by code). */
    public List<Division> children(String parentCode) {
        return divisions.stream().filter(d -> d.parentCode().equals(parentCode)).toList();
    }
}
