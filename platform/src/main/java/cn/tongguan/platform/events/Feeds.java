package cn.tongguan.platform.events;

import cn.tongguan.api.Events;
import cn.tongguan.platform.http.ApiException;
import cn.tongguan.platform.storage.Database;
import cn.tongguan.platform.storage.Sql;
import java.time.Clock;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What sensors and cameras send: readings go to the lifeline (stored, judged against thresholds, alarms — see
 * {@code cn.tongguan.platform.lifeline.Readings}); camera status is stored and published here.
 */
public final class Feeds {
    private final Database db;
    private final EventLog events;
    private final Clock clock;
    private final UnaryOperator<Events.SensorReading> readings;

    public Feeds(Database db, EventLog events, Clock clock, UnaryOperator<Events.SensorReading> readings) {
        this.db = db;
        this.events = events;
        this.clock = clock;
        this.readings = readings;
    }

    public Events.SensorReading reading(Events.SensorReading r) {
        return readings.apply(r);
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
