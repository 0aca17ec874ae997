package cn.tongguan.platform.cases;

import cn.tongguan.api.Cases;
import cn.tongguan.platform.auth.Principal;
import cn.tongguan.platform.auth.Role;
import cn.tongguan.platform.events.EventLog;
import cn.tongguan.platform.http.ApiException;
import cn.tongguan.platform.storage.Database;
import cn.tongguan.platform.storage.Sql;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Reading cases: the filtered, keyset-paged list; one case with timeline and photos; the NDJSON snapshot. */
public final class CaseQueries {
    private final Database db;
    private final EventLog events;
    private final PhotoStore photos;
    private final ObjectMapper mapper;
    private final Clock clock;

    public CaseQueries(Database db, EventLog events, PhotoStore photos, ObjectMapper mapper, Clock clock) {
        this.db = db;
        this.events = events;
        this.photos = photos;
        this.mapper = mapper;
        this.clock = clock;
    }

    public Cases.CaseDetail detail(Principal p, long id) {
        return db.read(tx -> {
            CaseRecord r = CaseStore.load(tx.connection(), id);
            if (r == null || !visible(p, r)) {
                throw ApiException.notFound("case", id);
            }
            return new Cases.CaseDetail(CaseStore.view(r, clock.millis(), Masking.of(p)),
                    CaseStore.timeline(tx.connection(), id), photos.list(tx, id));
        });
    }

    /** The ledger of difficult cases, most recently listed first. */
    public List<Cases.DifficultCase> difficult(Principal p) {
        return db.read(tx -> {
            List<Cases.DifficultCase> out = new ArrayList<>();
            try (var ps = tx.connection().prepareStatement(
                    "SELECT case_id, listed_at, assigned_at, note FROM difficult_cases ORDER BY listed_at DESC, case_id");
                 var rs = ps.executeQuery()) {
                while (rs.next()) {
                    CaseRecord r = CaseStore.load(tx.connection(), rs.getLong(1));
                    if (r != null && visible(p, r)) {
                        // wasNull() speaks of the last column read: test it straight after assigned_at.
                        long assigned = rs.getLong(3);
                        boolean open = rs.wasNull();
                        out.add(new Cases.DifficultCase(CaseStore.view(r, clock.millis(), Masking.of(p)),
                                java.time.Instant.ofEpochMilli(rs.getLong(2)),
                                open ? null : java.time.Instant.ofEpochMilli(assigned), rs.getString(4)));
                    }
                }
            }
            return out;
        });
    }

    static boolean visible(Principal p, CaseRecord r) {
        return p.role() != Role.DEPARTMENT || java.util.Objects.equals(p.departmentCode(), r.departmentCode);
    }

    private record Where(String sql, List<Object> args) {
    }

    /** How long a list query may run before the caller is asked to narrow it. */
    static final int LIST_TIMEOUT_SECONDS = 10;

    private static ApiException tooBroad() {
        return new ApiException(422, "query_too_broad", Map.of("seconds", LIST_TIMEOUT_SECONDS), LIST_TIMEOUT_SECONDS);
    }

    /** H2 reports a cancelled statement as error 57014; PostgreSQL as SQL state 57014 too. */
    private static boolean timedOut(SQLException e) {
        return "57014".equals(e.getSQLState()) || e.getErrorCode() == 57014;
    }

    private Where where(CaseQuery q, long now, ListPlan plan) {
        StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (q.states() != null && !q.states().isEmpty()) {
            // With several states and a place/department filter, reading that filter's index in order is far cheaper
            // than collecting every case in those states and sorting; CONCAT keeps H2 from choosing the state index.
            boolean placeFirst = q.states().size() > 1 && (q.districtCode() != null || q.streetCode() != null
                    || q.gridCode() != null || q.communityCode() != null);
            boolean hide = placeFirst || plan.hidden().contains("state");
            sql.append(hide ? " AND CONCAT(state, '') IN (" : " AND state IN (")
                    .append("?, ".repeat(q.states().size() - 1)).append("?)");
            args.addAll(q.states());
        }
        eq(sql, args, plan, "source", q.source());
        eq(sql, args, plan, "kind", q.kind());
        eq(sql, args, plan, "big_code", q.bigCode());
        eq(sql, args, plan, "small_code", q.smallCode());
        eq(sql, args, plan, "district_code", q.districtCode());
        eq(sql, args, plan, "street_code", q.streetCode());
        eq(sql, args, plan, "community_code", q.communityCode());
        eq(sql, args, plan, "grid_code", q.gridCode());
        eq(sql, args, plan, "department_code", q.departmentCode());
        String light = Boolean.TRUE.equals(q.overdue()) ? "red" : q.light();
        if (light != null) {
            String running = switch (light) {
                case "red" -> "deadline_at < ?";
                case "yellow" -> "warn_at <= ? AND deadline_at >= ?";
                default -> "warn_at > ?";
            };
            sql.append(" AND ((clock_started_at IS NOT NULL AND ").append(running)
                    .append(") OR (clock_started_at IS NULL AND frozen_light = ?))");
            args.add(now);
            if ("yellow".equals(light)) {
                args.add(now);
            }
            args.add(light);
        }
        if (Boolean.TRUE.equals(q.open())) {
            sql.append(" AND state NOT IN ('closed', 'cancelled', 'void')");
        }
        sql.append(plan.textSql());
        args.addAll(plan.textArgs());
        if (q.from() != null) {
            sql.append(" AND reported_at >= ?");
            args.add(q.from().toEpochMilli());
        }
        if (q.to() != null) {
            sql.append(" AND reported_at < ?");
            args.add(q.to().toEpochMilli());
        }
        return new Where(sql.toString(), args);
    }

