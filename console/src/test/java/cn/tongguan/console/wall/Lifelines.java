package cn.tongguan.console.wall;

import cn.tongguan.api.Lifeline;
import cn.tongguan.api.Reference;
import java.time.Instant;
import java.util.List;

/** Records of the lifeline contract for the wall's tests: sensors, cameras and alarms in their states. */
final class Lifelines {
    static final Instant AT = Instant.parse("2026-11-25T02:00:00Z");

    private Lifelines() {
    }

    static Reference.Sensor gauge(String id, double lng, double lat, Double depth) {
        return new Reference.Sensor(id, "waterlogging", "积水点" + id, lng, lat, "cm", 15.0, depth, AT);
    }

    static Reference.Sensor underpass(String id, double lng, double lat, Double depth) {
        return new Reference.Sensor(id, "underpass", "下穿" + id, lng, lat, "cm", 25.0, depth, AT);
    }

    static Reference.Camera camera(String id, double lng, double lat) {
        return new Reference.Camera(id, id, lng, lat, "rtsp://127.0.0.1:8554/" + id + "/main", "online");
    }

    static Lifeline.Alarm raised(long id, String sensorId, String level, double value, List<String> cameraIds) {
        return new Lifeline.Alarm(id, sensorId, "waterlogging", "WATER_DEPTH", level, value, 15, "ACTIVE", AT, AT,
                null, null, null, null, 900L + id, cameraIds);
    }

    static Lifeline.Alarm acknowledged(Lifeline.Alarm a, String by) {
        return new Lifeline.Alarm(a.id(), a.sensorId(), a.sensorKind(), a.kind(), a.level(), a.value(), a.threshold(),
                "ACKNOWLEDGED", a.raisedAt(), AT.plusSeconds(60), by, AT.plusSeconds(60), null, null, a.caseId(),
                a.cameraIds());
    }

    static Lifeline.Alarm cleared(Lifeline.Alarm a, String by) {
        return new Lifeline.Alarm(a.id(), a.sensorId(), a.sensorKind(), a.kind(), a.level(), a.value(), a.threshold(),
                "CLEARED", a.raisedAt(), AT.plusSeconds(600), a.acknowledgedBy(), a.acknowledgedAt(), by,
                AT.plusSeconds(600), a.caseId(), a.cameraIds());
    }
}
