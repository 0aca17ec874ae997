package cn.tongguan.api;

import java.time.Instant;

/** Live events (SSE {@code data:} payloads) and the inputs of sensors and cameras. */
public final class Events {
    private Events() {
    }

    /** One stored event: {@code data} is the changed entity (e.g. the whole case after a transition). */
    public record Event(long id, String type, Instant at, Object data) {
    }

    /**
     * Data of {@code case.created} and {@code case.transitioned}: the case after the change (without reporter
     * name and phone: events reach every subscriber, including the wall) and the step that changed it.
     */
    public record CaseChange(Cases.Case item, Cases.TimelineEntry step) {
    }

    /** {@code event: resync}: the resume point is no longer kept; take a new snapshot. */
    public record Resync(long oldestKeptId, long latestId) {
    }

    /**
     * A reading. {@code quantity} says what was measured when a sensor measures several things (depth, level,
     * tilt, displacement, overflow, battery, heartbeat); null means the sensor's main quantity.
     */
    public record SensorReading(String sensorId, Double value, Instant at, String quantity) {
        public SensorReading(String sensorId, Double value, Instant at) {
            this(sensorId, value, at, null);
        }

        public SensorReading {
            Invalid.required("sensorId", sensorId);
            Invalid.required("value", value);
            if (value.isNaN() || value.isInfinite()) {
                throw new Invalid("value", "out_of_range");
            }
        }
    }

    public record CameraStatus(String cameraId, String status) {
        public CameraStatus {
            Invalid.required("cameraId", cameraId);
            Invalid.oneOf("status", Invalid.required("status", status), java.util.Set.of("online", "offline", "fault"));
        }
    }

    public record Alarm(String sensorId, String kind, double value, double threshold, Instant at) {
    }
}
