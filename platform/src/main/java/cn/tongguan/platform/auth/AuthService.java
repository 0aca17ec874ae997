package cn.tongguan.platform.auth;

import cn.tongguan.api.Auth;
import cn.tongguan.platform.audit.AuditLog;
import cn.tongguan.platform.http.ApiException;
import cn.tongguan.platform.storage.Database;
import cn.tongguan.platform.storage.Sql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Accounts, sign-in and bearer tokens under a {@link SecurityPolicy}: short access tokens renewed with single-use
 * refresh tokens ({@link Sessions}), Argon2id password hashes ({@link Passwords}), the password rules
 * ({@link PasswordPolicy}), lockout after failed sign-ins ({@link SignInThrottle}); every sign-in, failure, lockout,
 * refresh and sign-out goes to the audit log.
 */
public final class AuthService {
    private final Database db;
    private final Passwords passwords;
    private final Clock clock;
    private final PasswordPolicy passwordPolicy;
    private final SignInThrottle throttle;
    private final Sessions sessions;
    private final AuditLog audit;
    private final Map<String, Session> cache = new ConcurrentHashMap<>();
    /**
     * Counts the revocations (sign-outs, replayed refresh families, foreign writes). A request that read its session
     * from the database while a revocation ran must not put it back into the cache after the revocation cleared it:
     * the signed-out token would then work until it expires.
     */
    private final AtomicLong revocations = new AtomicLong();

    private record Session(Principal principal, long expiresAt, String family) {
    }

    private record Account(String hash, String displayName, String role, String department) {
    }

    public AuthService(Database db, Passwords passwords, Clock clock, SecurityPolicy policy, AuditLog audit) {
        this.db = db;
        this.passwords = passwords;
        this.clock = clock;
        this.passwordPolicy = PasswordPolicy.of(policy);
        this.throttle = new SignInThrottle(db, policy, clock);
        this.sessions = new Sessions(db, clock, policy);
        this.audit = audit;
        // A sign-out or a revoked family on another platform instance on the same database (ADR 0101): forget the
        // tokens known here, the next request reads its session again.
        db.onForeignWrites(tx -> {
            revocations.incrementAndGet();
            cache.clear();
            return null;
        });
    }

    /**
     * Signs in from {@code address}. Refused with 429 {@code too_many_attempts} (details {@code retryAfterSeconds})
     * while the name or the address is locked, even with the right password; 401 {@code bad_credentials} otherwise.
     */
    public Auth.LoginResponse login(Auth.LoginRequest request, String address) {
        String name = request.username();
        Optional<SignInThrottle.Lock> lock = throttle.locked(name, address);
        if (lock.isPresent()) {
            audit.append(new AuditLog.Act(name, null, address, "login.refused", lock.get().key(), "locked", null));
            throw tooMany(lock.get());
        }
        Optional<Account> account = account(name);
        // An unknown name costs one verification too: the answer's time must not tell whether the account exists.
        boolean good = account.isPresent() ? passwords.matches(request.password(), account.get().hash())
                : passwords.matchesNobody(request.password());
        if (!good) {
            Optional<SignInThrottle.Lock> started = throttle.failed(name, address);
            audit.append(new AuditLog.Act(name, null, address, "login.failure", name, "bad_credentials", null));
            if (started.isPresent()) {
                audit.append(new AuditLog.Act(name, null, address, "login.locked", started.get().key(), "locked",
                        "{\"until\":\"" + started.get().until() + "\"}"));
            }
            throw new ApiException(401, "bad_credentials", Map.of());
        }
        throttle.succeeded(name);
        Account a = account.get();
        Sessions.Pair pair = db.write(tx -> {
            if (passwords.needsRehash(a.hash())) {
                // The password is known to be right only now: the first good sign-in upgrades an older hash.
                Sql.update(tx.connection(), "UPDATE users SET password_hash = ? WHERE username = ?",
                        passwords.hash(request.password()), name);
            }
            Sessions.Pair p = sessions.open(tx, name);
            audit.append(tx, new AuditLog.Act(name, a.role(), address, "login.success", name, "ok", null));
            return p;
        });
        Auth.User user = new Auth.User(name, a.displayName(), a.role(), a.department());
        return new Auth.LoginResponse(pair.access(), pair.accessExpires(), user, pair.refresh(), pair.refreshExpires());
    }

