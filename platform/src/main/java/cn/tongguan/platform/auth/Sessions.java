package cn.tongguan.platform.auth;

import cn.tongguan.platform.storage.Database;
import cn.tongguan.platform.storage.Sql;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The stored half of sign-ins: access tokens ({@code sessions}) and single-use refresh tokens
 * ({@code refresh_tokens}), both only as SHA-256 hashes (a copy of the database gives no working token). The tokens
 * of one sign-in share a {@code family}: refreshing rotates within it, logout and a replayed refresh token end it.
 */
final class Sessions {
    private final Database db;
    private final Clock clock;
    private final SecurityPolicy policy;
    private final SecureRandom random = new SecureRandom();

    /** A new access + refresh pair as given to the client. */
    record Pair(String access, Instant accessExpires, String refresh, Instant refreshExpires, String family) {
    }

    /** What a presented refresh token turned out to be. */
    enum RefreshState { UNKNOWN, EXPIRED, REUSED, ROTATED }

    record Refreshed(RefreshState state, String username, Pair pair) {
    }

    Sessions(Database db, Clock clock, SecurityPolicy policy) {
        this.db = db;
        this.clock = clock;
        this.policy = policy;
    }

    /** A new family for {@code username}: the refresh tokens of this sign-in live until the end of the shift. */
    Pair open(Database.Tx tx, String username) throws SQLException {
        Instant now = clock.instant();
        return issue(tx, username, randomToken(), now.plus(policy.refreshTokenLifetime()));
    }

    private Pair issue(Database.Tx tx, String username, String family, Instant refreshExpires) throws SQLException {
        Instant now = clock.instant();
        String access = randomToken();
        String refresh = randomToken();
        // An access token never outlives the sign-in it belongs to.
        Instant accessExpires = min(now.plus(policy.accessTokenLifetime()), refreshExpires);
        Sql.update(tx.connection(), "INSERT INTO sessions (token_hash, username, expires_at, family) VALUES (?, ?, ?, ?)",
                sha256(access), username, accessExpires.toEpochMilli(), family);
        Sql.update(tx.connection(), "INSERT INTO refresh_tokens (token_hash, family, username, expires_at, used) "
                + "VALUES (?, ?, ?, ?, FALSE)", sha256(refresh), family, username, refreshExpires.toEpochMilli());
        return new Pair(access, accessExpires, refresh, refreshExpires, family);
    }

    /**
     * Trades a refresh token for a new pair of the same family, once. A token already used means two holders (a
     * stolen copy, or a client replaying): the family is ended, so both must sign in again.
     */
    Refreshed refresh(String refreshToken) {
        String hash = sha256(refreshToken);
        return db.write(tx -> {
            String family;
            String username;
            long expires;
            boolean used;
            try (PreparedStatement ps = Sql.prepare(tx.connection(), "SELECT r.family, r.username, r.expires_at, r.used "
                    + "FROM refresh_tokens r JOIN users u ON u.username = r.username WHERE r.token_hash = ? AND u.active = TRUE",
                    hash); ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return new Refreshed(RefreshState.UNKNOWN, null, null);
                }
                family = rs.getString(1);
                username = rs.getString(2);
                expires = rs.getLong(3);
                used = rs.getBoolean(4);
            }
            if (used) {
                end(tx, family);
                return new Refreshed(RefreshState.REUSED, username, new Pair(null, null, null, null, family));
            }
            if (expires <= clock.millis()) {
                return new Refreshed(RefreshState.EXPIRED, username, null);
            }
            Sql.update(tx.connection(), "UPDATE refresh_tokens SET used = TRUE WHERE token_hash = ?", hash);
            return new Refreshed(RefreshState.ROTATED, username, issue(tx, username, family, Instant.ofEpochMilli(expires)));
        });
    }

    /** The family of an access token, or null. */
    String familyOf(String accessToken) {
        return db.read(tx -> {
            try (PreparedStatement ps = Sql.prepare(tx.connection(), "SELECT family FROM sessions WHERE token_hash = ?",
                    sha256(accessToken)); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
    }

    /** Ends a sign-in: every access and refresh token of the family (or the one access token of a family-less row). */
    void end(String accessToken, String family) {
        db.write(tx -> {
            Sql.update(tx.connection(), "DELETE FROM sessions WHERE token_hash = ?", sha256(accessToken));
            if (family != null) {
                end(tx, family);
            }
            return null;
        });
    }

    private static void end(Database.Tx tx, String family) throws SQLException {
        Sql.update(tx.connection(), "DELETE FROM sessions WHERE family = ?", family);
        Sql.update(tx.connection(), "DELETE FROM refresh_tokens WHERE family = ?", family);
    }

    /** Drops what has expired: access tokens a day after (so that they still answer token_expired), refresh tokens at once. */
    void prune() {
        long now = clock.millis();
        db.write(tx -> {
            Sql.update(tx.connection(), "DELETE FROM sessions WHERE expires_at < ?", now - 86_400_000L);
            Sql.update(tx.connection(), "DELETE FROM refresh_tokens WHERE expires_at < ?", now);
            return null;
        });
    }

    private String randomToken() {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
