package cn.tongguan.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tongguan.api.testing.MutableClock;
import cn.tongguan.platform.PlatformServer;
import cn.tongguan.platform.auth.IdentityPlatforms;
import cn.tongguan.platform.auth.SecurityPolicy;
import cn.tongguan.platform.support.Api;
import cn.tongguan.platform.support.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The audit log over HTTP on H2 and PostgreSQL: what is recorded (sign-ins, failures, lockouts, refreshes, sign-outs,
 * writes, administrator changes without secrets, reads of personal data), who may read it (the auditor, not the
 * administrator), filters and paging, the database refusing UPDATE/DELETE, the hash chain exposing an edit made
 * behind the trigger's back, and pruning by the retention policy.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("cn.tongguan.platform.support.TestDatabases#all")
class AuditTest {
    @Parameter
    String db;

    @TempDir
    Path dir;

    private MutableClock clock;
    private String url;
    private PlatformServer server;
    private Api api;

    @BeforeEach
    void start() {
        clock = new MutableClock(Instant.parse("2026-11-24T02:00:00Z"));
        url = TestDatabases.fresh(db, dir);
        server = IdentityPlatforms.start(url, dir, clock, SecurityPolicy.defaults());
        api = new Api(server.port());
    }

    @AfterEach
    void stop() {
        // Null when the PostgreSQL run was skipped (no TONGGUAN_TEST_PG_URL) before a server started.
        if (server != null) {
            server.stop();
        }
    }

    private List<JsonNode> entries(String auditor, String query) {
        Api.Resp r = api.get("/api/v1/audit" + query, auditor);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        r.body().get("items").forEach(out::add);
        return out;
    }

    private static List<String> actions(List<JsonNode> entries) {
        return entries.stream().map(e -> e.get("action").asText()).toList();
    }

    @Test
    void signInsWritesAdminChangesAndPersonalReadsAreRecordedForTheAuditorOnly() {
        api.post("/api/v1/auth/login", null, Map.of("username", "operator", "password", "wrong"), null);
        String operator = api.login("operator");
        long caseId = api.post("/api/v1/cases", operator, Api.newCase(), null).body().get("id").asLong();
        assertThat(api.get("/api/v1/cases/" + caseId, operator).status()).isEqualTo(200);
        String wall = api.login("wall");
        assertThat(api.get("/api/v1/cases/" + caseId, wall).status()).isEqualTo(200);
        String admin = api.login("admin");
        assertThat(api.post("/api/v1/users", admin, Map.of("username", "lisi", "role", "operator",
                "password", "Hall-Seat-7-Night"), null).status()).isEqualTo(201);
        assertThat(api.get("/api/v1/audit", admin).status()).isEqualTo(403);
        api.send("POST", "/api/v1/auth/logout", operator);

        String auditor = api.login("auditor");
        List<JsonNode> all = entries(auditor, "?limit=500");
        assertThat(actions(all)).contains("login.failure", "login.success", "write", "personal.read", "admin.change",
                "access.denied", "logout");
        JsonNode write = all.stream().filter(e -> e.get("action").asText().equals("write")).findFirst().orElseThrow();
        assertThat(write.get("actor").asText()).isEqualTo("operator");
        assertThat(write.get("target").asText()).isEqualTo("POST /api/v1/cases");
        assertThat(write.get("outcome").asText()).isEqualTo("201");
        assertThat(write.get("address").asText()).isEqualTo("127.0.0.1");
        // Reads of unmasked reporters are recorded; the wall's masked view is not personal data.
        assertThat(all).filteredOn(e -> e.get("action").asText().equals("personal.read"))
                .extracting(e -> e.get("actor").asText()).containsOnly("operator");
        JsonNode change = all.stream().filter(e -> e.get("action").asText().equals("admin.change")).findFirst().orElseThrow();
        assertThat(change.get("detail").asText()).contains("lisi").contains("\"password\":\"***\"").doesNotContain("Hall-Seat");
        JsonNode denied = all.stream().filter(e -> e.get("action").asText().equals("access.denied")).findFirst().orElseThrow();
        assertThat(denied.get("actor").asText()).isEqualTo("admin");

        assertThat(actions(entries(auditor, "?action=login"))).allMatch(a -> a.startsWith("login."))
                .contains("login.success", "login.failure");
        assertThat(entries(auditor, "?actor=wall")).extracting(e -> e.get("action").asText()).containsExactly("login.success");
        assertThat(entries(auditor, "?to=2026-11-24T01:00:00Z")).isEmpty();
        assertThat(api.get("/api/v1/audit?cursor=abc", auditor).status()).isEqualTo(400);

        // Paging by two walks every entry once, newest first.
        Set<Long> seen = new HashSet<>();
        long last = Long.MAX_VALUE;
        String cursor = "";
        do {
            Api.Resp page = api.get("/api/v1/audit?limit=2&actor=operator" + cursor, auditor);
            for (JsonNode e : page.body().get("items")) {
                assertThat(e.get("id").asLong()).isLessThan(last);
                last = e.get("id").asLong();
                assertThat(seen.add(last)).isTrue();
            }
            JsonNode next = page.body().get("nextCursor");
            cursor = next == null || next.isNull() ? null : "&cursor=" + next.asText();
        } while (cursor != null);
        assertThat(seen).hasSize(entries(auditor, "?actor=operator&limit=500").size());
    }

