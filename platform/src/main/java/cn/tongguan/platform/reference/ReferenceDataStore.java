package cn.tongguan.platform.reference;

import cn.tongguan.api.Geo;
import cn.tongguan.api.Reference;
import cn.tongguan.platform.geo.GeoJson;
import cn.tongguan.platform.geo.Gazetteer;
import cn.tongguan.platform.geo.Locator;
import cn.tongguan.platform.storage.Database;
import cn.tongguan.platform.storage.Sql;
import cn.tongguan.platform.workflow.WorkCalendar;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Reference data: the bulk-load API for the demo-city generator (issue 4) and the HTTP import, plus the
 * lookups the workflow needs. Every {@code upsert*} replaces rows by key, in batches, in one transaction per
 * call; afterwards the in-memory locator and calendar are rebuilt.
 */
public final class ReferenceDataStore {
    private static final int BATCH = 1000;
    private final Database db;
    private final ObjectMapper mapper;
    private final Envelope cityBounds;
    private volatile Locator locator;
    private volatile Gazetteer gazetteer;
    private volatile WorkCalendar calendar;

    public ReferenceDataStore(Database db, ObjectMapper mapper, Envelope cityBounds) {
        this.db = db;
        this.mapper = mapper;
        this.cityBounds = cityBounds;
        // The migration cannot draw a random token portably: the first start of a database does.
        db.write(tx -> {
            for (String layer : LAYERS) {
                Sql.update(tx.connection(), "UPDATE geo_versions SET token = ? WHERE layer = ? AND token = ?",
                        java.util.UUID.randomUUID().toString(), layer, "initial-" + layer);
            }
            return null;
        });
        reload();
        // Reference data imported through another platform instance on the same database (ADR 0101).
        db.reloadOnChange(TOPIC, () -> loadedVersion, this::reload);
    }

    private static final String TOPIC = "reference";
    /** The {@link #TOPIC} version the locator, gazetteer and calendar were built from. */
    private volatile long loadedVersion;

    /** The layers whose version {@link #version} tells (ETags of the served geography). */
    public static final List<String> LAYERS = List.of("divisions", "lines", "parts");

    /** The current token of a layer: a fresh random one after every change to it. */
    public String version(String layer) {
        return db.read(tx -> {
            try (PreparedStatement ps = Sql.prepare(tx.connection(), "SELECT token FROM geo_versions WHERE layer = ?", layer);
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "none";
            }
        });
    }

    public Locator locator() {
        return locator;
    }

    public Gazetteer gazetteer() {
        return gazetteer;
    }

    public WorkCalendar calendar() {
        return calendar;
    }

