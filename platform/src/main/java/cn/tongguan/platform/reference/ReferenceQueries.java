package cn.tongguan.platform.reference;

import cn.tongguan.api.Reference;
import cn.tongguan.platform.storage.Database;
import cn.tongguan.platform.storage.Sql;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Read side of reference data for the HTTP API. */
public final class ReferenceQueries {
    private final Database db;
    private final ObjectMapper mapper;

    public ReferenceQueries(Database db, ObjectMapper mapper) {
        this.db = db;
        this.mapper = mapper;
    }

    /** District → street → community tree (no geometry; grids come separately). */
    public List<Reference.DivisionNode> divisionTree() {
        return db.read(tx -> {
            Map<String, String[]> rows = new LinkedHashMap<>();
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT code, name, level, parent_code FROM divisions ORDER BY code");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
                }
            }
            Map<String, List<String>> children = new LinkedHashMap<>();
            List<String> roots = new ArrayList<>();
            rows.forEach((code, r) -> {
                if (r[2] == null || !rows.containsKey(r[2])) {
                    roots.add(code);
                } else {
                    children.computeIfAbsent(r[2], k -> new ArrayList<>()).add(code);
                }
            });
            return roots.stream().map(c -> node(c, rows, children)).toList();
        });
    }

    private static Reference.DivisionNode node(String code, Map<String, String[]> rows, Map<String, List<String>> children) {
        List<String> kids = children.getOrDefault(code, List.of());
        return new Reference.DivisionNode(code, rows.get(code)[0], rows.get(code)[1],
                kids.isEmpty() ? null : kids.stream().map(k -> node(k, rows, children)).toList());
    }

    /** Grids as a GeoJSON FeatureCollection, optionally of one district/street/community. */
    public void gridsGeoJson(String divisionCode, OutputStream out) throws IOException {
        String sql = "SELECT code, community_code, street_code, district_code, geometry FROM grids"
                + (divisionCode == null ? "" : " WHERE district_code = ? OR street_code = ? OR community_code = ?") + " ORDER BY code";
        Object[] args = divisionCode == null ? new Object[0] : new Object[] {divisionCode, divisionCode, divisionCode};
        out.write("{\"type\":\"FeatureCollection\",\"features\":[".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        db.read(tx -> {
            try (PreparedStatement ps = Sql.prepare(tx.connection(), sql, args); ResultSet rs = ps.executeQuery()) {
                boolean first = true;
                while (rs.next()) {
                    Map<String, Object> props = new LinkedHashMap<>();
                    props.put("code", rs.getString(1));
                    props.put("communityCode", rs.getString(2));
                    props.put("streetCode", rs.getString(3));
                    props.put("districtCode", rs.getString(4));
                    String feature = "{\"type\":\"Feature\",\"id\":" + mapper.writeValueAsString(rs.getString(1))
                            + ",\"properties\":" + mapper.writeValueAsString(props) + ",\"geometry\":" + rs.getString(5) + "}";
                    out.write(((first ? "" : ",") + feature).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    first = false;
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return null;
        });
        out.write("]}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Reference.Part part(ResultSet rs) throws SQLException {
        int door = rs.getInt(10);
        return new Reference.Part(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDouble(4), rs.getDouble(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.wasNull() ? null : door);
    }

    private static final String PART_COLUMNS = "code, small_code, name, lng, lat, grid_code, department_code, status, road, door_number";

    public List<Reference.Part> partsInBox(double minLng, double minLat, double maxLng, double maxLat, int limit) {
        return db.read(tx -> {
            List<Reference.Part> out = new ArrayList<>();
            try (PreparedStatement ps = Sql.prepare(tx.connection(), "SELECT " + PART_COLUMNS + " FROM parts WHERE lng BETWEEN ? AND ? "
                    + "AND lat BETWEEN ? AND ? ORDER BY code FETCH FIRST " + limit + " ROWS ONLY", minLng, maxLng, minLat, maxLat);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(part(rs));
                }
            }
            return out;
        });
    }

    /** The parts whose code is one of {@code codes} (part identification codes named in an address). */
    public List<Reference.Part> partsByCode(List<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return db.read(tx -> {
            List<Reference.Part> out = new ArrayList<>();
            try (PreparedStatement ps = Sql.prepare(tx.connection(), "SELECT " + PART_COLUMNS + " FROM parts WHERE code IN ("
                    + "?, ".repeat(codes.size() - 1) + "?)", codes.toArray());
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(part(rs));
                }
            }
            return out;
        });
    }

    /** Every part as NDJSON, streamed (629,724 of them in Xinxiang). */
    public void allParts(OutputStream out) {
        db.read(tx -> {
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT " + PART_COLUMNS + " FROM parts ORDER BY code")) {
                ps.setFetchSize(2000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.write(mapper.writeValueAsBytes(part(rs)));
                        out.write('\n');
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return null;
        });
    }

    public List<Reference.Category> categories() {
        return db.read(tx -> {
            Map<String, List<Reference.TimeLimit>> limits = new LinkedHashMap<>();
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT kind, category_code, urgency, amount, unit FROM time_limits");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    limits.computeIfAbsent(rs.getString(1) + ":" + rs.getString(2), k -> new ArrayList<>())
                            .add(new Reference.TimeLimit(rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5)));
                }
            }
            List<Reference.Category> out = new ArrayList<>();
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT kind, code, level, parent_code, name FROM categories ORDER BY kind, code");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Reference.Category(rs.getString(2), rs.getString(1), rs.getString(3), rs.getString(4),
                            rs.getString(5), limits.get(rs.getString(1) + ":" + rs.getString(2))));
                }
            }
            return out;
        });
    }

    public List<Reference.Department> departments() {
        return db.read(tx -> {
            Map<String, List<String>[]> scopes = new LinkedHashMap<>();
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT department_code, category_code, district_code FROM department_scopes");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    @SuppressWarnings({"unchecked", "rawtypes"}) // a pair of lists; Java has no generic arrays
                    List<String>[] s = scopes.computeIfAbsent(rs.getString(1), k -> new List[] {new ArrayList<>(), new ArrayList<>()});
                    addDistinct(s[0], rs.getString(2));
                    addDistinct(s[1], rs.getString(3));
                }
            }
            List<Reference.Department> out = new ArrayList<>();
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT code, name FROM departments ORDER BY code");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String>[] s = scopes.get(rs.getString(1));
                    out.add(new Reference.Department(rs.getString(1), rs.getString(2), s == null ? null : s[0], s == null ? null : s[1]));
                }
            }
            return out;
        });
    }

    private static void addDistinct(List<String> l, String v) {
        if (!"*".equals(v) && !l.contains(v)) {
            l.add(v);
        }
    }

    public List<Reference.Camera> cameras() {
        return db.read(tx -> {
            List<Reference.Camera> out = new ArrayList<>();
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT id, name, lng, lat, stream_url, status FROM cameras ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Reference.Camera(rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getDouble(4),
                            rs.getString(5), rs.getString(6)));
                }
            }
            return out;
        });
    }

    public List<Reference.Sensor> sensors() {
        return db.read(tx -> {
            List<Reference.Sensor> out = new ArrayList<>();
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "SELECT id, kind, name, lng, lat, unit, threshold, last_value, last_at FROM sensors ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Reference.Sensor(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDouble(4),
                            rs.getDouble(5), rs.getString(6), Sql.getDouble(rs, "threshold"), Sql.getDouble(rs, "last_value"),
                            Sql.instant(rs, "last_at")));
                }
            }
            return out;
        });
    }

    /** Parses a stored GeoJSON geometry (used by tests and the division endpoint with geometry). */
    public JsonNode geometry(String json) throws IOException {
        return mapper.readTree(json);
    }
}
