package cn.tongguan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.Reference;
import cn.tongguan.platform.EventsTest.Sse;
import cn.tongguan.platform.EventsTest.SseReader;
import cn.tongguan.platform.support.Api;
import cn.tongguan.api.testing.MutableClock;
import cn.tongguan.platform.support.Platforms;
import cn.tongguan.platform.support.TinyJpegGrabber;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lifeline monitoring over real HTTP and SSE: thresholds as data with overrides, levels that escalate one alarm,
 * hysteresis, the rise rule, acknowledge/clear with who and when (409 naming the state), the NoData watchdog on
 * a moved clock, reading history and the case an alarm files (class, place, cameras, snapshot).
 */
@ParameterizedClass(name = "{0}")
@MethodSource("cn.tongguan.platform.support.TestDatabases#all")
@Timeout(120)
class LifelineTest {
    @Parameter
    String db;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T02:00:00Z"));
    private PlatformServer server;
    private Api api;
    private String admin;

    private void start(TinyJpegGrabber grabber) {
        server = Platforms.start(db, null, clock, grabber);
        api = new Api(server.port());
        admin = api.login("admin");
        var ref = server.referenceData();
        ref.upsertSensors(List.of(
                new Reference.Sensor("W01", "waterlogging", "积水监测点·人民路", 113.88, 35.30, "cm", null, null, null),
                new Reference.Sensor("U01", "underpass", "下穿通道·新中大道", 113.89, 35.31, "cm", null, null, null),
                new Reference.Sensor("M01", "manhole", "智能井盖·P1", 113.885, 35.305, "deg", null, null, null)));
        ref.upsertCameras(List.of(camera("c1", 113.881, 35.30), camera("c2", 113.8795, 35.3005), camera("c3", 113.883, 35.30),
                camera("c4", 113.88, 35.304), camera("c5", 113.95, 35.35), camera("c6", 113.90, 35.30)));
        ref.upsertParts(List.of(new Reference.Part("410702P01003000001", "01003", "雨水井盖", 113.885, 35.305, null, null, "normal")));
        ref.upsertGrids(List.of(new Reference.Grid("410702001001001", "410702001001", "410702001", "410702", Api.JSON.valueToTree(
                Map.of("type", "Polygon", "coordinates", List.of(List.of(List.of(113.87, 35.29), List.of(113.89, 35.29),
                        List.of(113.89, 35.31), List.of(113.87, 35.31), List.of(113.87, 35.29))))))));
        ref.reload();
    }

