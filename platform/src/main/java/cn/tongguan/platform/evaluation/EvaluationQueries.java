package cn.tongguan.platform.evaluation;

import cn.tongguan.api.Evaluation;
import cn.tongguan.platform.storage.Database;
import cn.tongguan.platform.storage.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * SQL of the evaluation, built from the {@link EvaluationModel}: one pass over the period's cohort (cases reported
 * in [from, to), read through the {@code cases_reported} index) counting every measure with
 * {@code SUM(CASE WHEN …)}; per-step measures join the cohort's steps. The cases behind a figure are read with
 * the very same condition, so a traced list always has the figure's count.
 */
final class EvaluationQueries {
    private static final long DAY_MS = 86_400_000L;
    private static final long SHANGHAI_OFFSET_MS = 8 * 3_600_000L;

    /**
     * The cohort: cases reported in [from, to). Ids grow with report time (live numbering and the history import
     * alike), so the period's id range is read from {@code cases_reported} first and the rows are then scanned in
     * primary-key order — sequential pages instead of one random lookup per case. {@code + 0} keeps H2 from
     * choosing the report-time index for the scan; the time condition still decides membership.
     */
    private static final String COHORT = " c.id BETWEEN ? AND ? AND c.reported_at + 0 >= ? AND c.reported_at + 0 < ?";

    private final Database db;
    private final EvaluationModel model;

    EvaluationQueries(Database db, EvaluationModel model) {
        this.db = db;
        this.model = model;
    }

    /** The SQL condition for one measure (over c, and t for per-step measures). */
    String condition(String measureId, long now) {
        EvaluationModel.Measure m = model.measures().get(measureId);
        List<String> parts = new ArrayList<>();
        if (m.step()) {
            parts.add("t.role = '" + m.role() + "'");
            parts.add("t.action IN (" + quoted(m.actions()) + ")");
            if (m.within() != null) {
                // p is the step just before t: the workflow only reaches these actions' states from the "after"
                // steps (核查 ← 发核查, 立案 ← 受理/核实, …), so "just before" is "the one it answers". A primary-key
                // lookup instead of a MAX() subquery per step: this is what keeps per-role figures fast.
                parts.add("p.action IN (" + quoted(m.within().after()) + ") AND t.at - p.at <= " + m.within().minutes() * 60_000L);
            }
        }
        if (m.where() != null) {
            parts.add("(" + m.where().replace(":now", Long.toString(now)) + ")");
        }
        return parts.isEmpty() ? "1 = 1" : String.join(" AND ", parts);
    }

    private static String quoted(List<String> words) {
        return words.stream().map(w -> "'" + w + "'").collect(Collectors.joining(", "));
    }

    private static String from(boolean step) {
        return step ? " FROM cases c JOIN case_transitions t ON t.case_id = c.id"
                + " LEFT JOIN case_transitions p ON p.case_id = t.case_id AND p.seq = t.seq - 1" : " FROM cases c";
    }

