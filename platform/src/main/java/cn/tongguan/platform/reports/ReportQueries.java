package cn.tongguan.platform.reports;

import cn.tongguan.platform.storage.Database;
import cn.tongguan.platform.storage.Sql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a report shows that the evaluation does not carry: the names behind codes and where a hot grid lies.
 * Plain SQL that runs the same on H2 and PostgreSQL.
 */
final class ReportQueries {
    private final Database db;

    ReportQueries(Database db) {
        this.db = db;
    }

    /** A grid's street and district, as the period's cases record them (grids of a case may predate the grid table). */
    record Place(String streetCode, String districtCode) {
    }

    Map<String, Place> places(List<String> grids, Instant from, Instant to) {
        if (grids.isEmpty()) {
            return Map.of();
        }
        String marks = String.join(", ", Collections.nCopies(grids.size(), "?"));
        List<Object> args = new ArrayList<>(List.of(from.toEpochMilli(), to.toEpochMilli()));
        args.addAll(grids);
        return db.read(tx -> {
            Map<String, Place> out = new HashMap<>();
            try (PreparedStatement ps = Sql.prepare(tx.connection(), "SELECT grid_code, MAX(street_code), MAX(district_code) "
                    + "FROM cases WHERE reported_at >= ? AND reported_at < ? AND grid_code IN (" + marks + ") GROUP BY grid_code",
                    args.toArray()); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new Place(rs.getString(2), rs.getString(3)));
                }
            }
            return out;
        });
    }

    /** Names behind codes, for labels; a code without a name is shown as itself. */
    record Names(Map<String, String> classes, Map<String, String> divisions, Map<String, String> departments) {
        String of(Map<String, String> m, String code) {
            return code == null ? "—" : m.getOrDefault(code, code);
        }
    }

    Names names() {
        return db.read(tx -> {
            List<Map<String, String>> maps = new ArrayList<>();
            for (String sql : List.of("SELECT code, name FROM categories", "SELECT code, name FROM divisions",
                    "SELECT code, name FROM departments")) {
                Map<String, String> m = new HashMap<>();
                try (PreparedStatement ps = tx.connection().prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        m.putIfAbsent(rs.getString(1), rs.getString(2));
                    }
                }
                maps.add(m);
            }
            return new Names(maps.get(0), maps.get(1), maps.get(2));
        });
    }
}
