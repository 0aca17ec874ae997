package cn.tongguan.platform.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases every integration suite runs on: H2 always; PostgreSQL when {@code TONGGUAN_TEST_PG_URL} is set
 * (./dev test starts a private cluster, platform/scripts/pg-test-cluster.sh). Without the URL PostgreSQL runs are
 * skipped, unless {@code CI} or {@code TONGGUAN_REQUIRE_PG} is set: then they fail.
 */
public final class TestDatabases {
    public static final String H2 = "h2";
    public static final String PG = "postgresql";

    private TestDatabases() {
    }

    public static Stream<String> all() {
        return Stream.of(H2, PG);
    }

    public static String pgUrl() {
        String url = System.getenv("TONGGUAN_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            boolean required = System.getenv("CI") != null || System.getenv("TONGGUAN_REQUIRE_PG") != null;
            if (required) {
                throw new IllegalStateException("TONGGUAN_TEST_PG_URL is not set but PostgreSQL is required (CI/TONGGUAN_REQUIRE_PG)");
            }
            Assumptions.abort("TONGGUAN_TEST_PG_URL not set: PostgreSQL suite skipped");
        }
        return url;
    }

    /** A JDBC URL of a fresh, empty database: H2 in memory / a file; PostgreSQL: a new schema. */
    public static String fresh(String db, java.nio.file.Path h2Dir) {
        if (H2.equals(db)) {
            return h2Dir == null ? "jdbc:h2:mem:t" + UUID.randomUUID()
                    : "jdbc:h2:file:" + h2Dir.toAbsolutePath().resolve("tongguan");
        }
        String base = pgUrl();
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema on " + base, e);
        }
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}
