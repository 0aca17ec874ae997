package cn.tongguan.console.cache;

import cn.tongguan.console.queue.QueueTab;
import cn.tongguan.console.queue.QueueQuery;

import cn.tongguan.api.Cases;
import cn.tongguan.api.GeoDistance;
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
 * Open cases live in {@code cases}, finished ones in {@code closed_cases} ({@link CacheDatabase#FINISHED}): every
 * write puts a case in the table of its state and takes it out of the other.
 */
public final class CaseCache {
    private static final String OPEN = CaseTables.OPEN;
    private static final String CLOSED = CaseTables.CLOSED;
    private static final String COLUMNS_READ = "SELECT " + CaseRows.COLUMNS + ", pending FROM ";
    private static final String SELECT = COLUMNS_READ + OPEN;

    private final CacheDatabase db;

    public CaseCache(CacheDatabase db) {
        this.db = db;
    }

    public long count() {
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT (SELECT COUNT(*) FROM cases) + (SELECT COUNT(*) FROM closed_cases)")) {
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

    /** Stores cases from events or answers; an older version never replaces a newer one. */
    public void upsert(Collection<Cases.Case> items) {
        if (items.isEmpty()) {
            return;
        }
        try (Connection c = db.connection(); CaseTables.Writer open = new CaseTables.Writer(c, OPEN, false);
             CaseTables.Writer closed = new CaseTables.Writer(c, CLOSED, false)) {
            for (Cases.Case item : items) {
                (OPEN.equals(CaseTables.table(item)) ? open : closed).add(item);
            }
            open.flush();
            closed.flush();
        } catch (SQLException e) {
            throw new CacheException("cannot store cases", e);
        }
    }

    /**
     * Shows an action queued in the outbox at once: the state it leads to, the version the platform will give
     * it, and the pending mark (cleared when the platform has answered).
     */
    public void applyLocally(long id, String toState, long newVersion, String pendingAction) {
        // The row stays in its table until the platform's answer moves it (a finished state is not in any tab).
        for (String table : List.of(OPEN, CLOSED)) {
            update("UPDATE " + table + " SET state = ?, version = ?, pending = ? WHERE id = ?", toState, newVersion,
                    pendingAction, id);
        }
    }

    /**
     * Puts back the row as it was before a refused action whose case the platform could not be asked about: its
     * state and version, no pending mark — so the prediction is gone and any row the platform sends wins.
     */
    public void restore(long id, String stateBefore, long versionBefore) {
        for (String table : List.of(OPEN, CLOSED)) {
            update("UPDATE " + table + " SET state = ?, version = ?, pending = NULL WHERE id = ?", stateBefore,
                    versionBefore, id);
        }
    }

    public void clearPending(long id) {
        for (String table : List.of(OPEN, CLOSED)) {
            update("UPDATE " + table + " SET pending = NULL WHERE id = ?", id);
        }
    }

    /** Replaces a case whatever its version (the platform's current state after a conflict). */
    public void replace(Cases.Case item) {
        update("DELETE FROM cases WHERE id = ?", item.id());
        update("DELETE FROM closed_cases WHERE id = ?", item.id());
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
        try (Connection c = db.connection()) {
            for (String table : List.of(OPEN, CLOSED)) {
                try (PreparedStatement ps = c.prepareStatement(COLUMNS_READ + table + " WHERE id = ?")) {
                    ps.setLong(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            return Optional.of(CaseRows.read(rs));
                        }
                    }
                }
            }
            return Optional.empty();
        } catch (SQLException e) {
            throw new CacheException("cannot read case " + id, e);
        }
    }

    /** Every open case (the cases table holds no finished ones): the map shows them all. */
    public List<CachedCase> open() {
        List<CachedCase> rows = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(COLUMNS_READ + OPEN);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(CaseRows.read(rs));
            }
        } catch (SQLException e) {
            throw new CacheException("cannot read the open cases", e);
        }
        return rows;
    }

    /**
     * Possible duplicates of {@code c}: other cases of the same small class reported within {@code window} of it
     * and within {@code radiusMetres}, nearest first (domain: same class, 50 m, 48 h).
     */
    public List<CachedCase> duplicatesOf(Cases.Case c, double radiusMetres, java.time.Duration window) {
        double dLat = GeoDistance.degreesLat(radiusMetres);
        double dLng = GeoDistance.degreesLng(radiusMetres, c.lat());
        long at = c.reportedAt().toEpochMilli();
        String where = " WHERE reported_at BETWEEN ? AND ? AND small_code = ? AND id <> ?"
                + " AND lng BETWEEN ? AND ? AND lat BETWEEN ? AND ?";
        String sql = COLUMNS_READ + OPEN + where + " UNION ALL " + COLUMNS_READ + CLOSED + where;
        List<CachedCase> rows = new ArrayList<>();
        try (Connection conn = db.connection(); PreparedStatement ps = conn.prepareStatement(sql)) {
            List<Object> args = List.of(at - window.toMillis(), at + window.toMillis(), c.smallCode(), c.id(),
                    c.lng() - dLng, c.lng() + dLng, c.lat() - dLat, c.lat() + dLat);
            // The same eight for each half of the union (open cases, finished ones).
            for (int i = 0; i < 16; i++) {
                ps.setObject(i + 1, args.get(i % args.size()));
            }
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

    /** Distance in metres between two cases' places. */
    public static double metres(Cases.Case a, Cases.Case b) {
        return GeoDistance.metres(a.lng(), a.lat(), b.lng(), b.lat());
    }

    /** The rows of the queue: at most {@code query.limit()}, in the query's order. */
    public List<CachedCase> queue(QueueQuery query, long now) {
        QueueSql where = QueueSql.where(query, query.tab(), now);
        // "All" (a million closed cases among them) is always newest first: ids grow in report order, so it walks the
        // primary key and stops at the limit instead of sorting the table. The tabs sort their few open cases.
        String order = query.tab() == QueueTab.ALL ? " ORDER BY id DESC"
                : query.sort() == QueueQuery.Sort.DEADLINE_ASC ? " ORDER BY deadline ASC NULLS LAST, id ASC"
                : " ORDER BY reported_at DESC, id DESC";
        String tail = where.sql() + order + " FETCH FIRST " + query.limit() + " ROWS ONLY";
        List<CachedCase> rows = new ArrayList<>();
        try (Connection c = db.connection()) {
            read(c, where, SELECT + tail, rows);
            if (query.tab() == QueueTab.ALL) {
                // Both tables newest first, each up to the limit; the newest of the two lists make the page.
                read(c, where, COLUMNS_READ + CLOSED + tail, rows);
                rows.sort(java.util.Comparator.comparingLong(CachedCase::id).reversed());
                if (rows.size() > query.limit()) {
                    rows = new ArrayList<>(rows.subList(0, query.limit()));
                }
            }
        } catch (SQLException e) {
            throw new CacheException("cannot query the queue", e);
        }
        return rows;
    }

    private static void read(Connection c, QueueSql where, String sql, List<CachedCase> into) throws SQLException {
        try (PreparedStatement ps = where.prepare(c, sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                into.add(CaseRows.read(rs));
            }
        }
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
