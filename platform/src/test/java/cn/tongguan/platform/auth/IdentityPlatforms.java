package cn.tongguan.platform.auth;

import cn.tongguan.platform.PlatformConfig;
import cn.tongguan.platform.PlatformServer;
import cn.tongguan.api.testing.MutableClock;
import cn.tongguan.platform.support.Api;
import cn.tongguan.platform.support.TestDatabases;
import cn.tongguan.platform.support.TinyJpegGrabber;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** Platforms of the identity and audit suites: a real server on 127.0.0.1:0 under a given {@link SecurityPolicy}. */
public final class IdentityPlatforms {
    private IdentityPlatforms() {
    }

    /** A started platform on a fresh database of kind {@code db}, at 2026-11-24T02:00Z on a clock the test moves. */
    public record Running(MutableClock clock, String url, PlatformServer server, Api api) {
        public Api.Resp login(String user, String password) {
            return api.post("/api/v1/auth/login", null, Map.of("username", user, "password", password), null);
        }

        public void stop() {
            server.stop();
        }
    }

    public static Running running(String db) {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T02:00:00Z"));
        String url = TestDatabases.fresh(db, null);
        PlatformServer server = start(url, null, clock, SecurityPolicy.defaults());
        return new Running(clock, url, server, new Api(server.port()));
    }

    public static PlatformServer start(String jdbcUrl, Path dataDir, Clock clock, SecurityPolicy policy) {
        PlatformConfig cfg = new PlatformConfig("127.0.0.1", 0, jdbcUrl, null, null, dataDir, null, 256 * 1024, 64 * 1024,
                true, null, policy, null);
        PlatformServer s = new PlatformServer(cfg, clock, TinyJpegGrabber.working());
        s.start();
        return s;
    }

    /** A plain JDBC connection to the platform's database (what a DBA, or an intruder with its login, would have). */
    public static Connection jdbc(String url) throws SQLException {
        return DriverManager.getConnection(url);
    }
}
