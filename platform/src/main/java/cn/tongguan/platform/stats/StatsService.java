package cn.tongguan.platform.stats;

import cn.tongguan.api.Stats;
import cn.tongguan.platform.storage.Database;
import cn.tongguan.platform.storage.Sql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluation figures per department, district or street for cases reported in [from, to) — domain.md §4:
 * 处置率 = 处置数/应处置数 (dispatched), 按期处置率, 结案率 = 结案数/应结案数 (filed, not void), 按期结案率,
 * 返工率 = 返工数/应结案数, 延期率 = 延期数/应处置数, 超期待处置率 = overdue open/应处置数. One GROUP BY query.
 */
public final class StatsService {
    private final Database db;
    private final Clock clock;

    public StatsService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Stats.Report report(String groupBy, Instant from, Instant to) {
        String col = switch (groupBy) {
            case "department" -> "department_code";
            case "street" -> "street_code";
            default -> "district_code";
        };
        String names = "department".equals(groupBy) ? "SELECT code, name FROM departments" : "SELECT code, name FROM divisions";
        long now = clock.millis();
        String sql = "SELECT g.k, n.name, g.reported, g.filed, g.dispatched, g.disposed, g.disposed_in_time, g.should_close, "
                + "g.closed, g.closed_in_time, g.rework, g.extended, g.overdue_open, g.voided FROM (SELECT " + col + " AS k, "
                + "COUNT(*) AS reported, "
                + "SUM(CASE WHEN filed_at IS NOT NULL THEN 1 ELSE 0 END) AS filed, "
                + "SUM(CASE WHEN dispatched_at IS NOT NULL THEN 1 ELSE 0 END) AS dispatched, "
                + "SUM(CASE WHEN disposed_at IS NOT NULL THEN 1 ELSE 0 END) AS disposed, "
                + "SUM(CASE WHEN disposed_in_time THEN 1 ELSE 0 END) AS disposed_in_time, "
                + "SUM(CASE WHEN filed_at IS NOT NULL AND state <> 'void' THEN 1 ELSE 0 END) AS should_close, "
                + "SUM(CASE WHEN state = 'closed' AND filed_at IS NOT NULL THEN 1 ELSE 0 END) AS closed, "
                + "SUM(CASE WHEN closed_in_time AND filed_at IS NOT NULL THEN 1 ELSE 0 END) AS closed_in_time, "
                + "SUM(CASE WHEN rework_count > 0 THEN 1 ELSE 0 END) AS rework, "
                + "SUM(CASE WHEN extension_count > 0 THEN 1 ELSE 0 END) AS extended, "
                + "SUM(CASE WHEN clock_started_at IS NOT NULL AND deadline_at < ? THEN 1 ELSE 0 END) AS overdue_open, "
                + "SUM(CASE WHEN state = 'void' THEN 1 ELSE 0 END) AS voided "
                + "FROM cases WHERE reported_at >= ? AND reported_at < ? AND " + col + " IS NOT NULL GROUP BY " + col + ") g "
                + "LEFT JOIN (" + names + ") n ON n.code = g.k ORDER BY g.k";
        List<Stats.Row> rows = db.read(tx -> {
            List<Stats.Row> out = new ArrayList<>();
            try (PreparedStatement ps = Sql.prepare(tx.connection(), sql, now, from.toEpochMilli(), to.toEpochMilli());
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long dispatched = rs.getLong(5);
                    long shouldClose = rs.getLong(8);
                    out.add(new Stats.Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), dispatched,
                            rs.getLong(6), rs.getLong(7), shouldClose, rs.getLong(9), rs.getLong(10), rs.getLong(11),
                            rs.getLong(12), rs.getLong(13), rs.getLong(14),
                            rate(rs.getLong(6), dispatched), rate(rs.getLong(7), dispatched), rate(rs.getLong(9), shouldClose),
                            rate(rs.getLong(10), shouldClose), rate(rs.getLong(11), shouldClose), rate(rs.getLong(12), dispatched),
                            rate(rs.getLong(13), dispatched)));
                }
            }
            return out;
        });
        return new Stats.Report(groupBy, from, to, rows);
    }

    private static Double rate(long n, long d) {
        return d == 0 ? null : (double) n / d;
    }
}
