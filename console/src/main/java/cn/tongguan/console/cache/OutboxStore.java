package cn.tongguan.console.cache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The outbox on disk: actions in the order the seat took them, each with its idempotency key and the version it
 * was based on. An entry is written before the first attempt to send it, so a crash or a dead network loses
 * nothing, and the key makes a resend after a lost answer harmless.
 */
public final class OutboxStore {
    /**
     * One action. {@code status}: pending, done, conflict, failed. {@code targetCaseId} is the case a merge goes
     * into; {@code payload} the new case (JSON) of a {@link #CREATE} entry, whose {@code caseId} is 0 until the
     * platform gives it one.
     */
    public record Entry(long seq, String idempotencyKey, long caseId, String action, long baseVersion, String note,
                        String departmentCode, Integer hours, long createdAt, String status, String message,
                        Long targetCaseId, String payload, String stateBefore) {
        public Entry(long seq, String idempotencyKey, long caseId, String action, long baseVersion, String note,
                     String departmentCode, Integer hours, long createdAt, String status, String message,
                     Long targetCaseId, String payload) {
            this(seq, idempotencyKey, caseId, action, baseVersion, note, departmentCode, hours, createdAt, status,
                    message, targetCaseId, payload, null);
        }

        public Entry(long seq, String idempotencyKey, long caseId, String action, long baseVersion, String note,
                     String departmentCode, Integer hours, long createdAt, String status, String message) {
            this(seq, idempotencyKey, caseId, action, baseVersion, note, departmentCode, hours, createdAt, status,
                    message, null, null);
        }

        public boolean isCreate() {
            return CREATE.equals(action);
        }
    }

    /** The action of an entry that reports a new case (a hotline work order typed while offline waits here). */
    public static final String CREATE = "create";

    private static final String COLUMNS = "seq, idem_key, case_id, action, base_version, note, department_code, hours, "
            + "created_at, status, message, target_case_id, payload, state_before";

    private final CacheDatabase db;

    public OutboxStore(CacheDatabase db) {
        this.db = db;
    }

    public Entry add(String key, long caseId, String action, long baseVersion, String note, String departmentCode,
                     Integer hours, long now) {
        return add(key, caseId, action, baseVersion, note, departmentCode, hours, now, null, null);
    }

    public Entry add(String key, long caseId, String action, long baseVersion, String note, String departmentCode,
                     Integer hours, long now, Long targetCaseId, String payload) {
        return add(key, caseId, action, baseVersion, note, departmentCode, hours, now, targetCaseId, payload, null);
    }

    /** {@code stateBefore}: the case's state as the seat showed it when the action was taken (restored on refusal). */
    public Entry add(String key, long caseId, String action, long baseVersion, String note, String departmentCode,
                     Integer hours, long now, Long targetCaseId, String payload, String stateBefore) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO outbox (idem_key, case_id, action, base_version, note, department_code, hours, created_at, "
                        + "status, target_case_id, payload, state_before) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?)",
                new String[] {"SEQ"})) {
            ps.setString(1, key);
            ps.setLong(2, caseId);
            ps.setString(3, action);
            ps.setLong(4, baseVersion);
            ps.setString(5, note);
            ps.setString(6, departmentCode);
            if (hours == null) {
                ps.setNull(7, Types.INTEGER);
            } else {
                ps.setInt(7, hours);
            }
            ps.setLong(8, now);
            ps.setObject(9, targetCaseId, Types.BIGINT);
            ps.setString(10, payload);
            ps.setString(11, stateBefore);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return new Entry(keys.getLong(1), key, caseId, action, baseVersion, note, departmentCode, hours, now,
                        "pending", null, targetCaseId, payload, stateBefore);
            }
        } catch (SQLException e) {
            throw new CacheException("cannot queue the action", e);
        }
    }

    /** Pending entries, oldest first. */
    public List<Entry> pending() {
        return list("WHERE status = 'pending' ORDER BY seq");
    }

    public List<Entry> all() {
        return list("ORDER BY seq");
    }

    public Optional<Entry> firstPending() {
        List<Entry> first = list("WHERE status = 'pending' ORDER BY seq FETCH FIRST 1 ROWS ONLY");
        return first.isEmpty() ? Optional.empty() : Optional.of(first.get(0));
    }

    /** Pending entries of one case (the next one's base version follows from them). */
    public long pendingCount(long caseId) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM outbox WHERE status = 'pending' AND case_id = ?")) {
            ps.setLong(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new CacheException("cannot read the outbox", e);
        }
    }

    public void finish(long seq, String status, String message) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE outbox SET status = ?, message = ? WHERE seq = ?")) {
            ps.setString(1, status);
            ps.setString(2, message);
            ps.setLong(3, seq);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new CacheException("cannot update the outbox", e);
        }
    }

    /**
     * Gives up the pending entries of a case after one of them was refused: they were based on a state that
     * never came to be.
     */
    public void abandonPending(long caseId, String message) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE outbox SET status = 'abandoned', message = ? WHERE status = 'pending' AND case_id = ?")) {
            ps.setString(1, message);
            ps.setLong(2, caseId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new CacheException("cannot update the outbox", e);
        }
    }

    /**
     * Takes over the pending entries of an outbox kept inside the case cache (before it had its own file), in their
     * order and with their keys, and marks them moved there; an entry already here (same key) is not doubled.
     */
    public int adopt(OutboxStore older) {
        List<Entry> pending = older.pending();
        int moved = adopt(pending);
        pending.forEach(e -> older.finish(e.seq(), "moved", "to the outbox file"));
        return moved;
    }

    /** Adds {@code entries} (pending ones of another store) in their order, skipping keys already here. */
    public int adopt(List<Entry> entries) {
        int moved = 0;
        for (Entry e : entries) {
            if (list("WHERE idem_key = '" + e.idempotencyKey().replace("'", "''") + "'").isEmpty()) {
                add(e.idempotencyKey(), e.caseId(), e.action(), e.baseVersion(), e.note(), e.departmentCode(), e.hours(),
                        e.createdAt(), e.targetCaseId(), e.payload(), e.stateBefore());
                moved++;
            }
        }
        return moved;
    }

    private List<Entry> list(String tail) {
        List<Entry> entries = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM outbox " + tail); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                entries.add(new Entry(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getLong(5),
                        rs.getString(6), rs.getString(7), (Integer) rs.getObject(8), rs.getLong(9), rs.getString(10),
                        rs.getString(11), (Long) rs.getObject(12), rs.getString(13), rs.getString(14)));
            }
        } catch (SQLException e) {
            throw new CacheException("cannot read the outbox", e);
        }
        return entries;
    }
}
