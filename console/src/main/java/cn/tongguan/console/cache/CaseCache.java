package cn.tongguan.console.cache;

import cn.tongguan.api.Cases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cached cases: bulk fill from a snapshot, version-checked upserts from events, and the queue's queries
 * (tab, filters, sort, counts per tab), which the indexes of {@link CacheDatabase} keep fast at a million rows.
 */
public final class CaseCache {
    private static final String SELECT = "SELECT " + CaseRows.COLUMNS + ", pending FROM cases";
    private static final String INSERT = "INSERT INTO cases (" + CaseRows.COLUMNS + ") VALUES ("
            + "?, ".repeat(CaseRows.COUNT - 1) + "?)";
    /** Newer-or-equal versions win: the platform's answer to our own action carries the version we predicted. */
    private static final String UPSERT = mergeStatement();

    private final CacheDatabase db;

    public CaseCache(CacheDatabase db) {
        this.db = db;
    }

    private static String mergeStatement() {
        String[] cols = CaseRows.COLUMNS.split(", ");
        StringBuilder sql = new StringBuilder("MERGE INTO cases t USING (SELECT ");
        for (int i = 0; i < cols.length; i++) {
            sql.append(i == 0 ? "" : ", ").append("CAST(? AS ").append(type(cols[i])).append(") ").append(cols[i]);
        }
        sql.append(") s ON t.id = s.id WHEN MATCHED AND t.version <= s.version THEN UPDATE SET ");
        for (int i = 1; i < cols.length; i++) {
            sql.append(i == 1 ? "" : ", ").append(cols[i]).append(" = ");
            if (cols[i].startsWith("reporter_")) {
                // Events carry no personal data (they also reach the wall): keep what the snapshot or detail gave.
                sql.append("COALESCE(s.").append(cols[i]).append(", t.").append(cols[i]).append(')');
            } else {
                sql.append("s.").append(cols[i]);
            }
        }
        sql.append(" WHEN NOT MATCHED THEN INSERT (").append(CaseRows.COLUMNS).append(") VALUES (");
        for (int i = 0; i < cols.length; i++) {
            sql.append(i == 0 ? "" : ", ").append("s.").append(cols[i]);
        }
        return sql.append(')').toString();
    }

    private static String type(String column) {
        return switch (column) {
            case "lng", "lat" -> "DOUBLE PRECISION";
            case "limit_amount", "rework_count", "back_count", "extension_count" -> "INT";
            case "overdue" -> "BOOLEAN";
            case "id", "version", "reported_at", "updated_at", "filed_at", "dispatched_at", "disposed_at", "closed_at",
                 "deadline", "warn_at" -> "BIGINT";
            default -> "VARCHAR";
        };
    }

