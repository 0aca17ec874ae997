package cn.tongguan.platform.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins per user name and per client address and locks either out for {@link SecurityPolicy#lockout}
 * once it has failed too often within {@link SecurityPolicy#failureWindow} (等保 2.0 身份鉴别: 登录失败处理). Unknown
 * names are counted like known ones, so a lockout tells nothing about which accounts exist. Kept in memory: a
 * restart forgets the counts, which costs an attacker a restart they cannot cause.
 */
public final class SignInThrottle {
    /** Above this many tracked keys, expired ones are swept out before a new one is added (bounded memory). */
    private static final int SWEEP_ABOVE = 10_000;

    private final SecurityPolicy policy;
    private final Clock clock;
    private final Map<String, Track> tracks = new ConcurrentHashMap<>();

    /** The failures of one key within the window, and the end of its lockout if it is locked. */
    private static final class Track {
        final Deque<Instant> failures = new ArrayDeque<>();
        Instant lockedUntil = Instant.MIN;
    }

    /** What locked a sign-in and until when. */
    public record Lock(String key, Instant until) {
        public long retryAfterSeconds(Instant now) {
            return Math.max(1, Duration.between(now, until).toSeconds() + (Duration.between(now, until).toNanosPart() > 0 ? 1 : 0));
        }
    }

    public SignInThrottle(SecurityPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    /** The lock that refuses a sign-in of {@code username} from {@code address} now, if any. */
    public Optional<Lock> locked(String username, String address) {
        Instant now = clock.instant();
        Optional<Lock> user = lockOf(userKey(username), now);
        return user.isPresent() ? user : lockOf(addressKey(address), now);
    }

    /**
     * Records a failure; answers the lock it started (the caller audits the lockout once), if it started one.
     */
    public Optional<Lock> failed(String username, String address) {
        Instant now = clock.instant();
        if (tracks.size() > SWEEP_ABOVE) {
            sweep(now);
        }
        Optional<Lock> byUser = count(userKey(username), now, policy.maxFailuresPerUser());
        Optional<Lock> byAddress = count(addressKey(address), now, policy.maxFailuresPerAddress());
        return byUser.isPresent() ? byUser : byAddress;
    }

    /** A good sign-in clears the name's failures (not the address's: other names may be tried from there). */
    public void succeeded(String username) {
        tracks.remove(userKey(username));
    }

    private Optional<Lock> lockOf(String key, Instant now) {
        Track t = tracks.get(key);
        if (t == null) {
            return Optional.empty();
        }
        synchronized (t) {
            return t.lockedUntil.isAfter(now) ? Optional.of(new Lock(key, t.lockedUntil)) : Optional.empty();
        }
    }

    private Optional<Lock> count(String key, Instant now, int max) {
        Track t = tracks.computeIfAbsent(key, k -> new Track());
        synchronized (t) {
            Instant horizon = now.minus(policy.failureWindow());
            while (!t.failures.isEmpty() && !t.failures.peekFirst().isAfter(horizon)) {
                t.failures.pollFirst();
            }
            t.failures.addLast(now);
            if (t.failures.size() >= max && !t.lockedUntil.isAfter(now)) {
                t.lockedUntil = now.plus(policy.lockout());
                t.failures.clear();
                return Optional.of(new Lock(key, t.lockedUntil));
            }
            return Optional.empty();
        }
    }

    private void sweep(Instant now) {
        Instant horizon = now.minus(policy.failureWindow());
        tracks.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                Deque<Instant> f = e.getValue().failures;
                return !e.getValue().lockedUntil.isAfter(now) && (f.isEmpty() || !f.peekLast().isAfter(horizon));
            }
        });
    }

    private static String userKey(String username) {
        return "user:" + username;
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
