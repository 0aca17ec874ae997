package cn.tongguan.console.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/**
 * The seat's security policy as data: how long after the last online sign-in an offline sign-in is still allowed,
 * and after how long without input the seat locks. Shipped in {@code seat-policy.properties}; a city overrides it
 * with a file of the same name in the console's data directory.
 */
public record SeatPolicy(Duration offlineSignIn, Duration idleLock) {
    static final String FILE = "seat-policy.properties";

    public SeatPolicy {
        if (offlineSignIn.isNegative() || idleLock.isNegative() || idleLock.isZero()) {
            throw new IllegalArgumentException("seat policy out of range: " + offlineSignIn + ", " + idleLock);
        }
    }

    /** The shipped policy, overridden key by key by {@code dataDir/seat-policy.properties} if present. */
    public static SeatPolicy load(Path dataDir) {
        Properties p = new Properties();
        try (InputStream shipped = SeatPolicy.class.getResourceAsStream(FILE)) {
            p.load(new java.io.InputStreamReader(shipped, StandardCharsets.UTF_8));
            Path local = dataDir.resolve(FILE);
            if (Files.isRegularFile(local)) {
                try (Reader reader = Files.newBufferedReader(local, StandardCharsets.UTF_8)) {
                    p.load(reader);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("seat policy unreadable", e);
        }
        return new SeatPolicy(Duration.ofHours(Long.parseLong(p.getProperty("offline.sign-in.hours").trim())),
                Duration.ofSeconds(Long.parseLong(p.getProperty("idle.lock.seconds").trim())));
    }
}
