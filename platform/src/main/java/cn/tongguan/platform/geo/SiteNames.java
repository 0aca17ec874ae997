package cn.tongguan.platform.geo;

import cn.tongguan.platform.audit.AuditLog;
import cn.tongguan.platform.storage.Database;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The upgrade step for cameras and sensors loaded before the demo city named its roads (ADR 0111, 0132): a site
 * still named by its coordinates ("视频001·113.8646,35.2996") is renamed by the nearest named road of
 * {@code geo_lines} — the crossing of two roads when both pass within {@value #CROSSING_M} m
 * ("平原路与胜利路交叉口·视频001"), the road when it is the only one ("平原路·下穿通道"), "附近" when it is farther
 * than that, and left alone beyond {@value #NEAR_M} m. Each rename goes to the audit log. Idempotent: a renamed
 * site no longer ends in coordinates. Runs at the platform's start and after an import of lines, cameras or sensors.
 */
public final class SiteNames {
    private static final Logger LOG = LoggerFactory.getLogger(SiteNames.class);
    /** "<what>·<lng>,<lat>", the form of the first demo city's names. */
    static final Pattern BY_COORDINATES = Pattern.compile("^(.*?)\\s*[·・]\\s*\\d{1,3}\\.\\d+\\s*,\\s*\\d{1,2}\\.\\d+$");
    static final int CROSSING_M = 40;
    static final int NEAR_M = 300;
    private static final double M_PER_DEGREE = 111_320;

    private final Database db;
    private final ObjectMapper mapper;
    private final AuditLog audit;
    private final GeometryFactory factory = new GeometryFactory();

    public SiteNames(Database db, ObjectMapper mapper, AuditLog audit) {
        this.db = db;
        this.mapper = mapper;
        this.audit = audit;
    }

    private record Road(String name, Geometry line) {
    }

    private record Site(String table, String id, String name, double lng, double lat) {
    }

    /** Renames what it can; returns how many sites it renamed. */
    public int run() {
        List<Site> sites = new ArrayList<>();
        List<Road> roads = new ArrayList<>();
        db.read(tx -> {
            for (String table : List.of("cameras", "sensors")) {
                try (PreparedStatement ps = tx.connection().prepareStatement("SELECT id, name, lng, lat FROM " + table);
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String name = rs.getString(2);
                        if (name != null && BY_COORDINATES.matcher(name).matches()) {
                            sites.add(new Site(table, rs.getString(1), name, rs.getDouble(3), rs.getDouble(4)));
                        }
                    }
                }
            }
            if (sites.isEmpty()) {
                return null;
            }
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "SELECT name, geometry FROM geo_lines WHERE kind = 'road' AND generated = FALSE ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    roads.add(new Road(rs.getString(1), GeoJson.toLines(tree(rs.getString(2)))));
                }
            }
            return null;
        });
        int renamed = 0;
        for (Site s : sites) {
            String name = renamed(s, roads);
            if (name == null) {
                continue;
            }
            boolean done = db.write(tx -> {
                try (PreparedStatement ps = tx.connection().prepareStatement(
                        "UPDATE " + s.table() + " SET name = ? WHERE id = ? AND name = ?")) {
                    ps.setString(1, name);
                    ps.setString(2, s.id());
                    ps.setString(3, s.name());
                    if (ps.executeUpdate() != 1) {
                        return false; // renamed meanwhile by someone else: theirs stands
                    }
                    audit.append(tx, new AuditLog.Act("system", null, null, "site.renamed",
                            s.table() + ":" + s.id(), "ok", s.name() + " → " + name));
                    return true;
                }
            });
            renamed += done ? 1 : 0;
        }
        if (!sites.isEmpty()) {
            LOG.info("Sites named by coordinates: {} found, {} renamed by the nearest named road", sites.size(), renamed);
        }
        return renamed;
    }

    /** The new name, or null when no named road is near. */
    String renamed(Site s, List<Road> roads) {
        Point at = factory.createPoint(new Coordinate(s.lng(), s.lat()));
        double cos = Math.cos(Math.toRadians(s.lat()));
        record Near(String name, double metres) {
        }
        List<Near> near = new ArrayList<>();
        for (Road r : roads) {
            Coordinate[] closest = new org.locationtech.jts.operation.distance.DistanceOp(r.line(), at).nearestPoints();
            double dx = (closest[0].x - s.lng()) * cos * M_PER_DEGREE;
            double dy = (closest[0].y - s.lat()) * M_PER_DEGREE;
            near.add(new Near(r.name(), Math.hypot(dx, dy)));
        }
        near.sort(Comparator.comparingDouble(Near::metres));
        if (near.isEmpty() || near.get(0).metres() > NEAR_M) {
            return null;
        }
        Near first = near.get(0);
        Near second = near.stream().filter(n -> !n.name().equals(first.name())).findFirst().orElse(null);
        String place;
        if (first.metres() <= CROSSING_M && second != null && second.metres() <= CROSSING_M) {
            place = first.name() + "与" + second.name() + "交叉口";
        } else {
            place = first.name() + (first.metres() <= CROSSING_M ? "" : "附近");
        }
        Matcher m = BY_COORDINATES.matcher(s.name());
        String what = m.matches() ? m.group(1).strip() : "";
        String name = what.isEmpty() ? place : place + "·" + what;
        return name.length() > 100 ? name.substring(0, 100) : name;
    }

    private com.fasterxml.jackson.databind.JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
