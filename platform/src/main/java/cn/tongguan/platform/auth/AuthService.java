package cn.tongguan.platform.auth;

import cn.tongguan.api.Auth;
import cn.tongguan.platform.http.ApiException;
import cn.tongguan.platform.storage.Database;
import cn.tongguan.platform.storage.Sql;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Accounts and bearer tokens. Tokens are random, stored only as SHA-256 hashes (a stolen database does not
 * give working tokens), survive a restart, and expire after {@code tokenLifetime}.
 */
public final class AuthService {
    private final Database db;
    private final Passwords passwords;
    private final Clock clock;
    private final Duration tokenLifetime;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> cache = new ConcurrentHashMap<>();

    private record Session(Principal principal, long expiresAt) {
    }

    public AuthService(Database db, Passwords passwords, Clock clock, Duration tokenLifetime) {
        this.db = db;
        this.passwords = passwords;
        this.clock = clock;
        this.tokenLifetime = tokenLifetime;
    }

    public Auth.LoginResponse login(Auth.LoginRequest request) {
        Optional<String[]> row = db.read(tx -> {
            try (PreparedStatement ps = Sql.prepare(tx.connection(),
                    "SELECT password_hash, display_name, role, department_code FROM users WHERE username = ? AND active = TRUE",
                    request.username()); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)})
                        : Optional.<String[]>empty();
            }
        });
        if (row.isEmpty() || !passwords.matches(request.password(), row.get()[0])) {
            throw new ApiException(401, "bad_credentials", Map.of());
        }
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant expires = clock.instant().plus(tokenLifetime);
        db.write(tx -> Sql.update(tx.connection(), "INSERT INTO sessions (token_hash, username, expires_at) VALUES (?, ?, ?)",
                sha256(token), request.username(), expires.toEpochMilli()));
        Auth.User user = new Auth.User(request.username(), row.get()[1], row.get()[2], row.get()[3]);
        return new Auth.LoginResponse(token, expires, user);
    }

    public void logout(String token) {
        String hash = sha256(token);
        cache.remove(hash);
        db.write(tx -> Sql.update(tx.connection(), "DELETE FROM sessions WHERE token_hash = ?", hash));
    }

    /** The principal of a bearer token, or 401 (unknown) / 401 token_expired. */
    public Principal authenticate(String token) {
        if (token == null || token.isBlank()) {
            throw new ApiException(401, "unauthorized", Map.of());
        }
        String hash = sha256(token);
        long now = clock.millis();
        Session s = cache.get(hash);
        if (s == null) {
            s = db.read(tx -> {
                try (PreparedStatement ps = Sql.prepare(tx.connection(),
                        "SELECT u.username, u.display_name, u.role, u.department_code, s.expires_at FROM sessions s "
                                + "JOIN users u ON u.username = s.username WHERE s.token_hash = ? AND u.active = TRUE", hash);
                     ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    return new Session(new Principal(rs.getString(1), rs.getString(2), Role.of(rs.getString(3)),
                            rs.getString(4)), rs.getLong(5));
                }
            });
            if (s == null) {
                throw new ApiException(401, "unauthorized", Map.of());
            }
            cache.put(hash, s);
        }
        if (s.expiresAt() <= now) {
            cache.remove(hash);
            throw new ApiException(401, "token_expired", Map.of());
        }
        return s.principal();
    }

    public Auth.User createUser(Auth.NewUser u) {
        Role.of(u.role());
        String hash = passwords.hash(u.password());
        return db.write(tx -> {
            if (Sql.queryLong(tx.connection(), "SELECT COUNT(*) FROM users WHERE username = ?", u.username()) > 0) {
                throw ApiException.conflict("user_exists", Map.of("username", u.username()), u.username());
            }
            if (u.departmentCode() != null && Sql.queryLong(tx.connection(),
                    "SELECT COUNT(*) FROM departments WHERE code = ?", u.departmentCode()) == 0) {
                throw ApiException.unprocessable("unknown_department", Map.of("departmentCode", u.departmentCode()),
                        u.departmentCode());
            }
            Sql.update(tx.connection(), "INSERT INTO users (username, display_name, role, department_code, password_hash, "
                    + "active, created_at) VALUES (?, ?, ?, ?, ?, TRUE, ?)", u.username(), u.displayName(), u.role(),
                    "department".equals(u.role()) ? u.departmentCode() : null, hash, clock.millis());
            return new Auth.User(u.username(), u.displayName(), u.role(),
                    "department".equals(u.role()) ? u.departmentCode() : null);
        });
    }

    public List<Auth.User> users() {
        return db.read(tx -> {
            List<Auth.User> out = new ArrayList<>();
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "SELECT username, display_name, role, department_code FROM users ORDER BY username");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Auth.User(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
            return out;
        });
    }

    public long userCount() {
        return db.read(tx -> Sql.queryLong(tx.connection(), "SELECT COUNT(*) FROM users"));
    }

    /** Drops expired sessions (run now and then; expired tokens are refused anyway). */
    public void pruneSessions() {
        db.write(tx -> Sql.update(tx.connection(), "DELETE FROM sessions WHERE expires_at < ?", clock.millis()));
        cache.values().removeIf(s -> s.expiresAt() <= clock.millis());
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
