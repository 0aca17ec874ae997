package cn.tongguan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.Reference;
import cn.tongguan.platform.EventsTest.Sse;
import cn.tongguan.platform.EventsTest.SseReader;
import cn.tongguan.platform.support.Api;
import cn.tongguan.api.testing.MutableClock;
import cn.tongguan.platform.support.Platforms;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Seats push a case or a camera to the wall: checked, audited, sent as {@code wall.push}; roles as the issue says. */
@ParameterizedClass(name = "{0}")
@MethodSource("cn.tongguan.platform.support.TestDatabases#all")
@Timeout(60)
class WallPushesTest {
    @Parameter
    String db;

    private PlatformServer server;
    private Api api;

    @BeforeEach
    void start() {
        server = Platforms.start(db, null, new MutableClock(Instant.parse("2026-11-24T02:00:00Z")));
        api = new Api(server.port());
        server.referenceData().upsertCameras(List.of(new Reference.Camera("c3", "视频c3", 113.883, 35.30, null, "online")));
    }

    @AfterEach
    void stop() {
        // Null when the PostgreSQL run was skipped (no TONGGUAN_TEST_PG_URL) before a server started.
        if (server != null) {
            server.stop();
        }
    }

    private static JsonNode await(SseReader sse, String type, Predicate<JsonNode> match) throws Exception {
        while (true) {
            Sse e = sse.read(1).get(0);
            JsonNode data = Api.JSON.readTree(e.data()).get("data");
            if (e.event().equals(type) && match.test(data)) {
                return data;
            }
        }
    }

    @Test
    void seatsPushCasesAndCamerasToTheWallAndEveryPushIsAudited() throws Exception {
        String inspector = api.login("inspector");
        JsonNode c = api.post("/api/v1/cases", inspector, Api.newCase(), null).body();
        String operator = api.login("operator");
        try (SseReader sse = new SseReader(api, api.login("wall"), null)) {
            Api.Resp byNo = api.post("/api/v1/wall/pushes", operator,
                    Map.of("kind", "CASE", "target", c.get("caseNo").asText(), "note", "请大屏关注"), null);
            assertThat(byNo.status()).as(byNo.text()).isEqualTo(201);
            assertThat(byNo.body().get("target").asText()).isEqualTo(String.valueOf(c.get("id").asLong()));
            JsonNode pushed = await(sse, "wall.push", p -> true);
            assertThat(pushed.get("by").asText()).isEqualTo("operator");
            assertThat(pushed.get("note").asText()).isEqualTo("请大屏关注");
        }
        assertThat(api.post("/api/v1/wall/pushes", api.login("leader"), Map.of("kind", "CAMERA", "target", "c3"), null).status())
                .isEqualTo(201);
        Api.Resp noCase = api.post("/api/v1/wall/pushes", operator, Map.of("kind", "CASE", "target", "424242"), null);
        assertThat(noCase.status()).isEqualTo(404);
        assertThat(noCase.body().get("code").asText()).isEqualTo("not_found");
        assertThat(api.post("/api/v1/wall/pushes", operator, Map.of("kind", "CAMERA", "target", "cam999"), null).status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/wall/pushes", operator, Map.of("kind", "MAP", "target", "x"), null).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/wall/pushes", api.login("wall"), Map.of("kind", "CAMERA", "target", "c3"), null).status())
                .isEqualTo(403);
        JsonNode audit = api.get("/api/v1/wall/pushes", api.login("shift_leader")).body();
        assertThat(audit).extracting(p -> p.get("kind").asText() + ":" + p.get("by").asText())
                .containsExactly("CAMERA:leader", "CASE:operator");
        assertThat(api.get("/api/v1/wall/pushes", operator).status()).isEqualTo(403);
    }
}
