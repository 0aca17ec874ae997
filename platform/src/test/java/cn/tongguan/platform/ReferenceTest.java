package cn.tongguan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.platform.support.Api;
import cn.tongguan.api.testing.MutableClock;
import cn.tongguan.platform.support.Platforms;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Bulk import of reference data (NDJSON) and what it changes: location resolution, parts, divisions. */
@ParameterizedClass(name = "{0}")
@MethodSource("cn.tongguan.platform.support.TestDatabases#all")
class ReferenceTest {
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
        server.stop();
    }

    private static Api.Resp ndjson(String kind, String body) {
        return api.send(api.builder("/api/v1/admin/import/" + kind, api.login("admin"))
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @Test
    void importedGridsAndPartsResolveReportedCases() {
        Api.Resp d = ndjson("divisions", """
                {"code":"410702001","name":"东街街道","level":"street","parentCode":"410702"}
                {"code":"410702001001","name":"东街社区","level":"community","parentCode":"410702001"}
                """);
        assertThat(d.status()).as(d.text()).isEqualTo(200);
        assertThat(d.body().get("count").asLong()).isEqualTo(2);
        Api.Resp g = ndjson("grids", """
                {"code":"410702001001001","communityCode":"410702001001","streetCode":"410702001","districtCode":"410702","geometry":{"type":"Polygon","coordinates":[[[113.879,35.299],[113.881,35.299],[113.881,35.301],[113.879,35.301],[113.879,35.299]]]}}
                """);
        assertThat(g.status()).as(g.text()).isEqualTo(200);
        Api.Resp p = ndjson("parts", """
                {"code":"41070201002000001","smallCode":"01002","name":"污水井盖","lng":113.8801,"lat":35.3001,"gridCode":"410702001001001"}
                {"code":"41070201002000002","smallCode":"01002","name":"污水井盖","lng":113.95,"lat":35.35}
                """);
        assertThat(p.status()).as(p.text()).isEqualTo(200);

        Map<String, Object> report = Api.newCase();
        report.put("kind", "part");
        report.put("bigCode", "01");
        report.put("smallCode", "01002");
        report.put("lng", 113.88);
        report.put("lat", 35.30);
        JsonNode c = api.post("/api/v1/cases", api.login("inspector"), report, null).body();
        assertThat(c.get("gridCode").asText()).isEqualTo("410702001001001");
        assertThat(c.get("communityCode").asText()).isEqualTo("410702001001");
        assertThat(c.get("streetCode").asText()).isEqualTo("410702001");
        assertThat(c.get("districtCode").asText()).isEqualTo("410702");
        assertThat(c.get("partCode").asText()).isEqualTo("41070201002000001");
        // filter by grid
        JsonNode page = api.get("/api/v1/cases?gridCode=410702001001001", api.login("leader")).body();
        assertThat(page.get("items").size()).isEqualTo(1);

        String token = api.login("wall");
        JsonNode box = api.get("/api/v1/parts?bbox=113.87,35.29,113.89,35.31", token).body();
        assertThat(box.size()).isEqualTo(1);
        String all = api.get("/api/v1/parts/all", token).text();
        assertThat(all.split("\n")).hasSize(2);
        JsonNode tree = api.get("/api/v1/divisions", token).body();
        JsonNode hongqi = null;
        for (JsonNode n : tree) {
            if (n.get("code").asText().equals("410702")) {
                hongqi = n;
            }
        }
        assertThat(hongqi.get("children").get(0).get("children").get(0).get("name").asText()).isEqualTo("东街社区");
        Api.Resp gridResp = api.get("/api/v1/grids?division=410702", token);
        assertThat(gridResp.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/geo+json");
        JsonNode grids;
        try {
            grids = Api.JSON.readTree(gridResp.text());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        assertThat(grids.get("features").size()).isEqualTo(1);
        assertThat(grids.get("features").get(0).get("geometry").get("type").asText()).isEqualTo("Polygon");
    }

    @Test
    void badImportLinesAre400AndNonAdminsAreRefused() {
        Api.Resp bad = ndjson("grids", "{\"code\":\"1\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,2]}}\n");
        assertThat(bad.status()).as(bad.text()).isEqualTo(400);
        Api.Resp missing = ndjson("cameras", "{\"id\":\"c1\",\"lng\":113.9}\n");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().get("details").get("line").asInt()).isEqualTo(1);
        assertThat(api.send(api.builder("/api/v1/admin/import/parts", api.login("leader"))
                .POST(HttpRequest.BodyPublishers.ofString("")).build()).status()).isEqualTo(403);
    }

    @Test
    void historicalCasesBulkLoadWithLightsAndNumbers() {
        Api.Resp r = api.send(api.builder("/api/v1/admin/import-cases", api.login("admin"))
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString("""
                {"state":"closed","source":"hotline_12345","kind":"event","bigCode":"06","smallCode":"06010","lng":113.9,"lat":35.3,"description":"历史案件一","reportedAt":"2025-03-01T01:00:00Z","filedAt":"2025-03-01T01:10:00Z","dispatchedAt":"2025-03-01T01:20:00Z","disposedAt":"2025-03-01T03:00:00Z","closedAt":"2025-03-01T05:00:00Z","departmentCode":"D01","limitAmount":1,"limitUnit":"work_day","disposedInTime":true,"closedInTime":true,"districtCode":"410711"}
                {"state":"handling","source":"inspector","kind":"event","bigCode":"06","smallCode":"06010","lng":113.9,"lat":35.3,"description":"历史案件二","reportedAt":"2025-03-02T01:00:00Z","dispatchedAt":"2025-03-02T01:20:00Z","departmentCode":"D01","limitAmount":1,"limitUnit":"work_day","districtCode":"410711"}
                """)).build());
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.body().get("count").asLong()).isEqualTo(2);
        JsonNode page = api.get("/api/v1/cases?districtCode=410711&sort=reportedAt", api.login("leader")).body();
        assertThat(page.get("items").size()).isEqualTo(2);
        JsonNode closed = page.get("items").get(0);
        assertThat(closed.get("caseNo").asText()).isEqualTo("20250301000001");
        assertThat(closed.get("light").asText()).isEqualTo("green");
        assertThat(page.get("items").get(1).get("light").asText()).isEqualTo("red");
        JsonNode stats = api.get("/api/v1/stats?groupBy=district&from=2025-01-01T00:00:00Z&to=2026-01-01T00:00:00Z",
                api.login("leader")).body();
        JsonNode muye = stats.get("rows").get(0);
        assertThat(muye.get("name").asText()).isEqualTo("牧野区");
        // 应结案 = filed, not void (1); 应处置 = dispatched (2), of which 1 disposed
        assertThat(muye.get("closeRate").asDouble()).isEqualTo(1.0);
        assertThat(muye.get("inTimeCloseRate").asDouble()).isEqualTo(1.0);
        assertThat(muye.get("disposeRate").asDouble()).isEqualTo(0.5);
        assertThat(muye.get("overdueOpen").asLong()).isEqualTo(1);
    }

    @Test
    void categoriesCarryTheirTimeLimits() {
        JsonNode cats = api.get("/api/v1/categories", api.login("operator")).body();
        JsonNode garbage = null;
        for (JsonNode c : cats) {
            if (c.get("code").asText().equals("06010")) {
                garbage = c;
            }
        }
        assertThat(garbage.get("name").asText()).isEqualTo("暴露垃圾");
        assertThat(garbage.get("limits").size()).isEqualTo(2);
        assertThat(api.get("/api/v1/departments", api.login("operator")).body().size()).isEqualTo(9);
    }
}