    /** A new pair for a refresh token (once); 401 {@code session_expired} for an unknown, expired or replayed one. */
    public Auth.LoginResponse refresh(Auth.RefreshRequest request, String address) {
        Sessions.Refreshed r = sessions.refresh(request.refreshToken());
        switch (r.state()) {
            case ROTATED -> {
                Account a = account(r.username()).orElseThrow(() -> new ApiException(401, "session_expired", Map.of()));
                audit.append(new AuditLog.Act(r.username(), a.role(), address, "token.refresh", r.username(), "ok", null));
                Sessions.Pair p = r.pair();
                return new Auth.LoginResponse(p.access(), p.accessExpires(),
                        new Auth.User(r.username(), a.displayName(), a.role(), a.department()), p.refresh(), p.refreshExpires());
            }
            case REUSED -> {
                String family = r.pair().family();
                revocations.incrementAndGet();
                cache.values().removeIf(s -> family.equals(s.family()));
                audit.append(new AuditLog.Act(r.username(), null, address, "token.reuse", r.username(), "revoked",
                        "{\"family\":\"" + family.substring(0, 8) + "\"}"));
            }
            case EXPIRED -> audit.append(new AuditLog.Act(r.username(), null, address, "token.refresh", r.username(), "expired", null));
            default -> audit.append(new AuditLog.Act(null, null, address, "token.refresh", null, "unknown", null));
        }
        throw new ApiException(401, "session_expired", Map.of());
    }

    /** Ends the sign-in of {@code token}: its access and refresh tokens stop working at once. */
    public void logout(String token, Principal who, String address) {
        String family = sessions.familyOf(token);
        String hash = Sessions.sha256(token);
        // The database first, then the count, then the cache: see revocations.
        sessions.end(token, family);
        revocations.incrementAndGet();
        cache.remove(hash);
        if (family != null) {
            cache.values().removeIf(s -> family.equals(s.family()));
        }
        audit.append(new AuditLog.Act(who.username(), who.role().code(), address, "logout", who.username(), "ok", null));
    }

    /** The principal of a bearer token, or 401 {@code unauthorized} (unknown, revoked) / 401 {@code token_expired}. */
    public Principal authenticate(String token) {
        if (token == null || token.isBlank()) {
            throw new ApiException(401, "unauthorized", Map.of());
        }
        String hash = Sessions.sha256(token);
        long now = clock.millis();
        Session s = cache.get(hash);
        if (s == null) {
            long seen = revocations.get();
            s = db.read(tx -> {
                try (PreparedStatement ps = Sql.prepare(tx.connection(),
                        "SELECT u.username, u.display_name, u.role, u.department_code, s.expires_at, s.family FROM sessions s "
                                + "JOIN users u ON u.username = s.username WHERE s.token_hash = ? AND u.active = TRUE", hash);
                     ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    return new Session(new Principal(rs.getString(1), rs.getString(2), Role.of(rs.getString(3)),
                            rs.getString(4)), rs.getLong(5), rs.getString(6));
                }
            });
            if (s == null) {
                throw new ApiException(401, "unauthorized", Map.of());
            }
            cache.put(hash, s);
            if (revocations.get() != seen) {
                // A revocation ran meanwhile and may have missed this entry: forget it, the next request reads again.
                cache.remove(hash);
            }
        }
        if (s.expiresAt() <= now) {
            cache.remove(hash);
            throw new ApiException(401, "token_expired", Map.of());
        }
        return s.principal();
    }

    /** Creates an account whose password passes the {@link PasswordPolicy} (400 invalid_field password otherwise). */
    public Auth.User createUser(Auth.NewUser u) {
        passwordPolicy.check(u.username(), u.password());
        return insertUser(u, passwords.hash(u.password()));
    }

    /**
     * Creates demo accounts without the password rules: only for {@code serve --demo} and the tests' platforms, whose
     * accounts share the published password {@code tongguan}. One hash serves them all: a salt protects a secret
     * password from precomputation, and this one is printed in the README.
     */
    public void createDemoAccounts(List<Auth.NewUser> accounts, String password) {
        String hash = passwords.hash(password);
        for (Auth.NewUser u : accounts) {
            insertUser(u, hash);
        }
    }

    private Auth.User insertUser(Auth.NewUser u, String hash) {
        Role.of(u.role());
        String dept = "department".equals(u.role()) ? u.departmentCode() : null;
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
                    + "active, created_at) VALUES (?, ?, ?, ?, ?, TRUE, ?)", u.username(), u.displayName(), u.role(), dept, hash,
                    clock.millis());
            return new Auth.User(u.username(), u.displayName(), u.role(), dept);
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

    /** Drops expired sessions and refresh tokens (run now and then; expired tokens are refused anyway). */
    public void pruneSessions() {
        sessions.prune();
        cache.values().removeIf(s -> s.expiresAt() <= clock.millis());
    }

    private Optional<Account> account(String username) {
        return db.read(tx -> {
            try (PreparedStatement ps = Sql.prepare(tx.connection(), "SELECT password_hash, display_name, role, department_code "
                    + "FROM users WHERE username = ? AND active = TRUE", username); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Account(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                        : Optional.<Account>empty();
            }
        });
    }

    /** The 429 of a locked sign-in; the route copies {@code retryAfterSeconds} into {@code Retry-After}. */
    private ApiException tooMany(SignInThrottle.Lock lock) {
        long seconds = lock.retryAfterSeconds(clock.instant());
        long minutes = (seconds + 59) / 60;
        return new ApiException(429, "too_many_attempts", Map.of("retryAfterSeconds", seconds), minutes);
    }
}
