package cn.tongguan.platform.ledger;

import cn.tongguan.api.Ledger;
import cn.tongguan.platform.auth.Principal;
import cn.tongguan.platform.cases.CaseEndListener;
import cn.tongguan.platform.events.EventLog;
import cn.tongguan.platform.http.ApiException;
import cn.tongguan.platform.reference.ReferenceDataStore;
import cn.tongguan.platform.storage.Database;
import cn.tongguan.platform.storage.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The ledger of difficult cases (疑难案件台账): listing a case with a reason, the monthly meeting's discussions
 * (department that claims it, new deadline, 现场交办), and closing the entry when its case ends — each change
 * in the same transaction as its {@code ledger.changed} event, so consoles follow it live. The ledger is
 * small (the seed: 108 entries in two years), so lists and figures are computed from all entries at once.
 */
public final class LedgerService implements CaseEndListener {
    public static final String EVENT = "ledger.changed";
    private static final Set<String> ENDED = Set.of("closed", "void", "cancelled");
    private static final long DAY_MS = 86_400_000L;
    private static final String SELECT = "SELECT l.case_id, c.case_no, c.state, c.small_code, c.district_code, "
            + "c.department_code, l.listed_at, l.listed_by, COALESCE(l.reason, l.note), l.department_code, l.deadline_at, "
            + "l.assigned_at, l.closed_at, c.closed_at, c.deadline_at, c.clock_started_at "
            + "FROM difficult_cases l JOIN cases c ON c.id = l.case_id";

    private final Database db;
    private final EventLog events;
    private final ReferenceDataStore reference;
    private final Clock clock;

    public LedgerService(Database db, EventLog events, ReferenceDataStore reference, Clock clock) {
        this.db = db;
        this.events = events;
        this.reference = reference;
        this.clock = clock;
    }

