package cn.tongguan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.testing.MutableClock;
import cn.tongguan.platform.support.Api;
import cn.tongguan.platform.support.Platforms;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A platform holding cameras and gauges named by their coordinates (the first demo city, before ADR 0111): once
 * the named roads are there, the sites are renamed by the nearest road or crossing, and each rename is in the
 * audit log (ADR 0132). Real HTTP, real H2.
 */
class SiteNamesTest {
    private PlatformServer server;
    private Api api;

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void sitesNamedByCoordinatesAreRenamedByTheirRoadOnceTheRoadsArrive() {
        server = Platforms.start("h2", null, new MutableClock(Instant.parse("2026-11-24T02:00:00Z")));
        api = new Api(server.port());
        assertThat(ndjson("cameras", """
                {"id":"cam-001","name":"视频001·113.8500,35.3000","lng":113.85,"lat":35.30,"status":"online"}
                {"id":"cam-002","name":"视频002·113.9900,35.4000","lng":113.99,"lat":35.40,"status":"online"}
                {"id":"cam-003","name":"平原路与胜利路交叉口","lng":113.85,"lat":35.30,"status":"online"}
                """).status()).isEqualTo(200);
        assertThat(ndjson("sensors", """
                {"id":"g-001","kind":"waterlogging","name":"下穿通道·113.8700,35.3015","lng":113.87,"lat":35.3015,"unit":"cm","threshold":20}
                """).status()).isEqualTo(200);
        // Without named roads nothing can be said better: the names stay.
        assertThat(names("/api/v1/cameras")).containsEntry("cam-001", "视频001·113.8500,35.3000");

        assertThat(ndjson("lines", """
                {"id":"road-1","kind":"road","name":"平原路","lineClass":"trunk","generated":false,"geometry":{"type":"LineString","coordinates":[[113.80,35.30],[113.90,35.30]]}}
                {"id":"road-2","kind":"road","name":"胜利路","lineClass":"trunk","generated":false,"geometry":{"type":"LineString","coordinates":[[113.85,35.25],[113.85,35.35]]}}
                {"id":"street-1","kind":"road","name":"平原路北一支路","lineClass":"minor","generated":true,"geometry":{"type":"LineString","coordinates":[[113.86,35.3015],[113.88,35.3015]]}}
                """).status()).isEqualTo(200);

        Map<String, String> cameras = names("/api/v1/cameras");
        assertThat(cameras).containsEntry("cam-001", "平原路与胜利路交叉口·视频001")
                .containsEntry("cam-002", "视频002·113.9900,35.4000") // kilometres from any named road: left
                .containsEntry("cam-003", "平原路与胜利路交叉口");
        // 167 m north of 平原路; the generated street under it is not a name a leader knows.
        assertThat(names("/api/v1/sensors")).containsEntry("g-001", "平原路附近·下穿通道");

        JsonNode audit = api.get("/api/v1/audit?action=site.renamed", api.login("auditor")).body();
        assertThat(audit.path("items")).hasSize(2);
        assertThat(audit.path("items").findValuesAsText("detail"))
                .contains("视频001·113.8500,35.3000 → 平原路与胜利路交叉口·视频001",
                        "下穿通道·113.8700,35.3015 → 平原路附近·下穿通道");

        // Idempotent: another import renames nothing more.
        ndjson("lines", "{\"id\":\"road-1\",\"kind\":\"road\",\"name\":\"平原路\",\"lineClass\":\"trunk\",\"generated\":false,"
                + "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[113.80,35.30],[113.90,35.30]]}}\n");
        assertThat(api.get("/api/v1/audit?action=site.renamed", api.login("auditor")).body().path("items")).hasSize(2);
    }

    private Map<String, String> names(String path) {
        Map<String, String> out = new HashMap<>();
        for (JsonNode n : api.get(path, api.login("dispatcher")).body()) {
            out.put(n.path("id").asText(), n.path("name").asText());
        }
        return out;
    }

    private Api.Resp ndjson(String kind, String body) {
        return api.send(api.builder("/api/v1/admin/import/" + kind, api.login("admin"))
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
