package cn.tongguan.democity;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes the city as NDJSON files in lng/lat (7 decimals, ~1 cm), in a fixed order and format, so that the
 * SHA-256 over all files is the city's fingerprint. Files: divisions, grids, parts, departments,
 * cameras, sensors, thresholds, lines (roads, waters, railways).
 */
public final class DemoCityExport {
    public static final String[] FILES = {"divisions.ndjson", "grids.ndjson", "parts.ndjson", "departments.ndjson",
        "cameras.ndjson", "sensors.ndjson", "thresholds.ndjson", "lines.ndjson"};

    private DemoCityExport() {
    }

    /** Writes all files into {@code dir} and returns the hex SHA-256 over them in {@link #FILES} order. */
    public static String write(DemoCity city, Path dir) throws IOException {
        Files.createDirectories(dir);
        MessageDigest digest = sha256();
        for (int i = 0; i < FILES.length; i++) {
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(dir.resolve(FILES[i])), digest)) {
                writeFile(city, i, out);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The fingerprint without writing files. */
    public static String hash(DemoCity city) throws IOException {
        MessageDigest digest = sha256();
        try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
            for (int i = 0; i < FILES.length; i++) {
                writeFile(city, i, out);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void writeFile(DemoCity city, int file, OutputStream raw) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(raw, StandardCharsets.UTF_8), 1 << 16);
        LocalProjection p = city.projection();
        switch (file) {
            case 0 -> {
                for (Area a : city.areas()) {
                    w.write("{\"code\":\"" + a.code() + "\",\"name\":" + str(a.name()) + ",\"level\":\"" + a.level()
                            + "\",\"parentCode\":\"" + a.parentCode() + "\",\"geometry\":");
                    geometry(w, a.shape(), p);
                    w.write("}\n");
                }
            }
            case 1 -> {
                for (UnitGrid g : city.grids()) {
                    w.write("{\"code\":\"" + g.code() + "\",\"communityCode\":\"" + g.communityCode()
                            + "\",\"areaM2\":" + Math.round(g.shape().getArea()) + ",\"geometry\":");
                    geometry(w, g.shape(), p);
                    w.write("}\n");
                }
            }
            case 2 -> {
                for (Part part : city.parts()) {
                    w.write("{\"code\":\"" + part.code() + "\",\"classCode\":\"" + part.classCode() + "\",\"lng\":"
                            + deg(p.lng(part.x())) + ",\"lat\":" + deg(p.lat(part.y())) + ",\"gridCode\":\""
                            + part.gridCode() + "\",\"departmentCode\":\"" + part.departmentCode() + "\",\"state\":\""
                            + part.state() + "\",\"address\":" + str(part.address()) + "}\n");
                }
            }
            case 3 -> {
                for (Department d : city.departments()) {
                    w.write("{\"code\":\"" + d.code() + "\",\"name\":" + str(d.name()) + ",\"kind\":\"" + d.kind()
                            + "\",\"handles\":[" + String.join(",", d.handles().stream().map(DemoCityExport::str).toList())
                            + "],\"areaCode\":\"" + d.areaCode() + "\"}\n");
                }
            }
            case 4 -> {
                for (Camera c : city.cameras()) {
                    w.write("{\"id\":\"" + c.id() + "\",\"name\":" + str(c.name()) + ",\"lng\":" + deg(p.lng(c.x()))
                            + ",\"lat\":" + deg(p.lat(c.y())) + ",\"heading\":" + c.heading() + ",\"fieldOfView\":"
                            + c.fieldOfView() + ",\"shared\":" + c.shared() + ",\"owner\":" + str(c.owner())
                            + ",\"mainUrl\":" + str(c.mainUrl()) + ",\"subUrl\":" + str(c.subUrl()) + "}\n");
                }
            }
            case 5 -> {
                for (Sensor s : city.sensors()) {
                    w.write("{\"id\":\"" + s.id() + "\",\"kind\":\"" + s.kind() + "\",\"name\":" + str(s.name())
                            + ",\"lng\":" + deg(p.lng(s.x())) + ",\"lat\":" + deg(p.lat(s.y()))
                            + (s.partCode() == null ? "" : ",\"partCode\":\"" + s.partCode() + "\"") + "}\n");
                }
            }
            case 7 -> {
                for (CityLine l : city.lines()) {
                    w.write("{\"name\":" + str(l.name()) + ",\"kind\":\"" + l.kind() + "\",\"class\":\"" + l.lineClass()
                            + "\",\"generated\":" + l.generated() + ",\"geometry\":" + lineJson(l.shape(), p) + "}\n");
                }
            }
            default -> {
                for (Threshold t : city.thresholds()) {
                    w.write("{\"kind\":\"" + t.kind() + "\",\"level\":\"" + t.level() + "\",\"quantity\":\""
                            + t.quantity() + "\",\"value\":" + t.value() + ",\"unit\":\"" + t.unit()
                            + "\",\"meaning\":" + str(t.meaning()) + "}\n");
                }
            }
        }
        w.flush();
    }

    /** GeoJSON text of a (multi)polygon in metres, in lng/lat. */
    public static String geoJson(Geometry g, LocalProjection p) {
        java.io.StringWriter w = new java.io.StringWriter();
        try {
            geometry(w, g, p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return w.toString();
    }

    /** GeoJSON text of a line or multi-line in metres, in lng/lat. */
    public static String lineJson(Geometry g, LocalProjection p) {
        java.io.StringWriter w = new java.io.StringWriter();
        try {
            boolean multi = g.getNumGeometries() > 1;
            w.write(multi ? "{\"type\":\"MultiLineString\",\"coordinates\":[" : "{\"type\":\"LineString\",\"coordinates\":");
            for (int i = 0; i < g.getNumGeometries(); i++) {
                if (i > 0) {
                    w.write(',');
                }
                ring(w, g.getGeometryN(i).getCoordinates(), p);
            }
            w.write(multi ? "]}" : "}");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return w.toString();
    }

    /** GeoJSON geometry of a (multi)polygon in metres, written in lng/lat. */
    private static void geometry(Writer w, Geometry g, LocalProjection p) throws IOException {
        boolean multi = g.getNumGeometries() > 1;
        w.write(multi ? "{\"type\":\"MultiPolygon\",\"coordinates\":[" : "{\"type\":\"Polygon\",\"coordinates\":");
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (i > 0) {
                w.write(',');
            }
            Polygon polygon = (Polygon) g.getGeometryN(i);
            w.write('[');
            ring(w, polygon.getExteriorRing().getCoordinates(), p);
            for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                w.write(',');
                ring(w, polygon.getInteriorRingN(h).getCoordinates(), p);
            }
            w.write(']');
        }
        w.write(multi ? "]}" : "}");
    }

    private static void ring(Writer w, Coordinate[] cs, LocalProjection p) throws IOException {
        w.write('[');
        for (int i = 0; i < cs.length; i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write("[" + deg(p.lng(cs[i].x)) + "," + deg(p.lat(cs[i].y)) + "]");
        }
        w.write(']');
    }

    private static String deg(double v) {
        return String.format(Locale.ROOT, "%.7f", v);
    }

    private static String str(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
