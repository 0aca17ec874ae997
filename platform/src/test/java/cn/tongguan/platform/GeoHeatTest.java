package cn.tongguan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.testing.MutableClock;
import cn.tongguan.platform.support.Api;
import cn.tongguan.platform.support.Platforms;
import cn.tongguan.platform.support.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The heat layer's counts (ADR 0128) over real HTTP on H2: cases reported in [from, to) per grid, of one big class
 * when asked, a department's own only; ETag → 304 until a case is added; 400 with {code, message} on a bad query;
 * the roles that read cases, and no other.
 */
class GeoHeatTest {
    private static final String G1 = "410702001001001";
    private static final String G2 = "410702001001002";
    private static PlatformServer server;
    private static Api api;

    @BeforeAll
    static void start() {
        server = Platforms.start(TestDatabases.H2, null, new MutableClock(Instant.parse("2026-11-24T02:00:00Z")));
        api = new Api(server.port());
        // G1: three cases on 1 Nov (two of class 06, one of D02's class 01); G2: one on 1 Nov and one on 5 Nov.
        importCases(line(G1, "06", "D01", "2026-11-01T01:00:00Z"), line(G1, "06", "D01", "2026-11-01T02:00:00Z"),
                line(G1, "01", "D02", "2026-11-01T03:00:00Z"), line(G2, "06", "D02", "2026-11-01T04:00:00Z"),
                line(G2, "06", "D01", "2026-11-05T04:00:00Z"));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static String line(String grid, String big, String dept, String reportedAt) {
        String small = big + "010";
        return "{\"state\":\"handling\",\"source\":\"inspector\",\"kind\":\"event\",\"bigCode\":\"" + big
                + "\",\"smallCode\":\"" + small + "\",\"lng\":113.88,\"lat\":35.30,\"description\":\"热力\","
                + "\"reportedAt\":\"" + reportedAt + "\",\"dispatchedAt\":\"" + reportedAt + "\",\"departmentCode\":\""
                + dept + "\",\"limitAmount\":1,\"limitUnit\":\"work_day\",\"districtCode\":\"410702\",\"gridCode\":\""
                + grid + "\"}";
    }

    private static void importCases(String... lines) {
        Api.Resp r = api.send(api.builder("/api/v1/admin/import-cases", api.login("admin"))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("\n", lines) + "\n")).build());
        assertThat(r.status()).as(r.text()).isEqualTo(200);
    }

    private static Api.Resp heat(String user, String query, String etag) {
        HttpRequest.Builder b = api.builder("/api/v1/geo/heat" + query, api.login(user));
        if (etag != null) {
            b.header("If-None-Match", etag);
        }
        return api.send(b.GET().build());
    }

    private static Map<String, Long> counts(Api.Resp r) {
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        Map<String, Long> out = new LinkedHashMap<>();
        r.body().get("grids").forEach(g -> out.put(g.get("gridCode").asText(), g.get("count").asLong()));
        return out;
    }

    @Test
    void casesPerGridInThePeriodOfOneClassAndADepartmentsOwn() {
        String period = "?from=2026-11-01T00:00:00Z&to=2026-11-02T00:00:00Z";
        Api.Resp day = heat("leader", period, null);
        assertThat(counts(day)).containsExactly(Map.entry(G1, 3L), Map.entry(G2, 1L));
        assertThat(day.body().get("total").asLong()).isEqualTo(4);
        assertThat(counts(heat("wall", "?from=2026-11-01T00:00:00Z&to=2026-11-06T00:00:00Z", null)))
                .containsExactly(Map.entry(G1, 3L), Map.entry(G2, 2L));
        // [from, to): a case reported at `to` is not counted.
        assertThat(counts(heat("dispatcher", "?from=2026-11-01T00:00:00Z&to=2026-11-05T04:00:00Z", null)))
                .containsEntry(G2, 1L);
        assertThat(counts(heat("leader", period + "&bigCode=01", null))).containsExactly(Map.entry(G1, 1L));
        assertThat(counts(heat("leader", period + "&bigCode=06", null))).containsExactly(Map.entry(G1, 2L), Map.entry(G2, 1L));
        // The department (D01) counts its own cases only.
        assertThat(counts(heat("department", period, null))).containsExactly(Map.entry(G1, 2L));
    }

    @Test
    void anETagAnswers304UntilACaseIsAdded() {
        String period = "?from=2026-10-01T00:00:00Z&to=2026-10-02T00:00:00Z";
        Api.Resp first = heat("leader", period, null);
        String tag = first.raw().headers().firstValue("ETag").orElseThrow();
        assertThat(heat("leader", period, tag).status()).isEqualTo(304);
        importCases(line(G2, "06", "D01", "2026-10-01T08:00:00Z"));
        Api.Resp after = heat("leader", period, tag);
        assertThat(counts(after)).containsExactly(Map.entry(G2, 1L));
        assertThat(after.raw().headers().firstValue("ETag").orElseThrow()).isNotEqualTo(tag);
    }

    @Test
    void badQueriesAre400WithCodeAndMessage() {
        for (String q : List.of("", "?from=2026-11-01T00:00:00Z", "?to=2026-11-01T00:00:00Z",
                "?from=yesterday&to=2026-11-01T00:00:00Z", "?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z",
                "?from=2024-01-01T00:00:00Z&to=2026-11-01T00:00:00Z",
                "?from=2026-11-01T00:00:00Z&to=2026-11-02T00:00:00Z&bigCode=0%27%3B")) {
            Api.Resp r = heat("leader", q, null);
            assertThat(r.status()).as(q).isEqualTo(400);
            JsonNode body = r.body();
            assertThat(body.get("code").asText()).as(q).isEqualTo("invalid_parameter");
            assertThat(body.get("message").asText()).as(q).isNotBlank();
        }
    }

    @Test
    void onlyTheRolesThatReadCases() {
        String period = "?from=2026-11-01T00:00:00Z&to=2026-11-02T00:00:00Z";
        for (String role : List.of("inspector", "operator", "shift_leader", "dispatcher", "department", "leader", "wall")) {
            assertThat(heat(role, period, null).status()).as(role).isEqualTo(200);
        }
        assertThat(heat("admin", period, null).status()).isEqualTo(403);
        assertThat(heat("auditor", period, null).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/geo/heat" + period, null).status()).isEqualTo(401);
    }
}
