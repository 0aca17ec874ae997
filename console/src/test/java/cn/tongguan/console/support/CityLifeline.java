package cn.tongguan.console.support;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.Reference;
import cn.tongguan.console.sync.PlatformClient;
import java.io.IOException;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The small city's lifeline for the 一张图 tests: a water gauge and an underpass on 平原路, three smart covers (the
 * first tilted into an alarm by a reading), a camera by 平原路 and one far from every road.
 */
public final class CityLifeline {
    /** 平原路 runs east–west at this latitude (SmallCity's road-1, rising 0.001° over 0.08°). */
    public static final double ROAD_LAT = SmallCity.SOUTH + SmallCity.DISTRICT / 2 + 0.003;
    public static final double ROAD_LNG = SmallCity.WEST + 0.012;
    public static final List<String> COVERS = List.of("M01", "M02", "M03");

    private CityLifeline() {
    }

    public static void load(TestPlatform platform) throws IOException {
        var store = platform.referenceData();
        store.upsertSensors(List.of(
                new Reference.Sensor("W01", "waterlogging", "积水点·平原路", ROAD_LNG, ROAD_LAT + 0.0004, "cm", 15.0, null, null),
                new Reference.Sensor("U01", "underpass", "下穿通道·平原路", ROAD_LNG + 0.004, ROAD_LAT - 0.0004, "cm", 25.0, null, null),
                new Reference.Sensor("M01", "manhole", "平原路井盖1号", ROAD_LNG + 0.008, ROAD_LAT + 0.0003, "deg", null, null, null),
                new Reference.Sensor("M02", "manhole", "平原路井盖2号", ROAD_LNG + 0.0085, ROAD_LAT + 0.0003, "deg", null, null, null),
                new Reference.Sensor("M03", "manhole", "平原路井盖3号", ROAD_LNG + 0.009, ROAD_LAT + 0.0003, "deg", null, null, null)));
        store.upsertCameras(List.of(
                new Reference.Camera("C01", "平原路与胜利路交叉口", ROAD_LNG + 0.002, ROAD_LAT + 0.0002,
                        "rtsp://127.0.0.1:1/C01/main", "online"),
                new Reference.Camera("C02", "人民公园南门", SmallCity.WEST + 0.07, SmallCity.SOUTH + 0.005,
                        "rtsp://127.0.0.1:1/C02/main", "offline")));
        store.reload();
        PlatformClient admin = platform.client("admin");
        post(admin, "/api/v1/sensors/readings", "{\"sensorId\":\"W01\",\"value\":1.5}");
        post(admin, "/api/v1/sensors/readings", "{\"sensorId\":\"W01\",\"value\":2.5}");
        // 30° of tilt: past the manhole's default rules (YELLOW from 15°) — an alarm.
        post(admin, "/api/v1/sensors/readings", "{\"sensorId\":\"M01\",\"value\":30.0}");
    }

    private static void post(PlatformClient client, String path, String body) throws IOException {
        Request r = new Request.Builder().url(client.base().resolve(path).toString())
                .post(RequestBody.create(body, MediaType.get("application/json"))).build();
        try (Response response = client.http().newCall(r).execute()) {
            assertThat(response.code()).as(path).isBetween(200, 201);
        }
    }
}
