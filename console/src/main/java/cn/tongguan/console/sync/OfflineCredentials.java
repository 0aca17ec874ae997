package cn.tongguan.console.sync;

import cn.tongguan.api.Auth;
import cn.tongguan.api.Json;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a seat sign in while the platform is down, to work from its cache: after each successful sign-in the
 * user, the session token and a salted PBKDF2 hash of the password (never the password) are kept next to the
 * user's cache. Offline, the same password opens that cache again; the outbox sends with the kept token when
 * the platform is back (if the token has expired by then, the seat signs in again and the outbox still holds
 * everything).
 */
public final class OfflineCredentials {
    private static final Logger LOG = LoggerFactory.getLogger(OfflineCredentials.class);
    private static final String FILE = "credential.json";
    private static final int ITERATIONS = 120_000;

    /** What is kept on disk. */
    record Stored(String salt, String hash, Auth.LoginResponse login) {
    }

    private final ObjectMapper json = Json.newMapper();
    private final SecureRandom random = new SecureRandom();

    public void remember(Path userDirectory, String password, Auth.LoginResponse login) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        try {
            Files.createDirectories(userDirectory);
            Stored stored = new Stored(Base64.getEncoder().encodeToString(salt),
                    Base64.getEncoder().encodeToString(hash(password, salt)), login);
            Path tmp = userDirectory.resolve(FILE + ".tmp");
            Files.write(tmp, json.writeValueAsBytes(stored));
            Files.move(tmp, userDirectory.resolve(FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Offline sign-in for {} not kept: {}", login.user().username(), e.toString());
        }
    }

    /** The kept sign-in of this user if the password matches; empty otherwise (or without one). */
    public Optional<Auth.LoginResponse> check(Path userDirectory, String password) {
        Path file = userDirectory.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Stored stored = json.readValue(file.toFile(), Stored.class);
            byte[] expected = Base64.getDecoder().decode(stored.hash());
            byte[] actual = hash(password, Base64.getDecoder().decode(stored.salt()));
            return MessageDigest.isEqual(expected, actual) ? Optional.of(stored.login()) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Offline sign-in file {} unreadable: {}", file, e.toString());
            return Optional.empty();
        }
    }

    private static byte[] hash(String password, byte[] salt) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 unavailable", e);
        }
    }
}
