package cn.tongguan.api;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Lifeline monitoring (城市生命线) on the wire: alarms with their lifecycle, sensor status (including NoData when
 * heartbeats stop), reading history for trend charts, and pushes of a case or camera to the display wall.
 *
 * <p>Events: {@code alarm.raised}, {@code alarm.acknowledged}, {@code alarm.cleared} carry an {@link Alarm};
 * {@code alarm.raised} comes again (same id) when an open alarm escalates to a higher level, and
 * {@code alarm.updated} when the case it filed is attached ({@code caseId}): key alarms by id.
 * {@code sensor.status} carries a {@link SensorStatus}; {@code wall.push} carries a {@link WallPush}.
 */
public final class Lifeline {
    /** Alarm levels, lowest first (domain.md §5: blue watch, yellow, orange closes an underpass, red). */
    public static final List<String> LEVELS = List.of("BLUE", "YELLOW", "ORANGE", "RED");
    public static final Set<String> ALARM_STATES = Set.of("ACTIVE", "ACKNOWLEDGED", "CLEARED");
    public static final Set<String> SENSOR_STATES = Set.of("OK", "ALARM", "NODATA");
    public static final Set<String> PUSH_KINDS = Set.of("CASE", "CAMERA");

    private Lifeline() {
    }

    /**
     * One alarm. {@code kind} names what crossed a threshold (WATER_DEPTH, UNDERPASS_LEVEL, MANHOLE_TILT,
     * MANHOLE_DISPLACEMENT, MANHOLE_OVERFLOW, LOW_BATTERY, NO_DATA); {@code level} is the highest level reached
     * while active; {@code caseId} is the case the alarm filed (null when none); {@code cameraIds} the nearest
     * cameras, nearest first.
     */
    public record Alarm(long id, String sensorId, String sensorKind, String kind, String level, double value,
                        double threshold, String state, Instant raisedAt, Instant updatedAt, String acknowledgedBy,
                        Instant acknowledgedAt, String clearedBy, Instant clearedAt, Long caseId,
                        List<String> cameraIds) {
        public Alarm {
            cameraIds = cameraIds == null ? List.of() : List.copyOf(cameraIds);
        }
    }

    /** Body of {@code POST /api/v1/alarms/{id}/acknowledge} and {@code .../clear}: an optional note. */
    public record AlarmAction(String note) {
        public AlarmAction {
            if (note != null && note.length() > 500) {
                throw new Invalid("note", "too_long");
            }
        }
    }

    /** A sensor's state: OK, ALARM (an active alarm) or NODATA (heartbeats stopped). */
    public record SensorStatus(String sensorId, String state, String level, Double lastValue, Instant lastAt,
                               Instant lastHeartbeatAt) {
    }

    /** One stored reading, for trend charts. {@code quantity} as in {@link Events.SensorReading}. */
    public record Reading(String sensorId, String quantity, double value, Instant at) {
    }

    /** A case or a camera pushed to the wall by a seat; every push is kept (audit). */
    public record WallPush(long id, String kind, String target, String note, String by, Instant at) {
    }

    public record NewWallPush(String kind, String target, String note) {
        public NewWallPush {
            Invalid.oneOf("kind", Invalid.required("kind", kind), PUSH_KINDS);
            Invalid.required("target", target);
            if (note != null && note.length() > 500) {
                throw new Invalid("note", "too_long");
            }
        }
    }

    /** Threshold rules: {@code value} (a reading at or past it), {@code rise} (risen by more within a window), {@code missed} heartbeats. */
    public static final Set<String> THRESHOLD_RULES = Set.of("value", "rise", "missed");

    /**
     * One threshold rule in force: at or past {@code value} an alarm of {@code alarmKind} reaches {@code level}.
     * {@code sensorId} is {@code "*"} for the default of {@code sensorKind}, else the sensor the rule overrides;
     * {@code windowSeconds} is the window of a {@code rise} and the heartbeat interval of {@code missed}.
     */
    public record Threshold(String sensorKind, String sensorId, String alarmKind, String level, String rule, double value,
                            Integer windowSeconds) {
    }

    /** A rule as an administrator sets it (body of the threshold PUT routes, as an array). */
    public record ThresholdRule(String alarmKind, String level, String rule, Double value, Integer windowSeconds) {
        public ThresholdRule {
            Invalid.maxLength("alarmKind", Invalid.required("alarmKind", alarmKind), 32);
            Invalid.oneOf("level", Invalid.required("level", level), Set.copyOf(LEVELS));
            rule = rule == null ? "value" : rule;
            Invalid.oneOf("rule", rule, THRESHOLD_RULES);
            Invalid.required("value", value);
            if (value.isNaN() || value.isInfinite() || value < 0) {
                throw new Invalid("value", "out_of_range");
            }
            if (!"value".equals(rule) && (windowSeconds == null || windowSeconds <= 0)) {
                throw new Invalid("windowSeconds", "required");
            }
        }
    }
}
