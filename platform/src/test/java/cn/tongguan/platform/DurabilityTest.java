package cn.tongguan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.Cases;
import cn.tongguan.api.testing.MutableClock;
import cn.tongguan.platform.auth.Principal;
import cn.tongguan.platform.auth.Role;
import cn.tongguan.platform.support.Api;
import cn.tongguan.platform.support.Platforms;
import cn.tongguan.platform.support.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Durable before acknowledged (ADR 0080), client-made ids (ADR 0081), replayed transitions (ADR 0082) and a resume
 * point ahead of the platform. The kill -9 proof with counts is {@code faults.KillTest}.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("cn.tongguan.platform.support.TestDatabases#all")
@Timeout(120)
class DurabilityTest {
    @Parameter
    String db;

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T02:00:00Z"));

    private static Map<String, Object> report(String clientId) {
        Map<String, Object> body = Api.newCase();
        body.put("clientId", clientId);
        return body;
    }

    @Test
    void whatIsAnsweredIsAlreadyInTheFileWithItsEventAndIdempotencyRecord() throws Exception {
        Assumptions.assumeTrue(TestDatabases.H2.equals(db), "the H2 file is what is copied");
        PlatformServer s = Platforms.start(db, dir, clock);
        Path copy = dir.resolve("copy");
        try {
            Api api = new Api(s.port());
            String token = api.login("inspector");
            for (int i = 0; i < 20; i++) {
                assertThat(api.post("/api/v1/cases", token, report("durable-" + i), "key-" + i).status()).isEqualTo(201);
            }
            // The file as a crash would leave it right now (the platform keeps running): what a restart would find.
            Files.createDirectories(copy);
            Files.copy(dir.resolve("tongguan.mv.db"), copy.resolve("tongguan.mv.db"));
        } finally {
            s.stop();
        }
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + copy.resolve("tongguan"));
             Statement st = c.createStatement()) {
            assertThat(count(st, "SELECT COUNT(*) FROM cases")).isEqualTo(20);
            assertThat(count(st, "SELECT COUNT(*) FROM events WHERE type = 'case.created'")).isEqualTo(20);
            assertThat(count(st, "SELECT COUNT(*) FROM idempotency_keys WHERE idem_key LIKE 'key-%'")).isEqualTo(20);
            assertThat(count(st, "SELECT COUNT(*) FROM case_client_ids")).isEqualTo(20);
        }
    }

    private static long count(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aClientIdIsFiledOncePerUserEvenAfterTheIdempotencyWindow() throws Exception {
        String url = TestDatabases.fresh(db, dir);
        PlatformServer s = Platforms.startOn(url, dir, clock);
        JsonNode first;
        try {
            Api api = new Api(s.port());
            Api.Resp r = api.post("/api/v1/cases", api.login("operator"), report("hotline-order-0001"), "order-key");
            assertThat(r.status()).isEqualTo(201);
            first = r.body();
            // Within the window the key answers as before: the stored first answer.
            Api.Resp replay = api.post("/api/v1/cases", api.login("operator"), report("hotline-order-0001"), "order-key");
            assertThat(replay.status()).isEqualTo(201);
            assertThat(replay.raw().headers().firstValue("Idempotent-Replayed")).contains("true");
            api.post("/api/v1/cases/" + first.get("id").asLong() + "/transitions", api.login("operator"),
                    Api.move("accept", 1), null);
        } finally {
            s.stop();
        }
        // Eight days later the idempotency record is gone (pruned at start); the client id is not.
        clock.advance(Duration.ofDays(8));
        PlatformServer again = Platforms.startOn(url, dir, clock);
        try {
            Api api = new Api(again.port());
            Api.Resp late = api.post("/api/v1/cases", api.login("operator"), report("hotline-order-0001"), "order-key");
            assertThat(late.status()).isEqualTo(200);
            assertThat(late.raw().headers().firstValue("Idempotent-Replayed")).isEmpty();
            assertThat(late.body().get("id").asLong()).isEqualTo(first.get("id").asLong());
            assertThat(late.body().get("caseNo").asText()).isEqualTo(first.get("caseNo").asText());
            assertThat(late.body().get("state").asText()).isEqualTo("accepted");
            // Without a key at all, and with another description: still the case first filed.
            Map<String, Object> other = report("hotline-order-0001");
            other.put("description", "另一段描述");
            assertThat(api.post("/api/v1/cases", api.login("operator"), other, null).body().get("id").asLong())
                    .isEqualTo(first.get("id").asLong());
            // The id is the client's: another user's report with the same id is another case.
            Api.Resp theirs = api.post("/api/v1/cases", api.login("shift_leader"), report("hotline-order-0001"), null);
            assertThat(theirs.status()).isEqualTo(201);
            assertThat(theirs.body().get("id").asLong()).isNotEqualTo(first.get("id").asLong());
            assertThat(api.get("/api/v1/cases?limit=100", api.login("leader")).body().get("items")).hasSize(2);
        } finally {
            again.stop();
        }
    }

    @Test
    void aMalformedClientIdIsRefused() {
        PlatformServer s = Platforms.start(db, null, clock);
        try {
            Api api = new Api(s.port());
            Api.Resp r = api.post("/api/v1/cases", api.login("operator"), report("../x"), null);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body().get("details").get("field").asText()).isEqualTo("clientId");
        } finally {
            s.stop();
        }
    }

    @Test
    void aTransitionReplayedAfterItsIdempotencyRecordWasLostAnswersTheCaseOnce() {
        PlatformServer s = Platforms.start(db, null, clock);
        try {
            Api api = new Api(s.port());
            long id = api.post("/api/v1/cases", api.login("inspector"), Api.newCase(), null).body().get("id").asLong();
            String path = "/api/v1/cases/" + id + "/transitions";
            assertThat(api.post(path, api.login("operator"), Api.move("accept", 1), "accept-key").status()).isEqualTo(200);
            assertThat(api.post(path, api.login("shift_leader"), Api.move("file", 2), null).status()).isEqualTo(200);
            // The idempotency record of the accept is gone (a kill between the step and the record): the service sees
            // the same request again, on the version it was made on.
            Principal operator = new Principal("operator", "受理员", Role.OPERATOR, null);
            Cases.Case again = s.cases().transition(operator, id, new Cases.Transition("accept", 1L, null, null, null),
                    "accept-key");
            assertThat(again.state()).isEqualTo("filed");
            assertThat(again.version()).isEqualTo(3);
            List<String> actions = api.get("/api/v1/cases/" + id, api.login("leader")).body().get("timeline")
                    .findValuesAsText("action");
            assertThat(actions).containsExactly("report", "accept", "file");
            // Another key, no key, or another action on that old version: still a conflict.
            assertThat(api.post(path, api.login("operator"), Api.move("accept", 1), "another-key").status()).isEqualTo(409);
            assertThat(api.post(path, api.login("operator"), Api.move("accept", 1), null).status()).isEqualTo(409);
            assertThat(api.post(path, api.login("operator"), Api.move("reject", 1), null).status()).isEqualTo(409);
        } finally {
            s.stop();
        }
    }

    @Test
    void aResumePointAheadOfThePlatformAnswersResync() throws Exception {
        PlatformServer s = Platforms.start(db, null, clock);
        try {
            Api api = new Api(s.port());
            api.post("/api/v1/cases", api.login("inspector"), Api.newCase(), null);
            long latest = s.events().latestId();
            // A console that saw events this database never had (a crash took them, or another database).
            try (EventsTest.SseReader sse = new EventsTest.SseReader(api, api.login("leader"), String.valueOf(latest + 50))) {
                List<EventsTest.Sse> first = sse.read(1);
                assertThat(first).extracting(EventsTest.Sse::event).containsExactly("resync");
                JsonNode body = Api.JSON.readTree(first.get(0).data());
                assertThat(body.toString()).contains(String.valueOf(latest));
            }
        } finally {
            s.stop();
        }
    }
}
