package cn.tongguan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.platform.support.Api;
import cn.tongguan.api.testing.MutableClock;
import cn.tongguan.platform.support.Platforms;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Idempotency keys and optimistic concurrency, on H2 and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@MethodSource("cn.tongguan.platform.support.TestDatabases#all")
class WritesTest {
    @Parameter
    String db;

    private static PlatformServer server;
    private static Api api;

    @BeforeParameterizedClassInvocation
    static void start(String db) {
        server = Platforms.start(db, null, new MutableClock(Instant.parse("2026-11-24T02:00:00Z")));
        api = new Api(server.port());
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private long countCases(String token) {
        return api.get("/api/v1/cases?limit=1000&q=idem-marker", token).body().get("items").size();
    }

    @Test
    void replayedReportReturnsTheFirstResultAndCreatesOneCase() {
        String token = api.login("operator");
        Map<String, Object> body = Api.newCase();
        body.put("description", "idem-marker 重复提交");
        Api.Resp first = api.post("/api/v1/cases", token, body, "key-report-1");
        Api.Resp again = api.post("/api/v1/cases", token, body, "key-report-1");
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body().get("id").asLong()).isEqualTo(first.body().get("id").asLong());
        assertThat(again.raw().headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(countCases(token)).isEqualTo(1);
        // Same key, different request: refused, nothing created.
        body.put("description", "idem-marker 另一个");
        Api.Resp other = api.post("/api/v1/cases", token, body, "key-report-1");
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.body().get("code").asText()).isEqualTo("idempotency_key_reused");
        assertThat(countCases(token)).isEqualTo(1);
    }

    @Test
    void replayedTransitionActsOnce() {
        JsonNode c = api.post("/api/v1/cases", api.login("inspector"), Api.newCase(), null).body();
        String token = api.login("operator");
        String path = "/api/v1/cases/" + c.get("id").asLong() + "/transitions";
        Api.Resp first = api.post(path, token, Api.move("accept", 1), "move-1");
        Api.Resp again = api.post(path, token, Api.move("accept", 1), "move-1");
        assertThat(first.status()).as(first.text()).isEqualTo(200);
        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(again.text()).isEqualTo(first.text());
        JsonNode detail = api.get("/api/v1/cases/" + c.get("id").asLong(), token).body();
        assertThat(detail.get("item").get("version").asLong()).isEqualTo(2);
        assertThat(detail.get("timeline").size()).isEqualTo(2);
    }

    @Test
    void keysAreStoredAndSurviveForOtherUsersSeparately() {
        Map<String, Object> body = Api.newCase();
        Api.Resp a = api.post("/api/v1/cases", api.login("operator"), body, "shared-key");
        Api.Resp b = api.post("/api/v1/cases", api.login("inspector"), body, "shared-key");
        assertThat(b.body().get("id").asLong()).isNotEqualTo(a.body().get("id").asLong());
    }

    @Test
    void staleVersionAnswers409WithTheCurrentCase() {
        JsonNode c = api.post("/api/v1/cases", api.login("inspector"), Api.newCase(), null).body();
        String path = "/api/v1/cases/" + c.get("id").asLong() + "/transitions";
        assertThat(api.post(path, api.login("operator"), Api.move("accept", 1), null).status()).isEqualTo(200);
        Api.Resp stale = api.post(path, api.login("shift_leader"), Api.move("reject", 1), null);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body().get("code").asText()).isEqualTo("version_conflict");
        assertThat(stale.body().get("details").get("current").get("version").asLong()).isEqualTo(2);
        assertThat(stale.body().get("details").get("current").get("state").asText()).isEqualTo("accepted");
    }

    @Test
    void concurrentMovesOfOneVersionLetExactlyOneWin() throws Exception {
        JsonNode c = api.post("/api/v1/cases", api.login("inspector"), Api.newCase(), null).body();
        String path = "/api/v1/cases/" + c.get("id").asLong() + "/transitions";
        String op = api.login("operator");
        String sl = api.login("shift_leader");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String token = i % 2 == 0 ? op : sl;
                String action = i % 2 == 0 ? "accept" : "send_verify";
                tasks.add(() -> api.post(path, token, Api.move(action, 1), null).status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(tasks)) {
                statuses.add(f.get());
            }
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(7);
        } finally {
            pool.shutdownNow();
        }
        JsonNode detail = api.get("/api/v1/cases/" + c.get("id").asLong(), op).body();
        assertThat(detail.get("timeline").size()).isEqualTo(2);
    }
}
