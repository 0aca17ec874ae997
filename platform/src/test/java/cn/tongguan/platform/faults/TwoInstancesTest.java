package cn.tongguan.platform.faults;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.Json;
import cn.tongguan.api.testing.MutableClock;
import cn.tongguan.platform.PlatformServer;
import cn.tongguan.platform.support.Api;
import cn.tongguan.platform.support.Platforms;
import cn.tongguan.platform.support.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two platform instances on one PostgreSQL (ADR 0101), in one JVM: what each keeps in memory (id counters, the case
 * cache, known tokens, sign-in failures, the event ring) follows what the other wrote.
 */
class TwoInstancesTest {
    private PlatformServer a;
    private PlatformServer b;
    private Api apiA;
    private Api apiB;

    @BeforeEach
    void start() {
        String url = TestDatabases.fresh(TestDatabases.PG, null);
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T02:00:00Z"));
        a = Platforms.startOn(url, null, clock);
        b = Platforms.startOn(url, null, clock);
        apiA = new Api(a.port());
        apiB = new Api(b.port());
    }

    @AfterEach
    void stop() {
        if (a != null) {
            a.stop();
        }
        if (b != null) {
            b.stop();
        }
    }

    @Test
    void bothInstancesWriteOneCityWithOneOrderedLogThatEverySubscriberSees() throws Exception {
        SseFollower onA = new SseFollower(new int[] {a.port()}, "leader", Json.newMapper());
        SseFollower onB = new SseFollower(new int[] {b.port()}, "leader", Json.newMapper());
        Thread ta = new Thread(onA, "sse-a");
        Thread tb = new Thread(onB, "sse-b");
        ta.start();
        tb.start();
        String inspectorA = apiA.login("inspector");
        String inspectorB = apiB.login("inspector");
        String operatorA = apiA.login("operator");
        String operatorB = apiB.login("operator");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<List<JsonNode>>> filed = new ArrayList<>();
        for (Api api : List.of(apiA, apiB)) {
            String token = api == apiA ? inspectorA : inspectorB;
            filed.add(pool.submit(() -> {
                List<JsonNode> out = new ArrayList<>();
                for (int i = 0; i < 15; i++) {
                    Api.Resp r = api.post("/api/v1/cases", token, Api.newCase(), null);
                    assertThat(r.status()).isEqualTo(201);
                    out.add(r.body());
                }
                return out;
            }));
        }
        List<JsonNode> cases = new ArrayList<>();
        for (Future<List<JsonNode>> f : filed) {
            cases.addAll(f.get());
        }
        pool.shutdown();
        Set<String> numbers = new HashSet<>();
        Set<Long> ids = new HashSet<>();
        cases.forEach(c -> {
            numbers.add(c.get("caseNo").asText());
            ids.add(c.get("id").asLong());
        });
        assertThat(numbers).as("case numbers given once").hasSize(30);
        assertThat(ids).hasSize(30);

        // Each case accepted on the instance that did not file it, then its version read back on the first one:
        // neither instance's case cache may answer with what it held before the other wrote.
        for (JsonNode c : cases) {
            long id = c.get("id").asLong();
            boolean fromA = apiA.get("/api/v1/cases/" + id, operatorA).status() == 200;
            assertThat(fromA).isTrue();
            Api.Resp accepted = apiB.post("/api/v1/cases/" + id + "/transitions", operatorB,
                    Api.move("accept", c.get("version").asLong()), null);
            assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
            Api.Resp back = apiA.get("/api/v1/cases/" + id, operatorA);
            assertThat(back.body().get("item").get("state").asText()).isEqualTo("accepted");
        }

        // 30 reports + 30 accepts: both subscribers get all 60, in id order, whichever instance wrote them.
        KillTest.waitFor(() -> onA.seen().size() >= 60 && onB.seen().size() >= 60, Duration.ofSeconds(20));
        onA.stop();
        onB.stop();
        assertThat(onA.seen()).hasSize(60);
        assertThat(onB.seen()).isEqualTo(onA.seen());
        assertThat(onA.violations()).isEmpty();
        assertThat(onB.violations()).isEmpty();
        assertThat(onA.resyncs() + onB.resyncs()).isZero();
    }

    @Test
    void aSignOutOnOneInstanceEndsTheTokenOnTheOther() throws Exception {
        String token = apiA.login("operator");
        assertThat(apiB.get("/api/v1/cases?limit=1", token).status()).isEqualTo(200);
        assertThat(apiA.send("POST", "/api/v1/auth/logout", token).status()).isEqualTo(200);
        KillTest.waitFor(() -> apiB.get("/api/v1/cases?limit=1", token).status() == 401, Duration.ofSeconds(5));
        assertThat(apiB.get("/api/v1/cases?limit=1", token).status()).isEqualTo(401);
    }

    @Test
    void failedSignInsOnEitherInstanceCountTowardsOneLockout() {
        Map<String, String> wrong = Map.of("username", "operator", "password", "not-the-password");
        for (int i = 0; i < 5; i++) {
            Api api = i % 2 == 0 ? apiA : apiB;
            assertThat(api.post("/api/v1/auth/login", null, wrong, null).status()).isEqualTo(401);
        }
        // The fifth failure (on A) locked the name: the right password is refused on both instances.
        Map<String, String> right = Map.of("username", "operator", "password", "tongguan");
        assertThat(apiB.post("/api/v1/auth/login", null, right, null).status()).isEqualTo(429);
        assertThat(apiA.post("/api/v1/auth/login", null, right, null).status()).isEqualTo(429);
    }
}
