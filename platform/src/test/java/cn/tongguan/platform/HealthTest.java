package cn.tongguan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.Health;
import cn.tongguan.api.testing.MutableClock;
import cn.tongguan.platform.health.HealthChecks;
import cn.tongguan.platform.health.HealthPolicy;
import cn.tongguan.platform.health.Liveness;
import cn.tongguan.platform.storage.Database;
import cn.tongguan.platform.support.Api;
import cn.tongguan.platform.support.Platforms;
import cn.tongguan.platform.support.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code GET /health} tells the truth: UP only when every check is, 503 naming what is broken when one is not. */
@ParameterizedClass(name = "{0}")
@MethodSource("cn.tongguan.platform.support.TestDatabases#all")
@Timeout(90)
class HealthTest {
    @Parameter
    String db;

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T02:00:00Z"));

    private static Map<String, String> checks(JsonNode health) {
        Map<String, String> out = new HashMap<>();
        health.get("checks").forEach(c -> out.put(c.get("name").asText(), c.get("status").asText()));
        return out;
    }

    private String url() {
        return TestDatabases.H2.equals(db) ? "jdbc:h2:mem:health-" + UUID.randomUUID() : TestDatabases.fresh(db, dir);
    }

    @Test
    void upWhenEverythingIsAndDownWhenTheDatabaseIsGone() throws Exception {
        String url = url();
        PlatformServer s = Platforms.startOn(url, dir, clock);
        try {
            Api api = new Api(s.port());
            Api.Resp up = api.get("/api/v1/health", null);
            assertThat(up.status()).as(up.text()).isEqualTo(200);
            assertThat(up.body().get("status").asText()).isEqualTo("UP");
            assertThat(checks(up.body())).containsEntry("database", "UP").containsEntry("migrations", "UP")
                    .containsEntry("disk", "UP").containsEntry("job:lifeline-watchdog", "UP").containsEntry("job:lifeline-worker", "UP");

            // really break it: H2 shut down under the platform; PostgreSQL: the platform's schema dropped
            try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
                if (TestDatabases.H2.equals(db)) {
                    st.execute("SHUTDOWN");
                } else {
                    st.execute("DROP SCHEMA " + url.replaceAll(".*currentSchema=", "") + " CASCADE");
                }
            }
            Api.Resp down = api.get("/api/v1/health", null);
            assertThat(down.status()).as(down.text()).isEqualTo(503);
            assertThat(down.body().get("status").asText()).isEqualTo("DOWN");
            assertThat(checks(down.body())).containsEntry("database", "DOWN").containsEntry("migrations", "DOWN")
                    .containsEntry("disk", "UP");
            assertThat(down.text()).doesNotContainIgnoringCase("exception").doesNotContain("org.");
        } finally {
            s.stop();
        }
    }

    @Test
    void aBackgroundJobThatStopsTickingMakesItDown() {
        PlatformServer s = Platforms.startOn(url(), dir, clock);
        try {
            Api api = new Api(s.port());
            assertThat(api.get("/api/v1/health", null).status()).isEqualTo(200);
            // three minutes in which the lifeline threads did not run (their real timers tick every 20 s)
            clock.advance(Duration.ofMinutes(3));
            Api.Resp down = api.get("/api/v1/health", null);
            assertThat(down.status()).isEqualTo(503);
            assertThat(checks(down.body())).containsEntry("job:lifeline-watchdog", "DOWN").containsEntry("job:lifeline-worker", "DOWN")
                    .containsEntry("database", "UP");
            // a job registered from outside (the report scheduler of serve) is watched the same way; ticking revives it
            s.liveness().register(PlatformServer.JOB_REPORTS, Duration.ofMinutes(35));
            s.liveness().tick(PlatformServer.JOB_WATCHDOG);
            s.liveness().tick(PlatformServer.JOB_WORKER);
            Api.Resp again = api.get("/api/v1/health", null);
            assertThat(again.status()).as(again.text()).isEqualTo(200);
            assertThat(checks(again.body())).containsEntry("job:report-scheduler", "UP");
        } finally {
            s.stop();
        }
    }

    @Test
    void aDataDirectoryWithTooLittleSpaceIsDown() {
        String url = TestDatabases.H2.equals(db) ? "jdbc:h2:mem:disk-" + UUID.randomUUID() : TestDatabases.fresh(db, dir);
        try (Database database = new Database(url, null, null, 2)) {
            HealthPolicy policy = HealthPolicy.load();
            Liveness jobs = new Liveness(clock);
            long shipped = shipped(database);
            Health fine = new HealthChecks(database, dir, shipped, jobs, policy.withMinFreeBytes(1), clock, "t").check();
            assertThat(fine.status()).isEqualTo(Health.UP);
            Health full = new HealthChecks(database, dir, shipped, jobs, policy.withMinFreeBytes(Long.MAX_VALUE), clock, "t").check();
            assertThat(full.status()).isEqualTo(Health.DOWN);
            assertThat(full.checks()).anyMatch(c -> c.name().equals("disk") && c.status().equals(Health.DOWN));
            Health wrongBuild = new HealthChecks(database, dir, shipped + 1, jobs, policy, clock, "t").check();
            assertThat(wrongBuild.checks()).anyMatch(c -> c.name().equals("migrations") && c.status().equals(Health.DOWN));
        }
    }

    @Test
    void theProbeLeavesNoTimeoutOnThePooledConnection() throws Exception {
        String url = TestDatabases.H2.equals(db) ? "jdbc:h2:mem:probe-" + UUID.randomUUID() : TestDatabases.fresh(db, dir);
        // On H2 a statement's query timeout is the session's, so a probe that left its seconds there cancelled the
        // next long read on that pooled connection (a seat's snapshot of 910,000 cases was cut after ~20,000 lines,
        // again and again). Both connections of a two-connection pool are read at once: one is the probe's.
        try (Database database = new Database(url, null, null, 2)) {
            long shipped = shipped(database);
            HealthChecks health = new HealthChecks(database, dir, shipped, new Liveness(clock), HealthPolicy.load(), clock, "t");
            assertThat(health.check().status()).isEqualTo(Health.UP);
            health.close();
            List<Integer> timeouts = database.read(outer -> database.read(inner -> List.of(timeout(outer), timeout(inner))));
            assertThat(timeouts).containsExactly(0, 0);
        }
    }

    private static int timeout(Database.Tx tx) throws java.sql.SQLException {
        try (java.sql.Statement st = tx.connection().createStatement()) {
            return st.getQueryTimeout();
        }
    }

    private static long shipped(Database database) {
        return database.read(tx -> cn.tongguan.platform.storage.Sql.queryLong(tx.connection(),
                "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL"));
    }
}
