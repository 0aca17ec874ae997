package cn.tongguan.platform.auth;

import cn.tongguan.platform.storage.Database;
import cn.tongguan.platform.storage.Sql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Counts failed sign-ins per user name and per client address and locks either out for {@link SecurityPolicy#lockout}
 * once it has failed too often within {@link SecurityPolicy#failureWindow} (等保 2.0 身份鉴别: 登录失败处理). Unknown
 * names are counted like known ones, so a lockout tells nothing about which accounts exist. Kept in the database
 * ({@code sign_in_failures}, {@code sign_in_locks}): every platform instance on it counts the same failures, and a
 * restart forgets nothing. Rows older than the window or the lockout are swept on each failure (bounded size).
 */
public final class SignInThrottle {
    private final Database db;
    private final SecurityPolicy policy;
    private final Clock clock;

    /** What locked a sign-in and until when. */
    public record Lock(String key, Instant until) {
        public long retryAfterSeconds(Instant now) {
            return Math.max(1, Duration.between(now, until).toSeconds() + (Duration.between(now, until).toNanosPart() > 0 ? 1 : 0));
        }
    }

    public SignInThrottle(Database db, SecurityPolicy policy, Clock clock) {
        this.db = db;
        this.policy = policy;
        this.clock = clock;
    }

    /** The lock that refuses a sign-in of {@code username} from {@code address} now, if any. */
    public Optional<Lock> locked(String username, String address) {
        long now = clock.millis();
        return db.read(tx -> {
            Optional<Lock> user = lockOf(tx, userKey(username), now);
            return user.isPresent() ? user : lockOf(tx, addressKey(address), now);
        });
    }

    /**
     * Records a failure; answers the lock it started (the caller audits the lockout once), if it started one.
     */
    public Optional<Lock> failed(String username, String address) {
        long now = clock.millis();
        return db.write(tx -> {
            long horizon = now - policy.failureWindow().toMillis();
            Sql.update(tx.connection(), "DELETE FROM sign_in_failures WHERE at <= ?", horizon);
            Sql.update(tx.connection(), "DELETE FROM sign_in_locks WHERE until_at <= ?", now);
            Optional<Lock> byUser = count(tx, userKey(username), now, policy.maxFailuresPerUser());
            Optional<Lock> byAddress = count(tx, addressKey(address), now, policy.maxFailuresPerAddress());
            return byUser.isPresent() ? byUser : byAddress;
        });
    }

    /** A good sign-in clears the name's failures (not the address's: other names may be tried from there). */
    public void succeeded(String username) {
        db.write(tx -> Sql.update(tx.connection(), "DELETE FROM sign_in_failures WHERE lock_key = ?", userKey(username)));
    }

    private static Optional<Lock> lockOf(Database.Tx tx, String key, long now) throws SQLException {
        try (PreparedStatement ps = Sql.prepare(tx.connection(), "SELECT until_at FROM sign_in_locks WHERE lock_key = ?", key);
             ResultSet rs = ps.executeQuery()) {
            if (rs.next() && rs.getLong(1) > now) {
                return Optional.of(new Lock(key, Instant.ofEpochMilli(rs.getLong(1))));
            }
            return Optional.empty();
        }
    }

    private Optional<Lock> count(Database.Tx tx, String key, long now, int max) throws SQLException {
        if (lockOf(tx, key, now).isPresent()) {
            // Already locked: failures while locked neither count nor lengthen the lock.
            return Optional.empty();
        }
        Sql.update(tx.connection(), "INSERT INTO sign_in_failures (lock_key, at) VALUES (?, ?)", key, now);
        long failures = Sql.queryLong(tx.connection(), "SELECT COUNT(*) FROM sign_in_failures WHERE lock_key = ?", key);
        if (failures < max) {
            return Optional.empty();
        }
        long until = now + policy.lockout().toMillis();
        Sql.update(tx.connection(), "DELETE FROM sign_in_failures WHERE lock_key = ?", key);
        Sql.update(tx.connection(), "DELETE FROM sign_in_locks WHERE lock_key = ?", key);
        Sql.update(tx.connection(), "INSERT INTO sign_in_locks (lock_key, until_at) VALUES (?, ?)", key, until);
        return Optional.of(new Lock(key, Instant.ofEpochMilli(until)));
    }

    private static String userKey(String username) {
        return "user:" + username;
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