    /**
     * Counts of {@code measures} per subject key (or one row keyed "" when {@code key} is null), for the cohort of
     * [from, to); {@code role} restricts the joined steps of per-step subjects.
     */
    Map<String, long[]> counts(String key, boolean step, String role, List<String> measures, Instant from, Instant to,
                               long now) {
        StringBuilder sql = new StringBuilder("SELECT ").append(key == null ? "''" : key);
        for (String m : measures) {
            sql.append(", SUM(CASE WHEN ").append(condition(m, now)).append(" THEN 1 ELSE 0 END)");
        }
        sql.append(from(step)).append(" WHERE").append(COHORT);
        List<Object> args = new ArrayList<>();
        if (role != null) {
            // Only the steps some measure counts: the join to the step before is then done for those alone.
            List<String> actions = measures.stream().map(model.measures()::get).filter(EvaluationModel.Measure::step)
                    .flatMap(ms -> ms.actions().stream()).distinct().toList();
            sql.append(" AND t.role = ? AND t.action IN (").append(quoted(actions)).append(")");
            args.add(role);
        }
        if (key != null) {
            sql.append(" AND ").append(key).append(" IS NOT NULL GROUP BY ").append(key);
        }
        return db.read(tx -> {
            Map<String, long[]> out = new LinkedHashMap<>();
            List<Object> all = cohort(tx.connection(), from, to);
            all.addAll(args);
            try (PreparedStatement ps = Sql.prepare(tx.connection(), sql.toString(), all.toArray());
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long[] v = new long[measures.size()];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = rs.getLong(i + 2);
                    }
                    out.put(rs.getString(1), v);
                }
            }
            if (key == null && out.isEmpty()) {
                out.put("", new long[measures.size()]);
            }
            return out;
        });
    }

    /** Arguments of {@link #COHORT}: the id range of the cases reported in [from, to), then the instants. */
    private static List<Object> cohort(Connection c, Instant from, Instant to) throws SQLException {
        long min = 1;
        long max = 0;
        try (PreparedStatement ps = Sql.prepare(c, "SELECT MIN(id), MAX(id) FROM cases WHERE reported_at >= ? AND reported_at < ?",
                from.toEpochMilli(), to.toEpochMilli()); ResultSet rs = ps.executeQuery()) {
            if (rs.next() && rs.getObject(1) != null) {
                min = rs.getLong(1);
                max = rs.getLong(2);
            }
        }
        return new ArrayList<>(List.of(min, max, from.toEpochMilli(), to.toEpochMilli()));
    }

    /** Names by code from a two-column query of the model ({@code SELECT code, name FROM …}). */
    Map<String, String> names(String sql) {
        return db.read(tx -> {
            Map<String, String> out = new HashMap<>();
            try (PreparedStatement ps = tx.connection().prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            return out;
        });
    }

    /**
     * The hot grids named by their place (district · street · community, {@link cn.tongguan.api.Places}), for a
     * meeting that reads places, not 15-digit codes. A grid missing from the grids table is named by the divisions
     * its code starts with (GB/T 30428: district 6, street 9, community 12 digits); none known keeps the name null.
     */
    List<Evaluation.Top> placed(List<Evaluation.Top> grids) {
        if (grids.isEmpty()) {
            return grids;
        }
        Map<String, String> divisions = names("SELECT code, name FROM divisions");
        Map<String, String[]> rows = db.read(tx -> {
            Map<String, String[]> out = new HashMap<>();
            String marks = String.join(", ", java.util.Collections.nCopies(grids.size(), "?"));
            try (PreparedStatement ps = Sql.prepare(tx.connection(), "SELECT code, district_code, street_code, community_code "
                    + "FROM grids WHERE code IN (" + marks + ")", grids.stream().map(Evaluation.Top::key).toArray());
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
                }
            }
            return out;
        });
        List<Evaluation.Top> out = new ArrayList<>(grids.size());
        for (Evaluation.Top g : grids) {
            String[] codes = rows.get(g.key());
            if (codes == null) {
                codes = new String[3];
                int[] lengths = {6, 9, 12};
                for (int i = 0; i < 3; i++) {
                    String prefix = g.key().length() > lengths[i] ? g.key().substring(0, lengths[i]) : null;
                    codes[i] = prefix != null && divisions.containsKey(prefix) ? prefix : null;
                }
            }
            boolean known = java.util.Arrays.stream(codes).anyMatch(c -> c != null && divisions.containsKey(c));
            out.add(new Evaluation.Top(g.key(), known ? cn.tongguan.api.Places.name(divisions, cn.tongguan.api.Places.DOT, codes)
                    : g.name(), g.count()));
        }
        return out;
    }

    /** Received, filed and closed per Asia/Shanghai day of report (days without cases are absent). */
    Map<Long, long[]> daily(Instant from, Instant to, long now) {
        String day = "(c.reported_at + " + SHANGHAI_OFFSET_MS + ") / " + DAY_MS;
        String sql = "SELECT " + day + ", COUNT(*), SUM(CASE WHEN " + condition("register", now) + " THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN " + condition("archive", now) + " THEN 1 ELSE 0 END) FROM cases c "
                + "WHERE" + COHORT + " GROUP BY " + day;
        return db.read(tx -> {
            Map<Long, long[]> out = new HashMap<>();
            try (PreparedStatement ps = Sql.prepare(tx.connection(), sql, cohort(tx.connection(), from, to).toArray());
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
                }
            }
            return out;
        });
    }

    /** The {@code limit} most frequent values of {@code column} among the cohort (ties by value); names optional. */
    List<Evaluation.Top> top(String column, String namesSql, Instant from, Instant to, int limit) {
        String sql = "SELECT " + column + ", COUNT(*) FROM cases c WHERE" + COHORT + " AND "
                + column + " IS NOT NULL GROUP BY " + column + " ORDER BY 2 DESC, 1";
        Map<String, String> names = namesSql == null ? Map.of() : names(namesSql);
        return db.read(tx -> {
            List<Evaluation.Top> out = new ArrayList<>();
            try (PreparedStatement ps = Sql.prepare(tx.connection(), sql, cohort(tx.connection(), from, to).toArray())) {
                ps.setMaxRows(limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Evaluation.Top(rs.getString(1), names.get(rs.getString(1)), rs.getLong(2)));
                    }
                }
            }
            return out;
        });
    }

    /** A page of the cases (or steps) meeting {@code measure}, cohort-limited, optionally for one subject key. */
    record Trace(long total, List<Evaluation.TraceItem> items, String nextCursor) {
    }

    Trace trace(String measure, String key, String subjectKey, Instant from, Instant to, long now, String cursor, int limit) {
        boolean step = model.measures().get(measure).step();
        // The measure and the subject sit inside a CASE so that H2 walks the cohort's primary-key range instead of
        // an index on state or department (every closed case of two years, then filtered: seconds, not milliseconds).
        StringBuilder where = new StringBuilder(" WHERE").append(COHORT).append(" AND (CASE WHEN ")
                .append(condition(measure, now));
        List<Object> args = new ArrayList<>();
        if (key != null) {
            where.append(" AND ").append(key).append(" = ?");
            args.add(subjectKey);
        }
        where.append(" THEN 1 ELSE 0 END) = 1");
        String cols = "c.id, c.case_no, c.state, c.kind, c.small_code, c.district_code, c.street_code, c.grid_code, "
                + "c.department_code, c.reported_at, c.lng, c.lat" + (step ? ", t.seq, t.action, t.actor, t.at" : "");
        return db.read(tx -> {
            Connection conn = tx.connection();
            args.addAll(0, cohort(conn, from, to));
            long total = Sql.queryLong(conn, "SELECT COUNT(*)" + from(step) + where, args.toArray());
            StringBuilder page = new StringBuilder("SELECT ").append(cols).append(from(step)).append(where);
            List<Object> pageArgs = new ArrayList<>(args);
            if (cursor != null) {
                long[] c = Cursor.decode(cursor);
                if (step) {
                    page.append(" AND (c.id > ? OR (c.id = ? AND t.seq > ?))");
                    pageArgs.addAll(List.of(c[0], c[0], c[1]));
                } else {
                    page.append(" AND c.id > ?");
                    pageArgs.add(c[0]);
                }
            }
            page.append(step ? " ORDER BY c.id, t.seq" : " ORDER BY c.id");
            List<Evaluation.TraceItem> items = new ArrayList<>();
            try (PreparedStatement ps = Sql.prepare(conn, page.toString(), pageArgs.toArray())) {
                ps.setMaxRows(limit + 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(new Evaluation.TraceItem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                                Instant.ofEpochMilli(rs.getLong(10)), step ? rs.getInt(13) : null,
                                step ? rs.getString(14) : null, step ? rs.getString(15) : null,
                                step ? Instant.ofEpochMilli(rs.getLong(16)) : null, rs.getDouble(11), rs.getDouble(12)));
                    }
                }
            }
            String next = null;
            if (items.size() > limit) {
                items = new ArrayList<>(items.subList(0, limit));
                Evaluation.TraceItem last = items.get(limit - 1);
                next = Cursor.encode(last.caseId(), last.seq() == null ? 0 : last.seq());
            }
            return new Trace(total, items, next);
        });
    }

    /** Opaque cursor "caseId.seq" in base 36. */
    static final class Cursor {
        private Cursor() {
        }

        static String encode(long id, long seq) {
            return Long.toString(id, 36) + "." + Long.toString(seq, 36);
        }

        static long[] decode(String cursor) {
            String[] p = cursor.split("\\.");
            try {
                if (p.length != 2) {
                    throw new NumberFormatException();
                }
                return new long[] {Long.parseLong(p[0], 36), Long.parseLong(p[1], 36)};
            } catch (NumberFormatException e) {
                throw new cn.tongguan.platform.http.ApiException(400, "invalid_parameter", Map.of("parameter", "cursor"),
                        "cursor");
            }
        }
    }
}
