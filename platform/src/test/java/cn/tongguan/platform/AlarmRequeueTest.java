package cn.tongguan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.Reference;
import cn.tongguan.platform.EventsTest.Sse;
import cn.tongguan.platform.EventsTest.SseReader;
import cn.tongguan.platform.support.Api;
import cn.tongguan.api.testing.MutableClock;
import cn.tongguan.platform.support.Platforms;
import cn.tongguan.platform.support.TestDatabases;
import cn.tongguan.platform.support.TinyJpegGrabber;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** An alarm committed but not yet given its case when the platform stopped gets the case after the restart. */
@ParameterizedClass(name = "{0}")
@MethodSource("cn.tongguan.platform.support.TestDatabases#all")
@Timeout(90)
class AlarmRequeueTest {
    @Parameter
    String db;

    @TempDir
    Path dir;

    @Test
    void anAlarmOwedACaseIsFiledAfterARestart() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T02:00:00Z"));
        String url = TestDatabases.fresh(db, dir);
        PlatformServer first = Platforms.startOn(url, dir, clock);
        long alarmId;
        try {
            first.referenceData().upsertSensors(List.of(
                    new Reference.Sensor("W01", "waterlogging", "积水监测点·人民路", 113.88, 35.30, "cm", null, null, null)));
            Api api = new Api(first.port());
            assertThat(api.post("/api/v1/sensors/readings", api.login("admin"), Map.of("sensorId", "W01", "value", 16.0), null)
                    .status()).isEqualTo(200);
            alarmId = api.get("/api/v1/alarms?sensorId=W01", api.login("admin")).body().get(0).get("id").asLong();
        } finally {
            first.stop();
        }
        // As if the platform stopped right after committing an orange alarm, before its case was filed.
        try (Connection c = DriverManager.getConnection(url)) {
            c.createStatement().executeUpdate("UPDATE alarms SET level = 'ORANGE', threshold = 25 WHERE id = " + alarmId);
        }
        PlatformServer again = Platforms.startOn(url, dir, clock, TinyJpegGrabber.working());
        try {
            Api api = new Api(again.port());
            try (SseReader sse = new SseReader(api, api.login("wall"), "0")) {
                JsonNode updated = null;
                while (updated == null) {
                    Sse e = sse.read(1).get(0);
                    updated = e.event().equals("alarm.updated") ? Api.JSON.readTree(e.data()).get("data") : null;
                }
                assertThat(updated.get("id").asLong()).isEqualTo(alarmId);
                assertThat(updated.get("caseId").isNull()).isFalse();
            }
            assertThat(again.cases().count()).isEqualTo(1);
        } finally {
            again.stop();
        }
    }
}