    /** Rebuilds the locator (grids and division polygons) and the working calendar from the tables. */
    public void reload() {
        List<Locator.Area> areas = new ArrayList<>();
        List<Gazetteer.Named> named = new ArrayList<>();
        Map<String, Locator.Location> gridCodes = new HashMap<>();
        Map<String, Geometry> gridShapes = new HashMap<>();
        Map<LocalDate, Boolean> days = new HashMap<>();
        String[] hours = {null};
        db.read(tx -> {
            loadedVersion = Database.topicVersion(tx, TOPIC);
            Map<String, String[]> parents = new HashMap<>();
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT code, level, parent_code, geometry, name FROM divisions");
                 ResultSet rs = ps.executeQuery()) {
                List<String[]> withGeometry = new ArrayList<>();
                while (rs.next()) {
                    parents.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
                    if (rs.getString(4) != null) {
                        withGeometry.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(4), rs.getString(5)});
                    }
                }
                for (String[] d : withGeometry) {
                    Locator.Area area = new Locator.Area(d[1], chain(parents, d[0], null), geometry(d[2]));
                    areas.add(area);
                    named.add(new Gazetteer.Named(d[0], d[3], d[1], area.codes(), area.geometry()));
                }
            }
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "SELECT code, community_code, street_code, district_code, geometry FROM grids");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Locator.Area grid = new Locator.Area("grid", new Locator.Location(rs.getString(4), rs.getString(3),
                            rs.getString(2), rs.getString(1)), geometry(rs.getString(5)));
                    areas.add(grid);
                    gridCodes.put(rs.getString(1), grid.codes());
                    gridShapes.put(rs.getString(1), grid.geometry());
                }
            }
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT cal_day, working FROM calendar_days");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    days.put(rs.getObject(1, LocalDate.class), rs.getBoolean(2));
                }
            }
            try (PreparedStatement ps = Sql.prepare(tx.connection(), "SELECT val FROM settings WHERE name = ?", "calendar.hours");
                 ResultSet rs = ps.executeQuery()) {
                hours[0] = rs.next() ? rs.getString(1) : null;
            }
            return null;
        });
        Locator built = new Locator(areas, cityBounds);
        gazetteer = Gazetteer.build(named, gridCodes, gridShapes, built);
        locator = built;
        calendar = hours[0] == null ? WorkCalendar.standard(days)
                : new WorkCalendar(WorkCalendar.parsePeriods(hours[0]), days);
    }

    private static Locator.Location chain(Map<String, String[]> parents, String code, String grid) {
        String district = null;
        String street = null;
        String community = null;
        for (String c = code; c != null && parents.containsKey(c); c = parents.get(c)[1]) {
            switch (parents.get(c)[0]) {
                case "district" -> district = c;
                case "street" -> street = c;
                default -> community = c;
            }
        }
        return new Locator.Location(district, street, community, grid);
    }

    private Geometry geometry(String json) {
        try {
            return GeoJson.toGeometry(mapper.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored geometry is not JSON", e);
        }
    }

    private String json(Object node) {
        try {
            return node == null ? null : mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- bulk load ---------------------------------------------------------------------------------

    public long upsertDivisions(List<Reference.Division> rows) {
        for (Reference.Division d : rows) {
            if (d.geometry() != null) {
                GeoJson.toGeometry(d.geometry());
            }
        }
        return batch("divisions", rows, "DELETE FROM divisions WHERE code = ?", d -> new Object[] {d.code()},
                "INSERT INTO divisions (code, name, level, parent_code, geometry) VALUES (?, ?, ?, ?, ?)",
                d -> new Object[] {d.code(), d.name(), d.level(), d.parentCode(), json(d.geometry())});
    }

    public long upsertGrids(List<Reference.Grid> rows) {
        List<Envelope> envs = new ArrayList<>();
        for (Reference.Grid g : rows) {
            envs.add(GeoJson.toGeometry(g.geometry()).getEnvelopeInternal());
        }
        int[] i = {0};
        return batch(rows, "DELETE FROM grids WHERE code = ?", g -> new Object[] {g.code()},
                "INSERT INTO grids (code, community_code, street_code, district_code, geometry, min_lng, min_lat, max_lng, max_lat) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                g -> {
                    Envelope e = envs.get(i[0]++);
                    return new Object[] {g.code(), g.communityCode(), g.streetCode(), g.districtCode(), json(g.geometry()),
                        e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()};
                });
    }

    public long upsertParts(List<Reference.Part> rows) {
        return batch("parts", rows, "DELETE FROM parts WHERE code = ?", p -> new Object[] {p.code()},
                "INSERT INTO parts (code, small_code, name, lng, lat, grid_code, department_code, status, road, door_number) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                p -> new Object[] {p.code(), p.smallCode(), p.name(), p.lng(), p.lat(), p.gridCode(), p.departmentCode(), p.status(),
                    p.road(), p.doorNumber() == null ? Sql.NullOf.INTEGER : p.doorNumber()});
    }

    /** The lines of the map (roads, waters, railways); each geometry must be a LineString or MultiLineString. */
    public long upsertLines(List<Geo.Line> rows) {
        for (Geo.Line l : rows) {
            GeoJson.toLines(l.geometry());
        }
        return batch("lines", rows, "DELETE FROM geo_lines WHERE id = ?", l -> new Object[] {l.id()},
                "INSERT INTO geo_lines (id, kind, name, line_class, generated, geometry) VALUES (?, ?, ?, ?, ?, ?)",
                l -> new Object[] {l.id(), l.kind(), l.name(), l.lineClass(), l.generated(), json(l.geometry())});
    }

    public long upsertCategories(List<Reference.Category> rows) {
        long n = batch(rows, "DELETE FROM categories WHERE kind = ? AND code = ?", c -> new Object[] {c.kind(), c.code()},
                "INSERT INTO categories (kind, code, level, parent_code, name) VALUES (?, ?, ?, ?, ?)",
                c -> new Object[] {c.kind(), c.code(), c.level(), c.parentCode(), c.name()});
        List<Object[]> limits = new ArrayList<>();
        for (Reference.Category c : rows) {
            for (Reference.TimeLimit l : c.limits()) {
                limits.add(new Object[] {c.kind(), c.code(), l.urgency(), l.amount(), l.unit()});
            }
        }
        batch(limits, "DELETE FROM time_limits WHERE kind = ? AND category_code = ? AND urgency = ?",
                l -> new Object[] {l[0], l[1], l[2]},
                "INSERT INTO time_limits (kind, category_code, urgency, amount, unit) VALUES (?, ?, ?, ?, ?)", l -> l);
        return n;
    }

    public long upsertDepartments(List<Reference.Department> rows) {
        long n = batch(rows, "DELETE FROM departments WHERE code = ?", d -> new Object[] {d.code()},
                "INSERT INTO departments (code, name) VALUES (?, ?)", d -> new Object[] {d.code(), d.name()});
        List<Object[]> scopes = new ArrayList<>();
        for (Reference.Department d : rows) {
            List<String> cats = d.categoryCodes().isEmpty() ? List.of("*") : d.categoryCodes();
            List<String> dists = d.districtCodes().isEmpty() ? List.of("*") : d.districtCodes();
            for (String c : cats) {
                for (String di : dists) {
                    scopes.add(new Object[] {d.code(), c, di});
                }
            }
        }
        db.write(tx -> {
            for (Reference.Department d : rows) {
                Sql.update(tx.connection(), "DELETE FROM department_scopes WHERE department_code = ?", d.code());
            }
            return null;
        });
        batch(scopes, null, null, "INSERT INTO department_scopes (department_code, category_code, district_code) VALUES (?, ?, ?)",
                s -> s);
        return n;
    }

    public long upsertCameras(List<Reference.Camera> rows) {
        return batch(rows, "DELETE FROM cameras WHERE id = ?", c -> new Object[] {c.id()},
                "INSERT INTO cameras (id, name, lng, lat, stream_url, status) VALUES (?, ?, ?, ?, ?, ?)",
                c -> new Object[] {c.id(), c.name(), c.lng(), c.lat(), c.streamUrl(), c.status()});
    }

    public long upsertSensors(List<Reference.Sensor> rows) {
        return batch(rows, "DELETE FROM sensors WHERE id = ?", s -> new Object[] {s.id()},
                "INSERT INTO sensors (id, kind, name, lng, lat, unit, threshold, last_value, last_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                s -> new Object[] {s.id(), s.kind(), s.name(), s.lng(), s.lat(), s.unit(),
                    s.threshold() == null ? Sql.NullOf.DOUBLE : s.threshold(),
                    s.lastValue() == null ? Sql.NullOf.DOUBLE : s.lastValue(),
                    s.lastAt() == null ? Sql.NullOf.BIGINT : s.lastAt().toEpochMilli()});
    }

    public long upsertCalendarDays(List<Reference.CalendarDay> rows) {
        return batch(rows, "DELETE FROM calendar_days WHERE cal_day = ?", d -> new Object[] {d.date()},
                "INSERT INTO calendar_days (cal_day, working) VALUES (?, ?)", d -> new Object[] {d.date(), d.working()});
    }

    /** Sets the working periods of a day, e.g. {@code 08:30-12:00,13:30-17:30}. */
    public void setWorkingHours(String spec) {
        WorkCalendar.parsePeriods(spec);
        db.write(tx -> {
            Sql.update(tx.connection(), "DELETE FROM settings WHERE name = 'calendar.hours'");
            Database.changed(tx, TOPIC);
            return Sql.update(tx.connection(), "INSERT INTO settings (name, val) VALUES ('calendar.hours', ?)", spec);
        });
        reload();
    }

    private <T> long batch(List<T> rows, String deleteSql, java.util.function.Function<T, Object[]> deleteArgs,
                           String insertSql, java.util.function.Function<T, Object[]> insertArgs) {
        return batch(null, rows, deleteSql, deleteArgs, insertSql, insertArgs);
    }

    /** As above; a served {@code layer} (or null) gets a new version in the same transaction. */
    private <T> long batch(String layer, List<T> rows, String deleteSql, java.util.function.Function<T, Object[]> deleteArgs,
                           String insertSql, java.util.function.Function<T, Object[]> insertArgs) {
        return db.write(tx -> {
            if (layer != null) {
                Sql.update(tx.connection(), "UPDATE geo_versions SET token = ? WHERE layer = ?",
                        java.util.UUID.randomUUID().toString(), layer);
            }
            try (PreparedStatement del = deleteSql == null ? null : tx.connection().prepareStatement(deleteSql);
                 PreparedStatement ins = tx.connection().prepareStatement(insertSql)) {
                int pending = 0;
                for (T row : rows) {
                    if (del != null) {
                        Sql.bind(del, deleteArgs.apply(row));
                        del.addBatch();
                    }
                    Sql.bind(ins, insertArgs.apply(row));
                    ins.addBatch();
                    if (++pending == BATCH) {
                        flush(del, ins);
                        pending = 0;
                    }
                }
                flush(del, ins);
            }
            Database.changed(tx, TOPIC);
            return (long) rows.size();
        });
    }

    private static void flush(PreparedStatement del, PreparedStatement ins) throws SQLException {
        if (del != null) {
            del.executeBatch();
        }
        ins.executeBatch();
    }

    // ---- lookups used by the workflow ----------------------------------------------------------------

    public boolean categoryExists(Database.Tx tx, String kind, String bigCode, String smallCode) throws SQLException {
        return Sql.queryLong(tx.connection(), "SELECT COUNT(*) FROM categories WHERE kind = ? AND code = ? AND level = 'small' "
                + "AND parent_code = ?", kind, smallCode, bigCode) > 0;
    }

    public boolean departmentExists(Database.Tx tx, String code) throws SQLException {
        return Sql.queryLong(tx.connection(), "SELECT COUNT(*) FROM departments WHERE code = ?", code) > 0;
    }

    public boolean partExists(Database.Tx tx, String code) throws SQLException {
        return Sql.queryLong(tx.connection(), "SELECT COUNT(*) FROM parts WHERE code = ?", code) > 0;
    }

    /** The time limit of a small class at an urgency; falls back to the normal urgency. */
    public Optional<Reference.TimeLimit> timeLimit(Database.Tx tx, String kind, String smallCode, String urgency)
            throws SQLException {
        try (PreparedStatement ps = Sql.prepare(tx.connection(), "SELECT urgency, amount, unit FROM time_limits "
                + "WHERE kind = ? AND category_code = ? AND urgency IN (?, 'normal')", kind, smallCode, urgency);
             ResultSet rs = ps.executeQuery()) {
            Reference.TimeLimit normal = null;
            while (rs.next()) {
                Reference.TimeLimit l = new Reference.TimeLimit(smallCode, rs.getString(1), rs.getInt(2), rs.getString(3));
                if (l.urgency().equals(urgency)) {
                    return Optional.of(l);
                }
                normal = l;
            }
            return Optional.ofNullable(normal);
        }
    }

    /** The nearest part of a small class within ~50 m (bbox on the (lng, lat) index, then distance). */
    public Optional<String> nearestPart(Database.Tx tx, String smallCode, double lng, double lat) throws SQLException {
        double dLat = cn.tongguan.api.GeoDistance.degreesLat(50);
        double dLng = cn.tongguan.api.GeoDistance.degreesLng(50, lat);
        try (PreparedStatement ps = Sql.prepare(tx.connection(), "SELECT code, lng, lat FROM parts WHERE lng BETWEEN ? AND ? "
                + "AND lat BETWEEN ? AND ? AND small_code = ?", lng - dLng, lng + dLng, lat - dLat, lat + dLat, smallCode);
             ResultSet rs = ps.executeQuery()) {
            String best = null;
            double bestD = Double.MAX_VALUE;
            while (rs.next()) {
                double dx = (rs.getDouble(2) - lng) / dLng;
                double dy = (rs.getDouble(3) - lat) / dLat;
                double d = dx * dx + dy * dy;
                if (d <= 1 && d < bestD) {
                    bestD = d;
                    best = rs.getString(1);
                }
            }
            return Optional.ofNullable(best);
        }
    }
}