    @Test
    void theDatabaseRefusesEditsAndTheChainShowsOneMadeBehindItsBack() throws Exception {
        api.login("operator");
        api.login("leader");
        String auditor = api.login("auditor");
        JsonNode ok = api.get("/api/v1/audit/verify", auditor).body();
        assertThat(ok.get("intact").asBoolean()).isTrue();
        assertThat(ok.get("checked").asLong()).isGreaterThanOrEqualTo(3);
        long victim = entries(auditor, "?actor=leader").get(0).get("id").asLong();

        try (Connection c = IdentityPlatforms.jdbc(url); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_log SET actor = 'someone' WHERE id = " + victim))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_log WHERE id = " + victim))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            if (TestDatabases.PG.equals(db)) {
                assertThatThrownBy(() -> s.execute("TRUNCATE audit_log")).isInstanceOf(SQLException.class);
                // The table's owner can still switch the trigger off; the chain then tells.
                s.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only");
            } else {
                s.execute("DROP TRIGGER audit_log_append_only");
            }
            s.executeUpdate("UPDATE audit_log SET address = '10.0.0.9' WHERE id = " + victim);
        }
        JsonNode broken = api.get("/api/v1/audit/verify", auditor).body();
        assertThat(broken.get("intact").asBoolean()).isFalse();
        assertThat(broken.get("firstBroken").asLong()).isEqualTo(victim);
    }

    @Test
    void entriesOlderThanTheRetentionArePrunedAndTheChainStillVerifies() {
        api.login("operator");
        api.login("dispatcher");
        server.stop();
        clock.advance(Duration.ofDays(181));
        server = IdentityPlatforms.start(url, dir, clock, SecurityPolicy.defaults());
        api = new Api(server.port());
        String auditor = api.login("auditor");
        List<JsonNode> kept = entries(auditor, "?limit=500");
        assertThat(actions(kept)).doesNotContain("write").contains("audit.pruned");
        assertThat(kept).noneMatch(e -> Instant.parse(e.get("at").asText()).isBefore(clock.instant().minus(Duration.ofDays(180))));
        JsonNode pruned = kept.stream().filter(e -> e.get("action").asText().equals("audit.pruned")).findFirst().orElseThrow();
        assertThat(pruned.get("detail").asText()).contains("\"retentionDays\":180");
        assertThat(api.get("/api/v1/audit/verify", auditor).body().get("intact").asBoolean()).isTrue();
    }
}