    /** A hidden column is compared through CONCAT, which H2 cannot answer from the column's index (ListPlan). */
    private static void eq(StringBuilder sql, List<Object> args, ListPlan plan, String col, String v) {
        if (v != null) {
            sql.append(plan.hidden().contains(col) ? " AND CONCAT(" + col + ", '') = ?" : " AND " + col + " = ?");
            args.add(v);
        }
    }

    public Cases.CasePage list(Principal p, CaseQuery query) {
        CaseQuery q = p.role() == Role.DEPARTMENT ? query.withDepartment(p.departmentCode()) : query;
        long now = clock.millis();
        String sort = q.sort() == null ? "-reportedAt" : q.sort();
        String col = switch (sort) {
            case "reportedAt", "-reportedAt" -> "reported_at";
            case "deadline" -> "deadline_at";
            default -> "updated_at";
        };
        long[] cursor = q.cursor() == null ? null : decodeCursor(q.cursor(), sort);
        Masking masking = Masking.of(p);
        return db.read(tx -> {
            Where w = pageSql(q, now, ListPlan.choose(tx.connection(), q, col), sort, col, cursor);
            List<CaseRecord> rows = new ArrayList<>();
            try (PreparedStatement ps = Sql.prepare(tx.connection(), w.sql(), w.args().toArray())) {
                // The backstop for a shape no index serves (free text that matches nothing reads every case): the
                // caller is told to narrow it, and the connection goes back to the pool able to run a long read.
                ps.setQueryTimeout(LIST_TIMEOUT_SECONDS);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(CaseStore.read(rs));
                    }
                } catch (java.sql.SQLTimeoutException e) {
                    throw tooBroad();
                } catch (SQLException e) {
                    if (timedOut(e)) {
                        throw tooBroad();
                    }
                    throw e;
                } finally {
                    // On H2 the timeout is the session's: reset, or a seat's snapshot on this connection is cut.
                    ps.setQueryTimeout(0);
                }
            }
            String next = null;
            if (rows.size() > q.limit()) {
                rows = rows.subList(0, q.limit());
                CaseRecord last = rows.get(rows.size() - 1);
                long v = switch (col) {
                    case "reported_at" -> last.reportedAt;
                    case "deadline_at" -> last.deadlineAt;
                    default -> last.updatedAt;
                };
                next = Base64.getUrlEncoder().withoutPadding().encodeToString((sort + ":" + v + ":" + last.id).getBytes(StandardCharsets.UTF_8));
            }
            List<Cases.Case> items = new ArrayList<>(rows.size());
            for (CaseRecord r : rows) {
                items.add(CaseStore.view(r, now, masking));
            }
            return new Cases.CasePage(items, next);
        });
    }

    /** One page's statement: the filters as the plan writes them, keyset after the cursor, in the sort's order. */
    private Where pageSql(CaseQuery q, long now, ListPlan plan, String sort, String col, long[] cursor) {
        boolean desc = sort.startsWith("-");
        Where w = where(q, now, plan);
        StringBuilder sql = new StringBuilder("SELECT ").append(CaseStore.COLUMNS).append(" FROM cases");
        if (plan.index() != null && !db.isPostgres()) {
            sql.append(" USE INDEX (").append(plan.index()).append(')');
        }
        sql.append(w.sql());
        List<Object> args = new ArrayList<>(w.args());
        if ("deadline_at".equals(col)) {
            // A range, not IS NOT NULL: H2 starts the index read after the ~64,000 cases without a deadline (which
            // sort first) instead of reading through them, and tests every other filter on each of them.
            sql.append(" AND deadline_at >= ?");
            args.add(Long.MIN_VALUE);
        }
        if (cursor != null) {
            String op = desc ? "<" : ">";
            sql.append(" AND (").append(col).append(' ').append(op).append(" ? OR (").append(col).append(" = ? AND id ")
                    .append(op).append(" ?))");
            args.add(cursor[0]);
            args.add(cursor[0]);
            args.add(cursor[1]);
        }
        String dir = desc ? " DESC" : " ASC";
        sql.append(" ORDER BY ");
        for (String lead : plan.leading()) {
            sql.append(lead).append(dir).append(", ");
        }
        sql.append(col).append(dir).append(", id").append(dir);
        sql.append(" FETCH FIRST ").append(q.limit() + 1).append(" ROWS ONLY");
        return new Where(sql.toString(), args);
    }

    /**
     * A cursor names the sort order it was made for: a keyset position of one order read under another would skip
     * or repeat cases silently, so it is refused (400) and the console starts again from the first page.
     */
    private static long[] decodeCursor(String cursor, String sort) {
        String[] p;
        try {
            p = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "invalid_parameter", Map.of("parameter", "cursor"), "cursor");
        }
        if (p.length != 3 || !p[0].equals(sort)) {
            throw new ApiException(400, "invalid_parameter", Map.of("parameter", "cursor",
                    "reason", p.length == 3 ? "other_sort" : "malformed"), "cursor");
        }
        try {
            return new long[] {Long.parseLong(p[1]), Long.parseLong(p[2])};
        } catch (NumberFormatException e) {
            throw new ApiException(400, "invalid_parameter", Map.of("parameter", "cursor", "reason", "malformed"), "cursor");
        }
    }

    /**
     * Streams {@code {"type":"snapshot","eventId":N,"total":T}} and then one case per line. The id is taken under
     * the write lock together with a first read of a repeatable-read transaction, so on PostgreSQL the lines
     * reflect event N exactly; on H2 a line may be newer, which consoles handle by comparing {@code version}
     * (ADR 0015). {@code total} is the number of lines that follow, so that a console can show how far it is.
     */
    public void snapshot(Principal p, CaseQuery query, OutputStream out) throws IOException {
        CaseQuery q = p.role() == Role.DEPARTMENT ? query.withDepartment(p.departmentCode()) : query;
        long now = clock.millis();
        Where w = where(q, now, ListPlan.plain(q));
        Masking masking = Masking.of(p);
        String sql = "SELECT " + CaseStore.COLUMNS + " FROM cases" + w.sql() + " ORDER BY id";
        try (Connection c = db.rawConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            // Stamp under the writer lock: the event id, and a first read that fixes the transaction's snapshot.
            // The long read itself runs after the lock is released, so writers are not held up by a big snapshot.
            long eventId = db.underWriteLock(() -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT MAX(id) FROM cases")) {
                    rs.next();
                    return events.latestId();
                } catch (SQLException e) {
                    throw new cn.tongguan.platform.storage.StorageException(e);
                }
            });
            // The rows read may include commits not yet on disk: wait for them, so no line shows what a crash takes back.
            db.awaitDurable();
            long total = count(c, w);
            boolean lazy = !db.isPostgres();
            if (lazy) {
                // H2 computes a whole result before executeQuery returns unless the session is lazy: for a
                // million cases that was half a minute before the header left, with the console showing 0 rows.
                setLazy(c, true);
            }
            try (PreparedStatement ps = Sql.prepare(c, sql, w.args().toArray())) {
                ps.setFetchSize(1000);
                out.write(mapper.writeValueAsBytes(new Cases.SnapshotHeader("snapshot", eventId, total)));
                out.write('\n');
                // Out now, not when the response buffer fills with rows: the seat's progress bar starts from it.
                out.flush();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.write(mapper.writeValueAsBytes(CaseStore.view(CaseStore.read(rs), now, masking)));
                        out.write('\n');
                    }
                }
            } finally {
                if (lazy) {
                    setLazy(c, false);
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new cn.tongguan.platform.storage.StorageException(e);
        }
    }

    /** The rows the snapshot will stream, read in its own transaction (so the count matches the lines). */
    private static long count(Connection c, Where w) throws SQLException {
        try (PreparedStatement ps = Sql.prepare(c, "SELECT COUNT(*) FROM cases" + w.sql(), w.args().toArray());
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The connection goes back to the pool afterwards, where other readers expect H2's default. */
    private static void setLazy(Connection c, boolean lazy) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET LAZY_QUERY_EXECUTION " + (lazy ? "TRUE" : "FALSE"));
        }
    }
}
