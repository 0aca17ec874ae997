package cn.tongguan.platform.auth;

import java.time.Duration;

/**
 * The identity and retention rules of one platform, as data (等保 2.0 level 3; docs/security.md): how long an access
 * token and a shift's refresh tokens live, when failed sign-ins lock a name or an address out and for how long, the
 * password rules, and how long events and the audit log are kept.
 *
 * @param accessTokenLifetime     a bearer token's life; a seat refreshes it without the operator noticing
 * @param refreshTokenLifetime    how long one sign-in may be renewed (a shift); rotation never extends it
 * @param maxFailuresPerUser      failed sign-ins of one user name within {@code failureWindow} that lock it
 * @param maxFailuresPerAddress   the same for one client address (a hall behind one NAT: higher)
 * @param failureWindow           how far back failures count
 * @param lockout                 how long a locked name or address is refused, even with the right password
 * @param passwordMinLength       shortest password an account may get
 * @param passwordMinClasses      of lower case, upper case, digits, other characters: how many it must mix
 * @param eventRetention          events older than this are pruned at start (consoles resync from a snapshot)
 * @param auditRetention          audit entries older than this are pruned; at least 180 days (网络安全法 第二十一条)
 */
public record SecurityPolicy(Duration accessTokenLifetime, Duration refreshTokenLifetime, int maxFailuresPerUser,
                             int maxFailuresPerAddress, Duration failureWindow, Duration lockout, int passwordMinLength,
                             int passwordMinClasses, Duration eventRetention, Duration auditRetention) {
    /** The law's floor for keeping network logs. */
    public static final Duration MIN_AUDIT_RETENTION = Duration.ofDays(180);

    public SecurityPolicy {
        positive("accessTokenLifetime", accessTokenLifetime);
        positive("refreshTokenLifetime", refreshTokenLifetime);
        positive("failureWindow", failureWindow);
        positive("lockout", lockout);
        positive("eventRetention", eventRetention);
        if (auditRetention == null || auditRetention.compareTo(MIN_AUDIT_RETENTION) < 0) {
            throw new IllegalArgumentException("auditRetention must be at least 180 days: " + auditRetention);
        }
        if (maxFailuresPerUser < 1 || maxFailuresPerAddress < 1 || passwordMinLength < 1
                || passwordMinClasses < 1 || passwordMinClasses > 4) {
            throw new IllegalArgumentException("policy counts out of range");
        }
    }

    /** 30 min access, a 12 h shift, 5 failures (20 per address) in 15 min lock for 15 min, 10 characters of 3 kinds. */
    public static SecurityPolicy defaults() {
        return new SecurityPolicy(Duration.ofMinutes(30), Duration.ofHours(12), 5, 20, Duration.ofMinutes(15),
                Duration.ofMinutes(15), 10, 3, Duration.ofDays(30), Duration.ofDays(180));
    }

    public SecurityPolicy withAccessTokenLifetime(Duration d) {
        return new SecurityPolicy(d, refreshTokenLifetime, maxFailuresPerUser, maxFailuresPerAddress, failureWindow, lockout,
                passwordMinLength, passwordMinClasses, eventRetention, auditRetention);
    }

    public SecurityPolicy withRefreshTokenLifetime(Duration d) {
        return new SecurityPolicy(accessTokenLifetime, d, maxFailuresPerUser, maxFailuresPerAddress, failureWindow, lockout,
                passwordMinLength, passwordMinClasses, eventRetention, auditRetention);
    }

    public SecurityPolicy withLockout(int perUser, int perAddress, Duration window, Duration duration) {
        return new SecurityPolicy(accessTokenLifetime, refreshTokenLifetime, perUser, perAddress, window, duration,
                passwordMinLength, passwordMinClasses, eventRetention, auditRetention);
    }

    public SecurityPolicy withRetention(Duration events, Duration audit) {
        return new SecurityPolicy(accessTokenLifetime, refreshTokenLifetime, maxFailuresPerUser, maxFailuresPerAddress,
                failureWindow, lockout, passwordMinLength, passwordMinClasses, events, audit);
    }

    private static void positive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }
}
