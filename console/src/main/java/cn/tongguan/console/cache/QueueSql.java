package cn.tongguan.console.cache;

import cn.tongguan.console.queue.QueueTab;
import cn.tongguan.console.queue.QueueQuery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The WHERE clause of a queue query with its arguments, shaped so that H2 can use the state-first indexes. */
record QueueSql(String sql, List<Object> args) {
    static QueueSql where(QueueQuery q, QueueTab tab, long now) {
        StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        List<String> states = tab.states();
        if (!states.isEmpty()) {
            sql.append(" AND state IN (").append("?, ".repeat(states.size() - 1)).append("?)");
            args.addAll(states);
        }
        if (tab == QueueTab.OVERDUE) {
            sql.append(" AND deadline < ?");
            args.add(now);
        }
        eq(sql, args, "source", q.source());
        eq(sql, args, "big_code", q.bigCode());
        eq(sql, args, "district_code", q.districtCode());
        eq(sql, args, "street_code", q.streetCode());
        eq(sql, args, "community_code", q.communityCode());
        eq(sql, args, "grid_code", q.gridCode());
        eq(sql, args, "department_code", q.departmentCode());
        if (q.light() != null) {
            String running = switch (q.light()) {
                case "red" -> "deadline < ?";
                case "yellow" -> "warn_at <= ? AND deadline >= ?";
                default -> "warn_at > ?";
            };
            String clock = "?, ".repeat(Lights.CLOCK_RUNS.size() - 1) + "?";
            sql.append(" AND ((deadline IS NOT NULL AND state IN (").append(clock).append(") AND ").append(running)
                    .append(") OR (state NOT IN (").append(clock).append(") AND light = ?))");
            args.addAll(Lights.CLOCK_RUNS);
            args.add(now);
            if ("yellow".equals(q.light())) {
                args.add(now);
            }
            args.addAll(Lights.CLOCK_RUNS);
            args.add(q.light());
        }
        if (q.text() != null) {
            String escaped = q.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            if (q.text().chars().allMatch(Character::isDigit)) {
                // A number: the start of a case number, found through its index.
                sql.append(" AND case_no LIKE ?");
                args.add(escaped + "%");
            } else {
                sql.append(" AND (description LIKE ? OR address LIKE ?)");
                args.add("%" + escaped + "%");
                args.add("%" + escaped + "%");
            }
        }
        return new QueueSql(sql.toString(), args);
    }

    private static void eq(StringBuilder sql, List<Object> args, String column, String value) {
        if (value != null && !value.isBlank()) {
            sql.append(" AND ").append(column).append(" = ?");
            args.add(value);
        }
    }

    PreparedStatement prepare(Connection c, String fullSql) throws SQLException {
        PreparedStatement ps = c.prepareStatement(fullSql);
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
        return ps;
    }
}