    private static Reference.Camera camera(String id, double lng, double lat) {
        return new Reference.Camera(id, "视频" + id, lng, lat, "rtsp://127.0.0.1:1/" + id + "/main", "online");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private Api.Resp reading(String sensor, double value) {
        return reading(sensor, value, null);
    }

    private Api.Resp reading(String sensor, double value, String quantity) {
        Map<String, Object> body = new HashMap<>(Map.of("sensorId", sensor, "value", value));
        if (quantity != null) {
            body.put("quantity", quantity);
        }
        Api.Resp r = api.post("/api/v1/sensors/readings", admin, body, null);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r;
    }

    private JsonNode alarms(String query) {
        Api.Resp r = api.get("/api/v1/alarms?" + query, admin);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.body();
    }

    private JsonNode status(String sensor) {
        for (JsonNode s : api.get("/api/v1/sensors/status", api.login("wall")).body()) {
            if (s.get("sensorId").asText().equals(sensor)) {
                return s;
            }
        }
        throw new AssertionError("no status for " + sensor);
    }

    /** Reads events until one of {@code type} matches (the class timeout guards a missing one). */
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
    void levelsEscalateOneAlarmAndClearOnlyPastTheHysteresis() throws Exception {
        start(TinyJpegGrabber.working());
        try (SseReader sse = new SseReader(api, api.login("wall"), null)) {
            reading("W01", 3);
            assertThat(alarms("sensorId=W01")).isEmpty();
            clock.advance(Duration.ofMinutes(6));
            reading("W01", 6);
            JsonNode raised = await(sse, "alarm.raised", a -> a.get("sensorId").asText().equals("W01"));
            assertThat(raised.get("level").asText()).isEqualTo("BLUE");
            assertThat(raised.get("kind").asText()).isEqualTo("WATER_DEPTH");
            assertThat(raised.get("state").asText()).isEqualTo("ACTIVE");
            assertThat(raised.get("threshold").asDouble()).isEqualTo(5.0);
            assertThat(raised.get("cameraIds")).extracting(JsonNode::asText).containsExactly("c2", "c1", "c3", "c4");
            assertThat(await(sse, "sensor.status", s -> s.get("sensorId").asText().equals("W01")).get("state").asText())
                    .isEqualTo("ALARM");
            clock.advance(Duration.ofMinutes(6));
            reading("W01", 16);
            JsonNode escalated = await(sse, "alarm.raised", a -> a.get("sensorId").asText().equals("W01"));
            assertThat(escalated.get("id").asLong()).isEqualTo(raised.get("id").asLong());
            assertThat(escalated.get("level").asText()).isEqualTo("YELLOW");
            for (double v : new double[] {10, 4, 3.5}) {
                clock.advance(Duration.ofMinutes(6));
                reading("W01", v);
            }
            assertThat(alarms("sensorId=W01")).hasSize(1);
            assertThat(alarms("sensorId=W01").get(0).get("state").asText()).as("3.5 is within the 2 cm hysteresis of 5")
                    .isEqualTo("ACTIVE");
            assertThat(alarms("sensorId=W01").get(0).get("level").asText()).as("the highest level reached").isEqualTo("YELLOW");
            clock.advance(Duration.ofMinutes(6));
            reading("W01", 2.5);
            JsonNode cleared = await(sse, "alarm.cleared", a -> a.get("sensorId").asText().equals("W01"));
            assertThat(cleared.get("id").asLong()).isEqualTo(raised.get("id").asLong());
            assertThat(cleared.get("clearedBy").asText()).isEqualTo("system");
            assertThat(cleared.get("clearedAt").asText()).isEqualTo(clock.instant().toString());
            assertThat(await(sse, "sensor.status", s -> s.get("sensorId").asText().equals("W01")).get("state").asText())
                    .isEqualTo("OK");
        }
        assertThat(alarms("sensorId=W01")).hasSize(1);
        assertThat(alarms("state=CLEARED")).hasSize(1);
        assertThat(alarms("state=ACTIVE,ACKNOWLEDGED")).isEmpty();
        assertThat(status("W01").get("lastValue").asDouble()).isEqualTo(2.5);
        assertThat(status("W01").get("state").asText()).isEqualTo("OK");
    }

    @Test
    void aRiseOfMoreThanTenCentimetresInFiveMinutesIsRed() {
        start(TinyJpegGrabber.working());
        reading("U01", 2);
        clock.advance(Duration.ofMinutes(2));
        reading("U01", 13);
        JsonNode a = alarms("sensorId=U01").get(0);
        assertThat(a.get("kind").asText()).isEqualTo("UNDERPASS_LEVEL");
        assertThat(a.get("level").asText()).isEqualTo("RED");
        assertThat(a.get("threshold").asDouble()).as("the rise rule's 10 cm").isEqualTo(10.0);
        // The same depth reached slowly is only blue.
        clock.advance(Duration.ofMinutes(30));
        reading("U01", 0);
        clock.advance(Duration.ofMinutes(10));
        reading("U01", 9);
        clock.advance(Duration.ofMinutes(10));
        reading("U01", 13);
        assertThat(alarms("sensorId=U01&state=ACTIVE").get(0).get("level").asText()).isEqualTo("BLUE");
    }

    @Test
    void seatsAcknowledgeAndClearWithWhoAndWhenAndIllegalMovesAreRefused() {
        start(TinyJpegGrabber.working());
        reading("W01", 7);
        long id = alarms("sensorId=W01").get(0).get("id").asLong();
        String operator = api.login("operator");
        assertThat(api.post("/api/v1/alarms/" + id + "/acknowledge", api.login("wall"), Map.of(), null).status()).isEqualTo(403);
        clock.advance(Duration.ofMinutes(1));
        Api.Resp ack = api.post("/api/v1/alarms/" + id + "/acknowledge", operator, Map.of("note", "已通知排水队"), null);
        assertThat(ack.status()).as(ack.text()).isEqualTo(200);
        assertThat(ack.body().get("state").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(ack.body().get("acknowledgedBy").asText()).isEqualTo("operator");
        assertThat(ack.body().get("acknowledgedAt").asText()).isEqualTo(clock.instant().toString());
        Api.Resp again = api.post("/api/v1/alarms/" + id + "/acknowledge", operator, "", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("code").asText()).isEqualTo("illegal_alarm_transition");
        assertThat(again.body().get("details").get("state").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(again.body().get("message").asText()).contains("ACKNOWLEDGED");
        // A higher level needs a new acknowledgement.
        reading("W01", 16);
        assertThat(alarms("sensorId=W01").get(0).get("state").asText()).isEqualTo("ACTIVE");
        Api.Resp clear = api.post("/api/v1/alarms/" + id + "/clear", api.login("shift_leader"), Map.of("note", "现场已排水"), null);
        assertThat(clear.status()).as(clear.text()).isEqualTo(200);
        assertThat(clear.body().get("clearedBy").asText()).isEqualTo("shift_leader");
        Api.Resp twice = api.post("/api/v1/alarms/" + id + "/clear", operator, Map.of(), null);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body().get("details").get("state").asText()).isEqualTo("CLEARED");
        assertThat(api.post("/api/v1/alarms/999999/clear", operator, Map.of(), null).status()).isEqualTo(404);
        Api.Resp longNote = api.post("/api/v1/alarms/" + id + "/clear", operator, Map.of("note", "x".repeat(501)), null);
        assertThat(longNote.status()).isEqualTo(400);
        // Still deep after a manual clear: the next reading raises a new alarm.
        reading("W01", 16);
        assertThat(alarms("sensorId=W01")).hasSize(2);
        assertThat(alarms("sensorId=W01").get(0).get("id").asLong()).isNotEqualTo(id);
        assertThat(api.get("/api/v1/alarms?state=BOGUS", admin).status()).isEqualTo(400);
    }

    @Test
    void anOrangeWaterAlarmFilesACaseWithTheReadingThePlaceTheCamerasAndTheSnapshot() throws Exception {
        TinyJpegGrabber grabber = TinyJpegGrabber.working();
        start(grabber);
        try (SseReader sse = new SseReader(api, api.login("wall"), null)) {
            reading("W01", 16);
            long yellow = alarms("sensorId=W01").get(0).get("id").asLong();
            assertThat(server.alarmCases().file(yellow)).as("yellow water files no case").isEmpty();
            clock.advance(Duration.ofMinutes(6));
            reading("W01", 31.5);
            JsonNode updated = await(sse, "alarm.updated", a -> a.get("caseId") != null && !a.get("caseId").isNull());
            assertThat(updated.get("id").asLong()).isEqualTo(yellow);
            assertThat(updated.get("level").asText()).isEqualTo("ORANGE");
            long caseId = updated.get("caseId").asLong();
            JsonNode detail = api.get("/api/v1/cases/" + caseId, api.login("operator")).body();
            JsonNode item = detail.get("item");
            assertThat(item.get("source").asText()).isEqualTo("iot");
            assertThat(item.get("kind").asText()).isEqualTo("event");
            assertThat(item.get("smallCode").asText()).isEqualTo("10003");
            assertThat(item.get("urgency").asText()).isEqualTo("urgent");
            assertThat(item.get("gridCode").asText()).isEqualTo("410702001001001");
            assertThat(item.get("communityCode").asText()).isEqualTo("410702001001");
            assertThat(item.get("description").asText()).contains("W01", "31.5 cm", "橙色", "c2、c1、c3、c4", "见照片");
            assertThat(grabber.asked).containsExactly("rtsp://127.0.0.1:1/c2/main");
            assertThat(detail.get("photos")).hasSize(1);
            java.net.http.HttpResponse<byte[]> photo = api.http().send(api.builder(detail.get("photos").get(0).get("url").asText(),
                    api.login("operator")).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(photo.statusCode()).isEqualTo(200);
            assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(photo.body())).getWidth()).as("the JPEG grabbed")
                    .isEqualTo(32);
            assertThat(detail.get("photos").get(0).get("contentType").asText()).isEqualTo("image/jpeg");
        }
        // Escalating further files nothing more.
        reading("W01", 45);
        assertThat(alarms("sensorId=W01").get(0).get("level").asText()).isEqualTo("RED");
        assertThat(server.cases().count()).isEqualTo(1);
    }

    @Test
    void anUnreachableCameraOnlyMakesTheCaseSaySo() throws Exception {
        start(TinyJpegGrabber.unreachable());
        try (SseReader sse = new SseReader(api, api.login("wall"), null)) {
            reading("W01", 26);
            JsonNode updated = await(sse, "alarm.updated", a -> !a.get("caseId").isNull());
            JsonNode detail = api.get("/api/v1/cases/" + updated.get("caseId").asLong(), api.login("operator")).body();
            assertThat(detail.get("item").get("description").asText()).contains("c2", "未能取得现场快照", "无法连接");
            assertThat(detail.get("photos")).isEmpty();
        }
    }

    @Test
    void aTiltedCoverFilesAPartCaseOfTheCoverUnderIt() throws Exception {
        start(TinyJpegGrabber.working());
        try (SseReader sse = new SseReader(api, api.login("wall"), null)) {
            reading("M01", 20);
            JsonNode updated = await(sse, "alarm.updated", a -> !a.get("caseId").isNull());
            assertThat(updated.get("kind").asText()).isEqualTo("MANHOLE_TILT");
            assertThat(updated.get("level").asText()).isEqualTo("YELLOW");
            JsonNode item = api.get("/api/v1/cases/" + updated.get("caseId").asLong(), api.login("operator")).body().get("item");
            assertThat(item.get("kind").asText()).isEqualTo("part");
            assertThat(item.get("smallCode").asText()).as("the 雨水井盖 under the sensor").isEqualTo("01003");
            assertThat(item.get("partCode").asText()).isEqualTo("410702P01003000001");
        }
        // Low battery on the same cover: its own alarm kind, no case.
        reading("M01", 15, "battery");
        assertThat(alarms("sensorId=M01&state=ACTIVE")).extracting(a -> a.get("kind").asText())
                .containsExactlyInAnyOrder("MANHOLE_TILT", "LOW_BATTERY");
        assertThat(api.post("/api/v1/sensors/readings", admin, Map.of("sensorId", "M01", "value", 1, "quantity", "smell"), null)
                .status()).isEqualTo(400);
    }

    @Test
    void silentSensorsGoNoDataAndRecoverOnTheNextReading() {
        start(TinyJpegGrabber.working());
        reading("W01", 1, "heartbeat");
        clock.advance(Duration.ofMinutes(29));
        server.watchdog().check();
        assertThat(status("W01").get("state").asText()).isEqualTo("OK");
        clock.advance(Duration.ofMinutes(2));
        assertThat(server.watchdog().check()).as("W01 and U01 (3 × 10 min); covers wait 3 × 6 h").isEqualTo(2);
        assertThat(server.watchdog().check()).as("one NO_DATA alarm per sensor").isZero();
        assertThat(status("W01").get("state").asText()).isEqualTo("NODATA");
        assertThat(status("M01").get("state").asText()).isEqualTo("OK");
        JsonNode noData = alarms("sensorId=W01&state=ACTIVE").get(0);
        assertThat(noData.get("kind").asText()).isEqualTo("NO_DATA");
        assertThat(noData.get("value").asDouble()).as("missed intervals").isEqualTo(3.0);
        reading("W01", 0.5);
        assertThat(status("W01").get("state").asText()).isEqualTo("OK");
        assertThat(status("W01").get("lastHeartbeatAt").asText()).isEqualTo(clock.instant().toString());
        assertThat(alarms("sensorId=W01").get(0).get("state").asText()).isEqualTo("CLEARED");
        clock.advance(Duration.ofHours(19));
        admin = api.login("admin");
        assertThat(server.watchdog().check()).as("the cover (3 × 6 h) and W01 again; U01 has its alarm").isEqualTo(2);
        assertThat(status("M01").get("state").asText()).isEqualTo("NODATA");
    }

    @Test
    void readingsAreKeptPerQuantityForTrendCharts() {
        start(TinyJpegGrabber.working());
        Instant t0 = clock.instant();
        for (int i = 0; i < 5; i++) {
            reading("M01", i, null);
            reading("M01", 90 - i, "battery");
            clock.advance(Duration.ofMinutes(10));
        }
        String wall = api.login("wall");
        Api.Resp all = api.get("/api/v1/sensors/M01/readings?from=" + t0, wall);
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.body()).hasSize(10);
        Api.Resp tilt = api.get("/api/v1/sensors/M01/readings?quantity=tilt&from=" + t0.plus(Duration.ofMinutes(10))
                + "&to=" + t0.plus(Duration.ofMinutes(30)), wall);
        List<Double> values = new ArrayList<>();
        tilt.body().forEach(r -> values.add(r.get("value").asDouble()));
        assertThat(values).containsExactly(1.0, 2.0, 3.0);
        assertThat(tilt.body().get(0).get("at").asText()).isEqualTo(t0.plus(Duration.ofMinutes(10)).toString());
        assertThat(api.get("/api/v1/sensors/NOPE/readings", wall).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/sensors/M01/readings?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z", wall).status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/sensors/M01/readings?from=yesterday", wall).status()).isEqualTo(400);
        // History is bounded: 30 days are kept (settings lifeline.readings.keepDays).
        clock.advance(Duration.ofDays(29));
        assertThat(server.readings().prune()).isZero();
        clock.advance(Duration.ofDays(2));
        assertThat(server.readings().prune()).isEqualTo(10);
        assertThat(api.get("/api/v1/sensors/M01/readings?from=" + t0, api.login("wall")).body()).isEmpty();
    }

    @Test
    void anAdministratorOverridesOneSensorsThresholds() {
        start(TinyJpegGrabber.working());
        List<Map<String, Object>> rules = List.of(rule("BLUE", 2), rule("YELLOW", 4), rule("ORANGE", 8), rule("RED", 12));
        Api.Resp put = api.send(api.builder("/api/v1/admin/sensors/W01/thresholds", admin).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(json(rules))).build());
        assertThat(put.status()).as(put.text()).isEqualTo(200);
        JsonNode effective = api.get("/api/v1/sensors/W01/thresholds", api.login("wall")).body();
        List<String> depth = new ArrayList<>();
        effective.forEach(t -> {
            if (t.get("alarmKind").asText().equals("WATER_DEPTH")) {
                depth.add(t.get("sensorId").asText() + ":" + t.get("level").asText() + ":" + t.get("value").asDouble());
            }
        });
        assertThat(depth).containsExactly("W01:BLUE:2.0", "W01:YELLOW:4.0", "W01:ORANGE:8.0", "W01:RED:12.0");
        assertThat(effective).anyMatch(t -> t.get("alarmKind").asText().equals("NO_DATA") && t.get("sensorId").asText().equals("*"));
        reading("W01", 4.5);
        assertThat(alarms("sensorId=W01").get(0).get("level").asText()).isEqualTo("YELLOW");
        // The other gauge keeps the defaults.
        reading("U01", 4.5);
        assertThat(alarms("sensorId=U01")).isEmpty();
        Api.Resp disordered = putRules("/api/v1/admin/sensors/W01/thresholds", List.of(rule("BLUE", 9), rule("YELLOW", 4)));
        assertThat(disordered.status()).isEqualTo(422);
        assertThat(disordered.body().get("code").asText()).isEqualTo("thresholds_out_of_order");
        Map<String, Object> unknown = new HashMap<>(rule("BLUE", 1));
        unknown.put("alarmKind", "EARTHQUAKE");
        assertThat(putRules("/api/v1/admin/sensors/W01/thresholds", List.of(unknown)).status()).isEqualTo(400);
        assertThat(putRules("/api/v1/admin/sensors/NOPE/thresholds", rules).status()).isEqualTo(404);
        assertThat(putRules("/api/v1/admin/sensors/W01/thresholds", List.of()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/sensors/W01/thresholds", admin).body()).allMatch(t -> t.get("sensorId").asText().equals("*"));
        // Defaults of a kind change for every sensor of it.
        assertThat(putRules("/api/v1/admin/sensor-kinds/underpass/thresholds",
                List.of(rule("UNDERPASS_LEVEL", "BLUE", 1), rule("UNDERPASS_LEVEL", "YELLOW", 3)))
                .status()).isEqualTo(200);
        reading("U01", 4.5);
        assertThat(alarms("sensorId=U01").get(0).get("level").asText()).isEqualTo("YELLOW");
        assertThat(putRules("/api/v1/admin/sensor-kinds/volcano/thresholds", rules).status()).isEqualTo(404);
    }

    private static Map<String, Object> rule(String level, double value) {
        return rule("WATER_DEPTH", level, value);
    }

    private static Map<String, Object> rule(String kind, String level, double value) {
        return Map.of("alarmKind", kind, "level", level, "value", value);
    }

    private Api.Resp putRules(String path, Object body) {
        return api.send(api.builder(path, admin).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(json(body))).build());
    }

    private static String json(Object o) {
        try {
            return Api.JSON.writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