    /** Lists a case (or lists it again after its entry closed); 409 when it is already listed or has ended. */
    public Ledger.Entry mark(Principal p, long caseId, Ledger.Mark mark) {
        return db.write(tx -> {
            Connection c = tx.connection();
            long now = clock.millis();
            String state;
            try (PreparedStatement ps = Sql.prepare(c, "SELECT state FROM cases WHERE id = ?", caseId);
                 ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ApiException.notFound("case", caseId);
                }
                state = rs.getString(1);
            }
            if (ENDED.contains(state)) {
                throw ApiException.conflict("case_ended", Map.of("state", state));
            }
            Ledger.Entry existing = load(c, caseId, now);
            if (existing != null && existing.open()) {
                throw ApiException.conflict("already_listed", Map.of("current", existing));
            }
            if (existing == null) {
                Sql.update(c, "INSERT INTO difficult_cases (case_id, listed_at, note, reason, listed_by) VALUES (?, ?, ?, ?, ?)",
                        caseId, now, mark.reason(), mark.reason(), p.username());
            } else {
                Sql.update(c, "UPDATE difficult_cases SET listed_at = ?, note = ?, reason = ?, listed_by = ?, closed_at = ?, "
                        + "assigned_at = ?, department_code = ?, deadline_at = ? WHERE case_id = ?", now, mark.reason(),
                        mark.reason(), p.username(), Sql.NullOf.BIGINT, Sql.NullOf.BIGINT, null, Sql.NullOf.BIGINT, caseId);
            }
            return changed(tx, caseId, now);
        });
    }

    /** Records what a meeting said; a claiming department and a deadline replace the entry's, 现场交办 stamps it. */
    public Ledger.Entry discuss(Principal p, long caseId, Ledger.NewDiscussion d) {
        return db.write(tx -> {
            Connection c = tx.connection();
            long now = clock.millis();
            Ledger.Entry e = load(c, caseId, now);
            if (e == null) {
                throw new ApiException(404, "not_listed", Map.of("caseId", caseId));
            }
            if (!e.open()) {
                throw ApiException.conflict("ledger_closed", Map.of("current", e));
            }
            if (d.departmentCode() != null && !reference.departmentExists(tx, d.departmentCode())) {
                throw ApiException.unprocessable("unknown_department", Map.of("field", "departmentCode"), d.departmentCode());
            }
            int seq = (int) Sql.queryLong(c, "SELECT COALESCE(MAX(seq), 0) FROM difficult_case_discussions WHERE case_id = ?",
                    caseId) + 1;
            Object deadline = d.deadline() == null ? Sql.NullOf.BIGINT : d.deadline().toEpochMilli();
            Sql.update(c, "INSERT INTO difficult_case_discussions (case_id, seq, at, by_user, notes, decision, department_code, "
                    + "deadline_at, on_the_spot) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", caseId, seq, now, p.username(), d.notes(),
                    d.decision(), d.departmentCode(), deadline, Boolean.TRUE.equals(d.assignedOnTheSpot()));
            Sql.update(c, "UPDATE difficult_cases SET department_code = COALESCE(?, department_code), "
                    + "deadline_at = COALESCE(?, deadline_at) WHERE case_id = ?", d.departmentCode(), deadline, caseId);
            if (Boolean.TRUE.equals(d.assignedOnTheSpot())) {
                Sql.update(c, "UPDATE difficult_cases SET assigned_at = ? WHERE case_id = ? AND assigned_at IS NULL", now, caseId);
            }
            return changed(tx, caseId, now);
        });
    }

    /** Closing (or voiding) a case closes its open ledger entry, in the transition's transaction. */
    @Override
    public void ended(Database.Tx tx, long caseId, String state, long at) throws SQLException {
        if (Sql.update(tx.connection(), "UPDATE difficult_cases SET closed_at = ? WHERE case_id = ? AND closed_at IS NULL",
                at, caseId) > 0) {
            changed(tx, caseId, at);
        }
    }

    private Ledger.Entry changed(Database.Tx tx, long caseId, long now) throws SQLException {
        Ledger.Entry e = load(tx.connection(), caseId, now);
        events.append(tx, EVENT, e);
        return withDiscussions(tx.connection(), e);
    }

    public Ledger.Entry detail(long caseId) {
        return db.read(tx -> {
            Ledger.Entry e = load(tx.connection(), caseId, clock.millis());
            if (e == null) {
                throw new ApiException(404, "not_listed", Map.of("caseId", caseId));
            }
            return withDiscussions(tx.connection(), e);
        });
    }

    /**
     * Entries filtered by {@code state} (open, closed; null = all) and department (claiming or the case's), sorted
     * by {@code sort}: "age" oldest listing first, else most recently listed first.
     */
    public List<Ledger.Entry> list(String state, String department, String sort, int limit) {
        List<Ledger.Entry> all = new ArrayList<>(all());
        all.removeIf(e -> state != null && e.open() != "open".equals(state));
        all.removeIf(e -> department != null && !department.equals(departmentOf(e)));
        Comparator<Ledger.Entry> byListed = Comparator.comparing(Ledger.Entry::listedAt);
        all.sort(("age".equals(sort) ? byListed : byListed.reversed()).thenComparing(Ledger.Entry::caseId));
        return all.size() > limit ? all.subList(0, limit) : all;
    }

    public Ledger.Figures figures() {
        List<Ledger.Entry> all = all();
        Map<String, String> names = db.read(tx -> {
            Map<String, String> out = new HashMap<>();
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT code, name FROM departments");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            return out;
        });
        Map<String, long[]> byDept = new LinkedHashMap<>();
        long[] total = new long[5];
        all.stream().sorted(Comparator.comparing(e -> Objects.toString(departmentOf(e), ""))).forEach(e -> {
            long[] d = byDept.computeIfAbsent(Objects.toString(departmentOf(e), ""), k -> new long[5]);
            for (long[] v : new long[][] {d, total}) {
                v[0]++;
                v[1] += e.open() ? 1 : 0;
                v[2] += e.open() ? 0 : 1;
                v[3] += e.assignedAt() != null ? 1 : 0;
                v[4] += e.overdue() ? 1 : 0;
            }
        });
        List<Ledger.DepartmentFigures> rows = new ArrayList<>();
        byDept.forEach((k, v) -> rows.add(new Ledger.DepartmentFigures(k.isEmpty() ? null : k, names.get(k), v[0], v[1],
                v[2], v[3], v[4])));
        return new Ledger.Figures(total[0], total[1], total[2], total[3], total[4], rows);
    }

    private static String departmentOf(Ledger.Entry e) {
        return e.claimedBy() != null ? e.claimedBy() : e.caseDepartmentCode();
    }

    private List<Ledger.Entry> all() {
        long now = clock.millis();
        return db.read(tx -> {
            List<Ledger.Entry> out = new ArrayList<>();
            try (PreparedStatement ps = tx.connection().prepareStatement(SELECT); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(entry(rs, now));
                }
            }
            return out;
        });
    }

    private static Ledger.Entry load(Connection c, long caseId, long now) throws SQLException {
        try (PreparedStatement ps = Sql.prepare(c, SELECT + " WHERE l.case_id = ?", caseId); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? entry(rs, now) : null;
        }
    }

    private static Ledger.Entry entry(ResultSet rs, long now) throws SQLException {
        String state = rs.getString(3);
        long listed = rs.getLong(7);
        Long closed = longOrNull(rs, 13);
        if (closed == null && ENDED.contains(state)) {
            // Entries imported with the history close with their case without a stamp of their own.
            closed = longOrNull(rs, 14);
            closed = closed == null ? now : closed;
        }
        boolean open = closed == null;
        Long deadline = longOrNull(rs, 11);
        Long caseDeadline = longOrNull(rs, 15);
        boolean clockRuns = longOrNull(rs, 16) != null;
        // Overdue against the meeting's deadline; without one, against the case's own while its clock runs.
        boolean overdue = open && (deadline != null ? deadline < now : clockRuns && caseDeadline != null && caseDeadline < now);
        long age = ((closed == null ? now : closed) - listed) / DAY_MS;
        return new Ledger.Entry(rs.getLong(1), rs.getString(2), state, rs.getString(4), rs.getString(5), rs.getString(6),
                Instant.ofEpochMilli(listed), rs.getString(8), rs.getString(9), rs.getString(10), instant(deadline),
                instant(longOrNull(rs, 12)), instant(closed), open, overdue, age, null);
    }

    private static Ledger.Entry withDiscussions(Connection c, Ledger.Entry e) throws SQLException {
        List<Ledger.Discussion> out = new ArrayList<>();
        try (PreparedStatement ps = Sql.prepare(c, "SELECT seq, at, by_user, notes, decision, department_code, deadline_at, "
                + "on_the_spot FROM difficult_case_discussions WHERE case_id = ? ORDER BY seq", e.caseId());
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Ledger.Discussion(rs.getInt(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), instant(longOrNull(rs, 7)), rs.getBoolean(8)));
            }
        }
        return new Ledger.Entry(e.caseId(), e.caseNo(), e.caseState(), e.smallCode(), e.districtCode(),
                e.caseDepartmentCode(), e.listedAt(), e.listedBy(), e.reason(), e.claimedBy(), e.deadline(), e.assignedAt(),
                e.closedAt(), e.open(), e.overdue(), e.ageDays(), out);
    }

    private static Long longOrNull(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }

    private static Instant instant(Long ms) {
        return ms == null ? null : Instant.ofEpochMilli(ms);
    }
}
