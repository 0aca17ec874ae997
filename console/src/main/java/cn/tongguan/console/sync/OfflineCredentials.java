package cn.tongguan.console.sync;

import cn.tongguan.api.Auth;
import cn.tongguan.api.Json;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a seat sign in while the platform is down, to work from its cache, for a bounded time after its last online
 * sign-in (the seat policy's {@code offline.sign-in.hours}). After each successful online sign-in the user, when it
 * happened and a salted PBKDF2 hash of the password (never the password) are kept next to the user's cache; the
 * session (access and refresh token) is kept only encrypted (AES-GCM) with a second key derived from the password,
 * so nothing on disk opens the platform without the password. Offline, the same password opens it again.
 */
public final class OfflineCredentials {
    private static final Logger LOG = LoggerFactory.getLogger(OfflineCredentials.class);
    private static final String FILE = "credential.json";
    private static final int ITERATIONS = 310_000;
    private static final int TAG_BITS = 128;

    /**
     * What is kept on disk: {@code salt}/{@code hash} check the password; {@code keySalt}, {@code iv} and
     * {@code sealed} are the sign-in, encrypted with the key derived from the password and {@code keySalt}.
     */
    record Stored(String salt, String hash, String keySalt, String iv, String sealed, Instant signedInAt) {
    }

    /** The kept sign-in is older than the policy allows: the operator must sign in online. */
    public static final class TooOld extends Exception {
        private static final long serialVersionUID = 1L;
        private final Duration limit;

        TooOld(Duration limit) {
            super("offline sign-in older than " + limit);
            this.limit = limit;
        }

        public Duration limit() {
            return limit;
        }
    }

    private final ObjectMapper json = Json.newMapper();
    private final SecureRandom random = new SecureRandom();

    /** After an online sign-in at {@code now} (also after a refresh: the pair is re-sealed, the time kept). */
    public void remember(Path userDirectory, String password, Auth.LoginResponse login, Instant now) {
        byte[] salt = bytes(16);
        byte[] keySalt = bytes(16);
        byte[] iv = bytes(12);
        try {
            Files.createDirectories(userDirectory);
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, derive(password, keySalt), iv)
                    .doFinal(json.writeValueAsBytes(login));
            Base64.Encoder b64 = Base64.getEncoder();
            Stored stored = new Stored(b64.encodeToString(salt), b64.encodeToString(derive(password, salt)),
                    b64.encodeToString(keySalt), b64.encodeToString(iv), b64.encodeToString(sealed), now);
            Path tmp = userDirectory.resolve(FILE + ".tmp");
            Files.write(tmp, json.writeValueAsBytes(stored));
            Files.move(tmp, userDirectory.resolve(FILE), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | GeneralSecurityException e) {
            LOG.warn("Offline sign-in for {} not kept: {}", login.user().username(), e.toString());
        }
    }

    /**
     * The kept sign-in of this user if the password matches and the last online sign-in is at most {@code limit}
     * before {@code now}; empty if the password does not match or nothing is kept.
     */
    public Optional<Auth.LoginResponse> check(Path userDirectory, String password, Instant now, Duration limit)
            throws TooOld {
        Path file = userDirectory.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Stored stored = json.readValue(file.toFile(), Stored.class);
            Base64.Decoder b64 = Base64.getDecoder();
            if (stored.sealed() == null || stored.signedInAt() == null) {
                return Optional.empty(); // a file from before sealing (plain token, no date): not trusted
            }
            if (!MessageDigest.isEqual(b64.decode(stored.hash()), derive(password, b64.decode(stored.salt())))) {
                return Optional.empty();
            }
            if (stored.signedInAt().plus(limit).isBefore(now)) {
                throw new TooOld(limit);
            }
            byte[] plain = cipher(Cipher.DECRYPT_MODE, derive(password, b64.decode(stored.keySalt())),
                    b64.decode(stored.iv())).doFinal(b64.decode(stored.sealed()));
            return Optional.of(json.readValue(plain, Auth.LoginResponse.class));
        } catch (IOException | IllegalArgumentException | GeneralSecurityException e) {
            LOG.warn("Offline sign-in file {} unreadable: {}", file, e.toString());
            return Optional.empty();
        }
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static Cipher cipher(int mode, byte[] key, byte[] iv) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
        return cipher;
    }

    /** PBKDF2-HMAC-SHA256, 256 bits: the password check and, with another salt, the key of the sealed session. */
    static byte[] derive(String password, byte[] salt) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 unavailable", e);
        }
    }
}