    public long count() {
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM cases")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new CacheException("cannot count cases", e);
        }
    }

    /**
     * Starts a bulk fill. On an empty table the secondary indexes are dropped and rebuilt at {@link BulkFill#close},
     * which is several times faster than maintaining them row by row; otherwise rows are merged by version.
     */
    public BulkFill bulkFill() {
        try {
            return new BulkFill(db.connection(), count() == 0);
        } catch (SQLException e) {
            throw new CacheException("cannot start a bulk fill", e);
        }
    }

    /** A running bulk fill; commits every few thousand rows so that a crash loses little. */
    public static final class BulkFill implements AutoCloseable {
        private final Connection connection;
        private final boolean empty;
        private final PreparedStatement statement;
        private int batched;
        private long rows;

        private BulkFill(Connection connection, boolean empty) throws SQLException {
            this.connection = connection;
            this.empty = empty;
            connection.setAutoCommit(false);
            if (empty) {
                try (Statement s = connection.createStatement()) {
                    for (String index : CacheDatabase.CASE_INDEXES) {
                        s.execute("DROP INDEX IF EXISTS " + index.split(" ")[5]);
                    }
                }
            }
            this.statement = connection.prepareStatement(empty ? INSERT : UPSERT);
        }

        public void add(Cases.Case item) {
            try {
                CaseRows.bind(statement, item);
                statement.addBatch();
                rows++;
                if (++batched == 2000) {
                    statement.executeBatch();
                    batched = 0;
                    if (rows % 20_000 == 0) {
                        connection.commit();
                    }
                }
            } catch (SQLException e) {
                throw new CacheException("cannot store case " + item.id(), e);
            }
        }

        public long rows() {
            return rows;
        }

        @Override
        public void close() {
            try (connection; statement) {
                if (batched > 0) {
                    statement.executeBatch();
                }
                connection.commit();
                try (Statement s = connection.createStatement()) {
                    for (String index : CacheDatabase.CASE_INDEXES) {
                        s.execute(index);
                    }
                }
                connection.commit();
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                throw new CacheException("cannot finish the bulk fill (" + (empty ? "empty" : "merge") + ")", e);
            }
        }
    }

    /** Stores cases from events or answers; an older version never replaces a newer one. */
    public void upsert(Collection<Cases.Case> items) {
        if (items.isEmpty()) {
            return;
        }
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(UPSERT)) {
            for (Cases.Case item : items) {
                CaseRows.bind(ps, item);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new CacheException("cannot store cases", e);
        }
    }

    /**
     * Shows an action queued in the outbox at once: the state it leads to, the version the platform will give
     * it, and the pending mark (cleared when the platform has answered).
     */
    public void applyLocally(long id, String toState, long newVersion, String pendingAction) {
        update("UPDATE cases SET state = ?, version = ?, pending = ? WHERE id = ?", toState, newVersion, pendingAction, id);
    }

    public void clearPending(long id) {
        update("UPDATE cases SET pending = NULL WHERE id = ?", id);
    }

    /** Replaces a case whatever its version (the platform's current state after a conflict). */
    public void replace(Cases.Case item) {
        update("DELETE FROM cases WHERE id = ?", item.id());
        upsert(List.of(item));
    }

    private void update(String sql, Object... args) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new CacheException("cannot update the cache", e);
        }
    }

    public Optional<CachedCase> find(long id) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(SELECT + " WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(CaseRows.read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new CacheException("cannot read case " + id, e);
        }
    }

    /**
     * Possible duplicates of {@code c}: other cases of the same small class reported within {@code window} of it
     * and within {@code radiusMetres}, nearest first (domain: same class, 50 m, 48 h).
     */
    public List<CachedCase> duplicatesOf(Cases.Case c, double radiusMetres, java.time.Duration window) {
        double dLat = radiusMetres / 110_574.0;
        double dLng = radiusMetres / (111_320.0 * Math.cos(Math.toRadians(c.lat())));
        long at = c.reportedAt().toEpochMilli();
        String sql = SELECT + " WHERE reported_at BETWEEN ? AND ? AND small_code = ? AND id <> ?"
                + " AND lng BETWEEN ? AND ? AND lat BETWEEN ? AND ?";
        List<CachedCase> rows = new ArrayList<>();
        try (Connection conn = db.connection(); PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setLong(1, at - window.toMillis());
            ps.setLong(2, at + window.toMillis());
            ps.setString(3, c.smallCode());
            ps.setLong(4, c.id());
            ps.setDouble(5, c.lng() - dLng);
            ps.setDouble(6, c.lng() + dLng);
            ps.setDouble(7, c.lat() - dLat);
            ps.setDouble(8, c.lat() + dLat);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    CachedCase other = CaseRows.read(rs);
                    if (metres(c, other.item()) <= radiusMetres) {
                        rows.add(other);
                    }
                }
            }
        } catch (SQLException e) {
            throw new CacheException("cannot look for duplicates of case " + c.id(), e);
        }
        rows.sort(java.util.Comparator.comparingDouble(o -> metres(c, o.item())));
        return rows;
    }

    /** Distance in metres on a local equirectangular approximation (fine at 50 m). */
    public static double metres(Cases.Case a, Cases.Case b) {
        double x = (a.lng() - b.lng()) * 111_320.0 * Math.cos(Math.toRadians((a.lat() + b.lat()) / 2));
        double y = (a.lat() - b.lat()) * 110_574.0;
        return Math.sqrt(x * x + y * y);
    }

    /** The rows of the queue: at most {@code query.limit()}, in the query's order. */
    public List<CachedCase> queue(QueueQuery query, long now) {
        QueueSql where = QueueSql.where(query, query.tab(), now);
        // "All" (a million closed cases among them) is always newest first: ids grow in report order, so it walks the
        // primary key and stops at the limit instead of sorting the table. The tabs sort their few open cases.
        String order = query.tab() == QueueTab.ALL ? " ORDER BY id DESC"
                : query.sort() == QueueQuery.Sort.DEADLINE_ASC ? " ORDER BY deadline ASC NULLS LAST, id ASC"
                : " ORDER BY reported_at DESC, id DESC";
        String sql = SELECT + where.sql() + order + " FETCH FIRST " + query.limit() + " ROWS ONLY";
        List<CachedCase> rows = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = where.prepare(c, sql);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(CaseRows.read(rs));
            }
        } catch (SQLException e) {
            throw new CacheException("cannot query the queue", e);
        }
        return rows;
    }

    /**
     * How many cases each tab (except {@link QueueTab#ALL}) holds under the query's other filters, in one pass over
     * the open cases (grouped by state) rather than one query per tab.
     */
    public Map<QueueTab, Long> counts(QueueQuery query, long now) {
        List<String> states = new ArrayList<>();
        for (QueueTab tab : QueueTab.values()) {
            for (String state : tab.states()) {
                if (!states.contains(state)) {
                    states.add(state);
                }
            }
        }
        QueueSql where = QueueSql.where(query, QueueTab.ALL, now);
        String clock = "?, ".repeat(Lights.CLOCK_RUNS.size() - 1) + "?";
        String sql = "SELECT state, COUNT(*), SUM(CASE WHEN state IN (" + clock + ") AND deadline < ? THEN 1 ELSE 0 END)"
                + " FROM cases" + where.sql() + " AND state IN (" + "?, ".repeat(states.size() - 1) + "?) GROUP BY state";
        List<Object> args = new ArrayList<>(Lights.CLOCK_RUNS);
        args.add(now);
        args.addAll(where.args());
        args.addAll(states);
        Map<String, Long> perState = new java.util.HashMap<>();
        long overdue = 0;
        try (Connection c = db.connection(); PreparedStatement ps = new QueueSql(sql, args).prepare(c, sql);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                perState.put(rs.getString(1), rs.getLong(2));
                overdue += rs.getLong(3);
            }
        } catch (SQLException e) {
            throw new CacheException("cannot count the queue", e);
        }
        Map<QueueTab, Long> counts = new EnumMap<>(QueueTab.class);
        for (QueueTab tab : QueueTab.values()) {
            if (tab != QueueTab.ALL && tab != QueueTab.OVERDUE) {
                counts.put(tab, tab.states().stream().mapToLong(st -> perState.getOrDefault(st, 0L)).sum());
            }
        }
        counts.put(QueueTab.OVERDUE, overdue);
        return counts;
    }
}
