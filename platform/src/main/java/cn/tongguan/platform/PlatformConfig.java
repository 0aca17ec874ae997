package cn.tongguan.platform;

import cn.tongguan.platform.auth.SecurityPolicy;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of one platform process. {@code jdbcUrl} null = embedded H2: a file under {@code dataDir}, or in
 * memory when {@code dataDir} is null too (tests, quick demos). {@code demoUsers}: create one account per role
 * (password {@code tongguan}) when the user table is empty — only with {@code serve --demo}, and for tests.
 * {@code tokenLifetime} is the access token's life (it overrides the policy's); {@code security} the identity and
 * retention policy ({@link SecurityPolicy#defaults} when null); {@code tls} the keystore to serve HTTPS only with
 * (null: plain HTTP, for loopback tests and development).
 */
public record PlatformConfig(String host, int port, String jdbcUrl, String dbUser, String dbPassword, Path dataDir,
                             Duration tokenLifetime, long maxUploadBytes, long maxBodyBytes, boolean demoUsers,
                             double[] cityBounds, SecurityPolicy security, Tls tls) {
    /** Xinxiang prefecture bbox, WGS84 (domain.md §8): minLng, minLat, maxLng, maxLat. */
    public static final double[] XINXIANG = {113.377, 34.878, 115.011, 35.837};

    /** A PKCS#12 (or JKS) keystore holding the server's key and certificate chain, and its password. */
    public record Tls(Path keystore, String password) {
        public Tls {
            if (keystore == null || password == null) {
                throw new IllegalArgumentException("TLS needs a keystore and its password");
            }
        }

        @Override
        public String toString() {
            return "Tls[" + keystore + "]"; // never the password in a log line
        }
    }

    public PlatformConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        security = security == null ? SecurityPolicy.defaults() : security;
        if (tokenLifetime != null) {
            security = security.withAccessTokenLifetime(tokenLifetime);
        }
        tokenLifetime = security.accessTokenLifetime();
        cityBounds = cityBounds == null ? XINXIANG.clone() : cityBounds.clone();
    }

    /** Without a policy or TLS: the default policy, plain HTTP (tests, the demo-city loader). */
    public PlatformConfig(String host, int port, String jdbcUrl, String dbUser, String dbPassword, Path dataDir,
                          Duration tokenLifetime, long maxUploadBytes, long maxBodyBytes, boolean demoUsers, double[] cityBounds) {
        this(host, port, jdbcUrl, dbUser, dbPassword, dataDir, tokenLifetime, maxUploadBytes, maxBodyBytes, demoUsers,
                cityBounds, null, null);
    }

    /** Embedded, in-memory, demo users: what the end-to-end tests and a bare {@code new PlatformServer} use. */
    public PlatformConfig(String host, int port) {
        this(host, port, null, null, null, null, null, 10L << 20, 1L << 20, true, null);
    }

    public PlatformConfig withPort(int p) {
        return new PlatformConfig(host, p, jdbcUrl, dbUser, dbPassword, dataDir, tokenLifetime, maxUploadBytes, maxBodyBytes,
                demoUsers, cityBounds, security, tls);
    }

    public PlatformConfig withTokenLifetime(Duration d) {
        return new PlatformConfig(host, port, jdbcUrl, dbUser, dbPassword, dataDir, d, maxUploadBytes, maxBodyBytes, demoUsers,
                cityBounds, security, tls);
    }

    public PlatformConfig withSecurity(SecurityPolicy s) {
        return new PlatformConfig(host, port, jdbcUrl, dbUser, dbPassword, dataDir, s.accessTokenLifetime(), maxUploadBytes,
                maxBodyBytes, demoUsers, cityBounds, s, tls);
    }

    public PlatformConfig withTls(Tls t) {
        return new PlatformConfig(host, port, jdbcUrl, dbUser, dbPassword, dataDir, tokenLifetime, maxUploadBytes, maxBodyBytes,
                demoUsers, cityBounds, security, t);
    }
}
