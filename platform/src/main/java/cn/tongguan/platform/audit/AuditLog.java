package cn.tongguan.platform.audit;

import cn.tongguan.api.Audit;
import cn.tongguan.platform.storage.Database;
import cn.tongguan.platform.storage.Sql;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The append-only audit log (等保 2.0 安全审计): who did what, from where, when, with what outcome. The platform only
 * INSERTs into {@code audit_log}; a trigger refuses UPDATE and DELETE (PostgreSQL: plpgsql, also TRUNCATE; H2:
 * {@link AppendOnlyTrigger}) except for the retention pruning, which opens itself a door for its own transaction only.
 * Each entry stores the SHA-256 of the previous entry's hash and its own fields, so an edited, inserted or removed
 * row breaks the chain at that point ({@link #verify}). Appends are serialised by the database's write lock.
 */
public final class AuditLog {
    static final String GENESIS = "0".repeat(64);
    private static final int DETAIL_MAX = 4000;

    /** What is written: everything but the id, time and hashes, which the log assigns. */
    public record Act(String actor, String role, String address, String action, String target, String outcome, String detail) {
    }

    /** A filter of {@link #page}: any part may be null. */
    public record Query(Instant from, Instant to, String actor, String action, Long before, int limit) {
    }

    private final Database db;
    private final Clock clock;

    public AuditLog(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        AppendOnlyTrigger.install(db);
    }

    /** Appends in its own transaction. */
    public void append(Act act) {
        db.write(tx -> {
            append(tx, act);
            return null;
        });
    }

    /** Appends within {@code tx} (so an audited change and its entry commit together). */
    public void append(Database.Tx tx, Act act) throws SQLException {
        Connection c = tx.connection();
        long lastId = 0;
        String prev = GENESIS;
        try (PreparedStatement ps = c.prepareStatement("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1");
             ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                lastId = rs.getLong(1);
                prev = rs.getString(2);
            }
        }
        insert(c, lastId + 1, clock.millis(), act, prev);
    }

    private static void insert(Connection c, long id, long at, Act a, String prev) throws SQLException {
        String detail = a.detail() == null ? null : truncate(a.detail(), DETAIL_MAX);
        String target = a.target() == null ? null : truncate(a.target(), 300);
        Act act = new Act(truncate(a.actor(), 64), a.role(), truncate(a.address(), 64), a.action(), target, a.outcome(), detail);
        Sql.update(c, "INSERT INTO audit_log (id, at, actor, role, address, action, target, outcome, detail, prev_hash, hash) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, at, act.actor(), act.role(), act.address(), act.action(),
                act.target(), act.outcome(), act.detail(), prev, hash(prev, id, at, act));
    }

    /** A page of entries, newest first, older than {@code before} (the cursor). */
    public Audit.Page page(Query q) {
        return db.read(tx -> {
            StringBuilder sql = new StringBuilder("SELECT id, at, actor, role, address, action, target, outcome, detail, hash "
                    + "FROM audit_log WHERE 1 = 1");
            List<Object> args = new ArrayList<>();
            if (q.from() != null) {
                sql.append(" AND at >= ?");
                args.add(q.from().toEpochMilli());
            }
            if (q.to() != null) {
                sql.append(" AND at < ?");
                args.add(q.to().toEpochMilli());
            }
            if (q.actor() != null) {
                sql.append(" AND actor = ?");
                args.add(q.actor());
            }
            if (q.action() != null) {
                // "login" finds login.success, login.failure, …; "login.failure" only itself
                sql.append(" AND (action = ? OR action LIKE ?)");
                args.add(q.action());
                args.add(q.action().replace("%", "").replace("_", "\\_") + ".%");
            }
            if (q.before() != null) {
                sql.append(" AND id < ?");
                args.add(q.before());
            }
            sql.append(" ORDER BY id DESC LIMIT ?");
            args.add(q.limit() + 1);
            List<Audit.Entry> items = new ArrayList<>();
            try (PreparedStatement ps = Sql.prepare(tx.connection(), sql.toString(), args.toArray()); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(new Audit.Entry(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10)));
                }
            }
            String next = null;
            if (items.size() > q.limit()) {
                items.remove(items.size() - 1);
                next = Long.toString(items.get(items.size() - 1).id());
            }
            return new Audit.Page(items, next);
        });
    }

    /**
     * Walks the whole chain from the oldest kept entry (whose {@code prev_hash} is taken as the anchor: after pruning
     * it is the hash of the last pruned entry, also recorded in the {@code audit.pruned} entry).
     */
    public Audit.Verification verify() {
        return db.read(tx -> {
            long checked = 0;
            String expectedPrev = null;
            long lastId = 0;
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT id, at, actor, role, address, action, target, "
                    + "outcome, detail, prev_hash, hash FROM audit_log ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                ps.setFetchSize(1000);
                while (rs.next()) {
                    long id = rs.getLong(1);
                    String prev = rs.getString(10);
                    Act act = new Act(rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getString(8), rs.getString(9));
                    boolean linked = expectedPrev == null || (expectedPrev.equals(prev) && id == lastId + 1);
                    if (!linked || !hash(prev, id, rs.getLong(2), act).equals(rs.getString(11))) {
                        return new Audit.Verification(false, checked, id);
                    }
                    expectedPrev = rs.getString(11);
                    lastId = id;
                    checked++;
                }
            }
            return new Audit.Verification(true, checked, null);
        });
    }

    /**
     * Removes entries older than {@code retention} (never less than 180 days: the policy refuses it) and records the
     * pruning as an entry chained to the last removed one. Answers how many were removed.
     */
    public long prune(Duration retention) {
        long cutoff = clock.millis() - retention.toMillis();
        return db.write(tx -> {
            Connection c = tx.connection();
            long count = Sql.queryLong(c, "SELECT COUNT(*) FROM audit_log WHERE at < ?", cutoff);
            if (count == 0) {
                return 0L;
            }
            long lastId;
            String lastHash;
            try (PreparedStatement ps = c.prepareStatement("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                lastId = rs.getLong(1);
                lastHash = rs.getString(2);
            }
            String prunedHash;
            long prunedTo;
            try (PreparedStatement ps = Sql.prepare(c, "SELECT id, hash FROM audit_log WHERE at < ? ORDER BY id DESC LIMIT 1", cutoff);
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                prunedTo = rs.getLong(1);
                prunedHash = rs.getString(2);
            }
            AppendOnlyTrigger.allowPruning(db, c, true);
            try {
                // Entries are in time order (ids are assigned under the write lock from one clock): the oldest ones go.
                Sql.update(c, "DELETE FROM audit_log WHERE id <= ?", prunedTo);
            } finally {
                AppendOnlyTrigger.allowPruning(db, c, false);
            }
            insert(c, lastId + 1, clock.millis(), new Act("system", null, null, "audit.pruned", "audit_log", "ok",
                    "{\"removed\":" + count + ",\"throughId\":" + prunedTo + ",\"lastRemovedHash\":\"" + prunedHash
                            + "\",\"retentionDays\":" + retention.toDays() + "}"), lastHash);
            return count;
        });
    }

    static String hash(String prev, long id, long at, Act a) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            field(md, prev);
            field(md, Long.toString(id));
            field(md, Long.toString(at));
            for (String f : new String[] {a.actor(), a.role(), a.address(), a.action(), a.target(), a.outcome(), a.detail()}) {
                field(md, f);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Length-prefixed, so that moving text from one field into the next changes the hash; null differs from "". */
    private static void field(MessageDigest md, String s) {
        if (s == null) {
            md.update((byte) 0);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        md.update((byte) 1);
        md.update(Integer.toString(b.length).getBytes(StandardCharsets.US_ASCII));
        md.update((byte) ':');
        md.update(b);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
