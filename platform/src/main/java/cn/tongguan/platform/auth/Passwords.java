package cn.tongguan.platform.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Password hashes: Argon2id from BouncyCastle (RFC 9106) at OWASP's current minimum (19 MiB, 2 passes, 1 lane),
 * stored as a PHC string {@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}. Hashes of the earlier
 * {@code pbkdf2-sha256$iterations$salt$hash} form still verify; {@link #needsRehash} tells the sign-in to store a
 * current hash once the password is known to be right (ADR 0090).
 */
public final class Passwords {
    static final int MEMORY_KIB = 19_456;
    static final int PASSES = 2;
    static final int LANES = 1;
    private static final String PREFIX = "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + PASSES + ",p=" + LANES + "$";
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final SecureRandom random = new SecureRandom();
    /**
     * A hash of nothing anybody knows, verified when the user name does not exist, so that an unknown name costs
     * the same time as a wrong password (the time must not tell whether an account exists).
     */
    private final String dummy;

    public Passwords() {
        byte[] unknowable = new byte[32];
        random.nextBytes(unknowable);
        this.dummy = hash(Base64.getEncoder().encodeToString(unknowable));
    }

    public String hash(String password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return PREFIX + B64.encodeToString(salt) + "$" + B64.encodeToString(argon2(password, salt, MEMORY_KIB, PASSES, LANES));
    }

    /** Whether {@code password} matches {@code stored}; a malformed or unknown hash never matches. */
    public boolean matches(String password, String stored) {
        try {
            if (stored.startsWith("$argon2id$")) {
                return matchesArgon2(password, stored);
            }
            if (stored.startsWith("pbkdf2-sha256$")) {
                return matchesPbkdf2(password, stored);
            }
        } catch (IllegalArgumentException e) {
            return false;
        }
        return false;
    }

    /** Spends the time of one verification for a user that does not exist; always false. */
    public boolean matchesNobody(String password) {
        matches(password, dummy);
        return false;
    }

    /** Whether a stored hash is weaker than what {@link #hash} makes today (older scheme or parameters). */
    public boolean needsRehash(String stored) {
        return !stored.startsWith(PREFIX);
    }

    private static boolean matchesArgon2(String password, String stored) {
        // $argon2id$v=19$m=..,t=..,p=..$salt$hash → ["", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash]
        String[] p = stored.split("\\$");
        if (p.length != 6 || !p[2].equals("v=19")) {
            return false;
        }
        int m = 0;
        int t = 0;
        int lanes = 0;
        for (String kv : p[3].split(",")) {
            String[] pair = kv.split("=", 2);
            int v = Integer.parseInt(pair[1]);
            switch (pair[0]) {
                case "m" -> m = v;
                case "t" -> t = v;
                case "p" -> lanes = v;
                default -> throw new IllegalArgumentException("argon2 parameter " + pair[0]);
            }
        }
        // Refuse parameters that would let a crafted row exhaust memory or time (m ≤ 1 GiB, t ≤ 10).
        if (m < 8 || m > 1 << 20 || t < 1 || t > 10 || lanes < 1 || lanes > 8) {
            return false;
        }
        byte[] expected = B64D.decode(p[5]);
        return MessageDigest.isEqual(expected, argon2(password, B64D.decode(p[4]), m, t, lanes, expected.length));
    }

    private static boolean matchesPbkdf2(String password, String stored) {
        String[] p = stored.split("\\$");
        if (p.length != 4) {
            return false;
        }
        int iterations = Integer.parseInt(p[1]);
        if (iterations < 1 || iterations > 10_000_000) {
            return false;
        }
        byte[] expected = B64D.decode(p[3]);
        return MessageDigest.isEqual(expected, pbkdf2(password, B64D.decode(p[2]), iterations));
    }

    private static byte[] argon2(String password, byte[] salt, int memoryKib, int passes, int lanes) {
        return argon2(password, salt, memoryKib, passes, lanes, 32);
    }

    private static byte[] argon2(String password, byte[] salt, int memoryKib, int passes, int lanes, int length) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withSalt(salt).withMemoryAsKB(memoryKib)
                .withIterations(passes).withParallelism(lanes).build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }

    /** The earlier scheme, kept to verify hashes made before Argon2id (and by tests that make one). */
    static String pbkdf2Hash(String password, byte[] salt, int iterations) {
        return "pbkdf2-sha256$" + iterations + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(pbkdf2(password, salt, iterations));
    }

    private static byte[] pbkdf2(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 unavailable", e);
        }
    }
}
