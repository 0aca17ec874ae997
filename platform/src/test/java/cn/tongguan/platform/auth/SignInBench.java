package cn.tongguan.platform.auth;

import cn.tongguan.api.testing.TestClocks;
import cn.tongguan.platform.PlatformServer;
import cn.tongguan.platform.support.Api;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

/**
 * Sign-in timing (docs/benchmarks.md, "Identity"): over HTTP on a platform with demo accounts, the median time of a
 * wrong password for an existing user, of an unknown user, and of a good sign-in, interleaved; and the cost of one
 * Argon2id hash against the earlier PBKDF2 at 60,000 iterations, in the same run. Lockout is set out of reach.
 * Run: {@code platform/scripts/bench-sign-in.sh [rounds]}.
 */
public final class SignInBench {
    private static final PrintStream OUT = System.out;

    private SignInBench() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        SecurityPolicy noLock = SecurityPolicy.defaults().withLockout(1_000_000, 1_000_000, Duration.ofMinutes(1),
                Duration.ofMinutes(1));
        PlatformServer server = IdentityPlatforms.start("jdbc:h2:mem:bench" + System.nanoTime(), null, TestClocks.suite(), noLock);
        try {
            Api api = new Api(server.port());
            long[] wrong = new long[rounds];
            long[] unknown = new long[rounds];
            long[] good = new long[rounds];
            for (int i = -3; i < rounds; i++) { // three rounds of warm-up
                long a = time(api, "operator", "wrong-password");
                long b = time(api, "no-such-user-" + i, "wrong-password");
                long c = time(api, "operator", "tongguan");
                if (i >= 0) {
                    wrong[i] = a;
                    unknown[i] = b;
                    good[i] = c;
                }
            }
            Passwords p = new Passwords();
            long[] argon = new long[rounds];
            long[] pbkdf2 = new long[rounds];
            for (int i = 0; i < rounds; i++) {
                long t0 = System.nanoTime();
                p.hash("Bench-Password-1");
                argon[i] = System.nanoTime() - t0;
                t0 = System.nanoTime();
                Passwords.pbkdf2Hash("Bench-Password-1", new byte[16], 60_000);
                pbkdf2[i] = System.nanoTime() - t0;
            }
            OUT.printf(java.util.Locale.ROOT, "sign-in median over %d rounds: wrong password (known user) %.1f ms, "
                            + "unknown user %.1f ms (ratio %.2f), good sign-in %.1f ms%n", rounds, ms(wrong), ms(unknown),
                    median(unknown) / (double) median(wrong), ms(good));
            OUT.printf(java.util.Locale.ROOT, "hash median: Argon2id m=19MiB t=2 p=1 %.1f ms, PBKDF2-SHA256 60,000 %.1f ms "
                    + "(ratio %.2f)%n", ms(argon), ms(pbkdf2), median(argon) / (double) median(pbkdf2));
        } finally {
            server.stop();
        }
    }

    private static long time(Api api, String user, String password) {
        long t0 = System.nanoTime();
        api.post("/api/v1/auth/login", null, Map.of("username", user, "password", password), null);
        return System.nanoTime() - t0;
    }

    private static long median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static double ms(long[] v) {
        return median(v) / 1e6;
    }
}
