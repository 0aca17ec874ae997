package cn.tongguan.platform.events;

import cn.tongguan.api.Events;
import cn.tongguan.platform.http.ApiException;
import cn.tongguan.platform.storage.Database;
import cn.tongguan.platform.storage.Sql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** Sensor readings (with alarms over threshold) and camera status: stored and published as events. */
public final class Feeds {
    private final Database db;
    private final EventLog events;
    private final Clock clock;

    public Feeds(Database db, EventLog events, Clock clock) {
        this.db = db;
        this.events = events;
        this.clock = clock;
    }

    public Events.SensorReading reading(Events.SensorReading r) {
        Instant at = r.at() == null ? clock.instant() : r.at();
        Events.SensorReading stored = new Events.SensorReading(r.sensorId(), r.value(), at);
        return db.write(tx -> {
            Double threshold;
            String kind;
            try (PreparedStatement ps = Sql.prepare(tx.connection(), "SELECT kind, threshold FROM sensors WHERE id = ?", r.sensorId());
                 ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ApiException.notFound("sensor", r.sensorId());
                }
                kind = rs.getString(1);
                threshold = Sql.getDouble(rs, "threshold");
            }
            Sql.update(tx.connection(), "UPDATE sensors SET last_value = ?, last_at = ? WHERE id = ?", r.value(),
                    at.toEpochMilli(), r.sensorId());
            events.append(tx, "sensor.reading", stored);
            if (threshold != null && r.value() > threshold) {
                events.append(tx, "alarm.raised", new Events.Alarm(r.sensorId(), kind, r.value(), threshold, at));
            }
            return stored;
        });
    }

    public Events.CameraStatus cameraStatus(Events.CameraStatus s) {
        return db.write(tx -> {
            if (Sql.update(tx.connection(), "UPDATE cameras SET status = ? WHERE id = ?", s.status(), s.cameraId()) == 0) {
                throw ApiException.notFound("camera", s.cameraId());
            }
            events.append(tx, "camera.status", Map.of("cameraId", s.cameraId(), "status", s.status(), "at", clock.instant()));
            return s;
        });
    }
}
