package cn.tongguan.platform.http;

import cn.tongguan.platform.storage.Database;
import cn.tongguan.platform.storage.Sql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Results of POSTs by (user, Idempotency-Key), kept {@code retention} (default 7 days: long enough for a console
 * to replay its outbox after a day offline). A replay answers the stored status and body.
 */
public final class IdempotencyStore {
    private final Database db;
    private final Clock clock;
    private final Duration retention;

    public record Stored(String fingerprint, int status, String body) {
    }

    public IdempotencyStore(Database db, Clock clock, Duration retention) {
        this.db = db;
        this.clock = clock;
        this.retention = retention;
    }

    public Optional<Stored> find(String username, String key) {
        return db.read(tx -> {
            try (PreparedStatement ps = Sql.prepare(tx.connection(),
                    "SELECT fingerprint, status, body FROM idempotency_keys WHERE username = ? AND idem_key = ?", username, key);
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Stored(rs.getString(1), rs.getInt(2), rs.getString(3))) : Optional.empty();
            }
        });
    }

    public void save(String username, String key, Stored result) {
        db.write(tx -> Sql.update(tx.connection(), "INSERT INTO idempotency_keys (username, idem_key, fingerprint, status, body, "
                + "created_at) VALUES (?, ?, ?, ?, ?, ?)", username, key, result.fingerprint(), result.status(), result.body(),
                clock.millis()));
    }

    public void prune() {
        db.write(tx -> Sql.update(tx.connection(), "DELETE FROM idempotency_keys WHERE created_at < ?",
                clock.millis() - retention.toMillis()));
    }
}
