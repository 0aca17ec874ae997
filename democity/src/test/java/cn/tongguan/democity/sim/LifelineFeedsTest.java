package cn.tongguan.democity.sim;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.Json;
import cn.tongguan.api.Reference;
import cn.tongguan.platform.PlatformConfig;
import cn.tongguan.platform.PlatformServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A simulated rainstorm against a real platform: the gauges' water crosses every level and drains, so the
 * platform raises one alarm per gauge, escalates it to red and clears it by itself; covers send heartbeats and
 * incidents that raise and clear their own alarms.
 */
class LifelineFeedsTest {
    private final java.time.Clock clock = cn.tongguan.api.testing.TestClocks.suite();
    private PlatformServer platform;
    private PlatformApi admin;
    private final HttpClient http = PlatformApi.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        platform = new PlatformServer(new PlatformConfig("127.0.0.1", 0), clock);
        platform.start();
        platform.referenceData().upsertSensors(List.of(
                new Reference.Sensor("WL01", "waterlogging", "积水监测点·一", 113.88, 35.30, "cm", null, null, null),
                new Reference.Sensor("UP01", "underpass", "下穿通道·一", 113.89, 35.30, "cm", null, null, null),
                new Reference.Sensor("MC00001", "manhole", "智能井盖·一", 113.87, 35.30, "deg", null, null, null),
                new Reference.Sensor("MC00002", "manhole", "智能井盖·二", 113.87, 35.31, "deg", null, null, null)));
        admin = PlatformApi.login(http, base(), "admin", "tongguan");
    }

    @AfterEach
    void stop() {
        platform.stop();
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + platform.port());
    }

    private String token;

    private JsonNode get(String path) throws Exception {
        token = token != null ? token : Json.newMapper().readTree(http.send(HttpRequest.newBuilder(base().resolve("/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"wall\",\"password\":\"tongguan\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).get("token").asText();
        return Json.newMapper().readTree(http.send(HttpRequest.newBuilder(base().resolve(path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    @Test
    void aRainstormRaisesEveryGaugesAlarmToRedAndDrainsItAway() throws Exception {
        List<Reference.Sensor> sensors = admin.sensors();
        LifelineFeeds feeds = new LifelineFeeds(admin, Weather.RAINSTORM, new SplittableRandom(21),
                sensors.stream().filter(s -> !s.kind().equals("manhole")).toList(),
                sensors.stream().filter(s -> s.kind().equals("manhole")).toList(), clock);
        List<String> levels = new ArrayList<>();
        double minute = 1.0 / 60;
        for (double t = 0; t < 11.9; t += minute) {
            feeds.tick(t, minute);
            JsonNode open = get("/api/v1/alarms?sensorId=WL01&state=ACTIVE");
            if (!open.isEmpty() && (levels.isEmpty() || !levels.get(levels.size() - 1).equals(open.get(0).get("level").asText()))) {
                levels.add(open.get(0).get("level").asText());
            }
        }
        assertThat(levels).as("the levels WL01 went through").startsWith("BLUE").endsWith("RED");
        for (String gauge : List.of("WL01", "UP01")) {
            JsonNode alarms = get("/api/v1/alarms?sensorId=" + gauge);
            assertThat(alarms).as(gauge + ": one alarm for the whole storm").hasSize(1);
            assertThat(alarms.get(0).get("level").asText()).isEqualTo("RED");
            assertThat(alarms.get(0).get("state").asText()).as(gauge + " cleared by the drain").isEqualTo("CLEARED");
            assertThat(alarms.get(0).get("clearedBy").asText()).isEqualTo("system");
        }
        assertThat(get("/api/v1/sensors/MC00001/readings?quantity=heartbeat&from=2000-01-01T00:00:00Z")).isNotEmpty();
        JsonNode covers = get("/api/v1/alarms?state=CLEARED&limit=1000");
        assertThat(covers).as("cover incidents recover by themselves")
                .anyMatch(a -> a.get("kind").asText().startsWith("MANHOLE_") && a.get("clearedBy").asText().equals("system"));
    }
}
