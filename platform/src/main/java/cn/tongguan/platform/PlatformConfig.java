package cn.tongguan.platform;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of one platform process. {@code jdbcUrl} null = embedded H2: a file under {@code dataDir}, or in
 * memory when {@code dataDir} is null too (tests, quick demos). {@code demoUsers}: create one account per role
 * (password {@code tongguan}) when the user table is empty — for the embedded demo only.
 */
public record PlatformConfig(String host, int port, String jdbcUrl, String dbUser, String dbPassword, Path dataDir,
                             Duration tokenLifetime, long maxUploadBytes, long maxBodyBytes, boolean demoUsers,
                             double[] cityBounds) {
    /** Xinxiang prefecture bbox, WGS84 (domain.md §8): minLng, minLat, maxLng, maxLat. */
    public static final double[] XINXIANG = {113.377, 34.878, 115.011, 35.837};

    public PlatformConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        tokenLifetime = tokenLifetime == null ? Duration.ofHours(12) : tokenLifetime;
        cityBounds = cityBounds == null ? XINXIANG.clone() : cityBounds.clone();
    }

    /** Embedded, in-memory, demo users: what the end-to-end tests and a bare {@code new PlatformServer} use. */
    public PlatformConfig(String host, int port) {
        this(host, port, null, null, null, null, null, 10L << 20, 1L << 20, true, null);
    }

    public PlatformConfig withPort(int p) {
        return new PlatformConfig(host, p, jdbcUrl, dbUser, dbPassword, dataDir, tokenLifetime, maxUploadBytes, maxBodyBytes,
                demoUsers, cityBounds);
    }

    public PlatformConfig withTokenLifetime(Duration d) {
        return new PlatformConfig(host, port, jdbcUrl, dbUser, dbPassword, dataDir, d, maxUploadBytes, maxBodyBytes, demoUsers,
                cityBounds);
    }
}
