package cn.tongguan.console.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The key of a user's encrypted cache (H2 {@code CIPHER=AES}): PBKDF2-HMAC-SHA256 of the user's password with a
 * per-user random salt kept in {@code cache.salt} beside the cache. The key itself is never stored; only the
 * password typed at sign-in opens the file (callers' names and phone numbers are in it).
 */
public final class CacheKey {
    private static final String SALT_FILE = "cache.salt";
    private static final int ITERATIONS = 310_000;

    private CacheKey() {
    }

    /** The file key for {@code password} in {@code userDirectory} (making the salt on first use). Slow: off the FX thread. */
    public static String derive(Path userDirectory, String password) {
        try {
            Files.createDirectories(userDirectory);
            Path file = userDirectory.resolve(SALT_FILE);
            byte[] salt;
            if (Files.isRegularFile(file) && Files.size(file) == 16) {
                salt = Files.readAllBytes(file);
            } else {
                salt = new byte[16];
                new SecureRandom().nextBytes(salt);
                Files.write(file, salt);
            }
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, 256);
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return HexFormat.of().formatHex(key);
        } catch (IOException e) {
            throw new UncheckedIOException("cache salt unavailable", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 unavailable", e);
        }
    }
}
