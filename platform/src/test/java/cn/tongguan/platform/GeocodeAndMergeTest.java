package cn.tongguan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.platform.support.Api;
import cn.tongguan.api.testing.MutableClock;
import cn.tongguan.platform.support.Platforms;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hotline seat's two platform helpers over real HTTP, on H2 and PostgreSQL: an address as a caller says it
 * resolves to district/street/community/grid, and a duplicate report merges into the case it repeats.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("cn.tongguan.platform.support.TestDatabases#all")
class GeocodeAndMergeTest {
    @Parameter
    String db;

    private static PlatformServer server;
    private static Api api;

    @BeforeParameterizedClassInvocation
    static void start(String db) {
        server = Platforms.start(db, null, new MutableClock(Instant.parse("2026-11-24T02:00:00Z")));
        api = new Api(server.port());
        // 红旗区 as two streets side by side; both have a 新华社区 (same name, different place).
        imports("divisions", """
                {"code":"410702","name":"红旗区","level":"district","geometry":%s}
                {"code":"410702001","name":"东街街道","level":"street","parentCode":"410702","geometry":%s}
                {"code":"410702002","name":"西街街道","level":"street","parentCode":"410702","geometry":%s}
                {"code":"410702001001","name":"新华社区","level":"community","parentCode":"410702001","geometry":%s}
                {"code":"410702002001","name":"新华社区","level":"community","parentCode":"410702002","geometry":%s}
                {"code":"410702002002","name":"健康路社区","level":"community","parentCode":"410702002","geometry":%s}
                """.formatted(box(113.80, 35.20, 113.90, 35.30), box(113.85, 35.20, 113.90, 35.30),
                box(113.80, 35.20, 113.85, 35.30), box(113.85, 35.20, 113.90, 35.30), box(113.80, 35.25, 113.85, 35.30),
                box(113.80, 35.20, 113.85, 35.25)));
        imports("grids", """
                {"code":"410702002002001","communityCode":"410702002002","streetCode":"410702002","districtCode":"410702","geometry":%s}
                """.formatted(box(113.80, 35.20, 113.85, 35.25)));
        imports("parts", """
                {"code":"41070201002000009","smallCode":"01002","name":"污水井盖","lng":113.82,"lat":35.22,"gridCode":"410702002002001"}
                """);
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static String box(double x0, double y0, double x1, double y1) {
        return "{\"type\":\"Polygon\",\"coordinates\":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}"
                .formatted(x0, y0, x1, y0, x1, y1, x0, y1, x0, y0);
    }

    private static void imports(String kind, String body) {
        Api.Resp r = api.send(api.builder("/api/v1/admin/import/" + kind, api.login("admin"))
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(r.status()).as(r.text()).isEqualTo(200);
    }

    private static JsonNode geocode(String q) {
        Api.Resp r = api.get("/api/v1/geocode?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), api.login("operator"));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.body();
    }

    @Test
    void aCallersAddressResolvesToTheCommunityAndItsGrid() {
        JsonNode best = geocode("红旗区西街健康路12号楼下").get(0);
        assertThat(best.get("level").asText()).isEqualTo("community");
        assertThat(best.get("communityCode").asText()).isEqualTo("410702002002");
        assertThat(best.get("streetCode").asText()).isEqualTo("410702002");
        assertThat(best.get("districtCode").asText()).isEqualTo("410702");
        assertThat(best.get("gridCode").asText()).isEqualTo("410702002002001");
        assertThat(best.get("label").asText()).isEqualTo("红旗区 西街街道 健康路社区");
        assertThat(best.get("lng").asDouble()).isBetween(113.80, 113.85);
    }

    @Test
    void theStreetNamedDecidesBetweenCommunitiesOfTheSameName() {
        JsonNode east = geocode("东街街道新华社区").get(0);
        assertThat(east.get("communityCode").asText()).isEqualTo("410702001001");
        JsonNode west = geocode("西街新华社区 3号院").get(0);
        assertThat(west.get("communityCode").asText()).isEqualTo("410702002001");
        // Without the street both are offered.
        JsonNode both = geocode("新华社区");
        assertThat(both).extracting(n -> n.get("communityCode").asText())
                .contains("410702001001", "410702002001");
    }

    @Test
    void gridCodesPartCodesAndCoordinatesResolveToo() {
        assertThat(geocode("网格 410702002002001").get(0).get("level").asText()).isEqualTo("grid");
        JsonNode part = geocode("井盖 41070201002000009 响").get(0);
        assertThat(part.get("level").asText()).isEqualTo("part");
        assertThat(part.get("partCode").asText()).isEqualTo("41070201002000009");
        assertThat(part.get("gridCode").asText()).isEqualTo("410702002002001");
        JsonNode point = geocode("113.821，35.221").get(0);
        assertThat(point.get("level").asText()).isEqualTo("point");
        assertThat(point.get("gridCode").asText()).isEqualTo("410702002002001");
        assertThat(geocode("月球背面")).isEmpty();
    }

    @Test
    void aMissingQueryIsAClearError() {
        Api.Resp r = api.get("/api/v1/geocode", api.login("operator"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("code").asText()).isEqualTo("invalid_field");
        assertThat(r.body().get("message").asText()).isNotBlank();
    }

    @Test
    void aHotlineWorkOrderKeepsItsRequestTypeAndOnlyHotlinesMayGiveOne() {
        Map<String, Object> order = Api.newCase();
        order.put("source", "hotline_12345");
        order.put("requestType", "complaint");
        Api.Resp r = api.post("/api/v1/cases", api.login("operator"), order, null);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.body().get("requestType").asText()).isEqualTo("complaint");
        JsonNode again = api.get("/api/v1/cases/" + r.body().get("id").asLong(), api.login("operator")).body();
        assertThat(again.get("item").get("requestType").asText()).isEqualTo("complaint");

        order.put("source", "inspector");
        Api.Resp notHotline = api.post("/api/v1/cases", api.login("operator"), order, null);
        assertThat(notHotline.status()).isEqualTo(400);
        assertThat(notHotline.text()).contains("requestType");
        order.put("source", "hotline_12319");
        order.put("requestType", "gossip");
        assertThat(api.post("/api/v1/cases", api.login("operator"), order, null).status()).isEqualTo(400);
    }

    private JsonNode report() {
        Api.Resp r = api.post("/api/v1/cases", api.login("operator"), Api.newCase(), null);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body();
    }

    private Api.Resp merge(JsonNode dup, Object target) {
        Map<String, Object> body = Api.move("merge", dup.get("version").asLong());
        if (target != null) {
            body.put("targetCaseId", target);
        }
        body.put("note", "同一处垃圾");
        return api.post("/api/v1/cases/" + dup.get("id").asLong() + "/transitions", api.login("operator"), body, null);
    }

    @Test
    void aDuplicateMergesIntoTheCaseItRepeatsAndBothTimelinesSaySo() {
        JsonNode original = report();
        JsonNode dup = report();
        Api.Resp merged = merge(dup, original.get("id").asLong());
        assertThat(merged.status()).as(merged.text()).isEqualTo(200);
        assertThat(merged.body().get("state").asText()).isEqualTo("cancelled");

        JsonNode dupDetail = api.get("/api/v1/cases/" + dup.get("id").asLong(), api.login("operator")).body();
        JsonNode last = dupDetail.get("timeline").get(dupDetail.get("timeline").size() - 1);
        assertThat(last.get("action").asText()).isEqualTo("merge");
        assertThat(last.get("note").asText()).contains(original.get("caseNo").asText()).contains("同一处垃圾");

        JsonNode target = api.get("/api/v1/cases/" + original.get("id").asLong(), api.login("operator")).body();
        assertThat(target.get("item").get("state").asText()).isEqualTo("reported");
        assertThat(target.get("item").get("version").asLong()).isEqualTo(original.get("version").asLong() + 1);
        JsonNode in = target.get("timeline").get(target.get("timeline").size() - 1);
        assertThat(in.get("action").asText()).isEqualTo("merged_in");
        assertThat(in.get("note").asText()).startsWith(dup.get("caseNo").asText());
    }

    @Test
    void aMergeWithoutATargetIntoItselfOrIntoACancelledCaseIsRefusedAndChangesNothing() {
        JsonNode dup = report();
        assertThat(merge(dup, null).body().get("code").asText()).isEqualTo("target_required");
        assertThat(merge(dup, dup.get("id").asLong()).body().get("code").asText()).isEqualTo("merge_into_itself");
        assertThat(merge(dup, 9_999_999L).status()).isEqualTo(422);
        JsonNode gone = report();
        JsonNode other = report();
        assertThat(merge(gone, other.get("id").asLong()).status()).isEqualTo(200);
        Api.Resp intoCancelled = merge(dup, gone.get("id").asLong());
        assertThat(intoCancelled.status()).isEqualTo(409);
        assertThat(intoCancelled.body().get("code").asText()).isEqualTo("target_closed");
        JsonNode still = api.get("/api/v1/cases/" + dup.get("id").asLong(), api.login("operator")).body().get("item");
        assertThat(still.get("state").asText()).isEqualTo("reported");
        assertThat(still.get("version").asLong()).isEqualTo(dup.get("version").asLong());
    }
}
