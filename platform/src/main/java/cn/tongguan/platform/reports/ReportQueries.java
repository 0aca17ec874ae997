package cn.tongguan.platform.reports;

import cn.tongguan.platform.storage.Database;
import cn.tongguan.platform.storage.Sql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The few figures a report needs that StatsService does not give: cases per day, per class and per grid, and the
 * names behind codes. Plain SQL that runs the same on H2 and PostgreSQL (integer division for the day).
 */
final class ReportQueries {
    /** Cases close within weeks: looking back this far for cases closed in the period keeps to the reported_at index. */
    static final Duration CLOSE_LOOKBACK = Duration.ofDays(120);
    private static final long DAY = 86_400_000L;
    private static final long OFFSET = 8 * 3_600_000L; // Asia/Shanghai has no daylight saving time

    private final Database db;

    ReportQueries(Database db) {
        this.db = db;
    }

    record Daily(LocalDate day, long received, long closed) {
    }

    record Count(String code, long count, String streetCode, String districtCode) {
    }

    List<Daily> daily(Instant from, Instant to) {
        Map<Long, long[]> byDay = new TreeMap<>();
        for (long d = (from.toEpochMilli() + OFFSET) / DAY; d < (to.toEpochMilli() + OFFSET) / DAY; d++) {
            byDay.put(d, new long[2]);
        }
        db.read(tx -> {
            String day = "(reported_at + " + OFFSET + ") / " + DAY;
            try (PreparedStatement ps = Sql.prepare(tx.connection(), "SELECT " + day + ", COUNT(*) FROM cases "
                    + "WHERE reported_at >= ? AND reported_at < ? GROUP BY " + day, from.toEpochMilli(), to.toEpochMilli());
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long[] v = byDay.get(rs.getLong(1));
                    if (v != null) {
                        v[0] = rs.getLong(2);
                    }
                }
            }
            String closedDay = "(closed_at + " + OFFSET + ") / " + DAY;
            try (PreparedStatement ps = Sql.prepare(tx.connection(), "SELECT " + closedDay + ", COUNT(*) FROM cases "
                    + "WHERE reported_at >= ? AND reported_at < ? AND closed_at >= ? AND closed_at < ? AND state = 'closed' "
                    + "GROUP BY " + closedDay, from.minus(CLOSE_LOOKBACK).toEpochMilli(), to.toEpochMilli(),
                    from.toEpochMilli(), to.toEpochMilli());
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long[] v = byDay.get(rs.getLong(1));
                    if (v != null) {
                        v[1] = rs.getLong(2);
                    }
                }
            }
            return null;
        });
        List<Daily> out = new ArrayList<>(byDay.size());
        byDay.forEach((d, v) -> out.add(new Daily(LocalDate.ofEpochDay(d), v[0], v[1])));
        return out;
    }

    /** The {@code limit} most frequent small classes of cases reported in the period. */
    List<Count> classes(Instant from, Instant to, int limit) {
        return top("SELECT small_code, COUNT(*), NULL, NULL FROM cases WHERE reported_at >= ? AND reported_at < ? "
                + "GROUP BY small_code ORDER BY COUNT(*) DESC, small_code", from, to, limit);
    }

    /** The {@code limit} grids with the most cases reported in the period, with their street and district. */
    List<Count> grids(Instant from, Instant to, int limit) {
        return top("SELECT grid_code, COUNT(*), MAX(street_code), MAX(district_code) FROM cases "
                + "WHERE reported_at >= ? AND reported_at < ? AND grid_code IS NOT NULL "
                + "GROUP BY grid_code ORDER BY COUNT(*) DESC, grid_code", from, to, limit);
    }

    private List<Count> top(String sql, Instant from, Instant to, int limit) {
        return db.read(tx -> {
            List<Count> out = new ArrayList<>();
            try (PreparedStatement ps = Sql.prepare(tx.connection(), sql + " LIMIT " + limit, from.toEpochMilli(),
                    to.toEpochMilli()); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Count(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4)));
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
