package cn.tongguan.platform.lifeline;

import cn.tongguan.api.Events;
import cn.tongguan.api.Lifeline;
import cn.tongguan.platform.events.EventLog;
import cn.tongguan.platform.http.ApiException;
import cn.tongguan.platform.http.Call;
import cn.tongguan.platform.storage.Database;
import cn.tongguan.platform.storage.Sql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Sensor readings of every quantity: stored as history, published as {@code sensor.reading}, and judged against
 * the sensor's thresholds in the same transaction, so an alarm exists exactly when its reading was stored.
 */
public final class Readings {
    private final Database db;
    private final EventLog events;
    private final Clock clock;
    private final ThresholdTable thresholds;
    private final AlarmLifecycle alarms;

    public Readings(Database db, EventLog events, Clock clock, ThresholdTable thresholds, AlarmLifecycle alarms) {
        this.db = db;
        this.events = events;
        this.clock = clock;
        this.thresholds = thresholds;
        this.alarms = alarms;
    }

    public Events.SensorReading reading(Events.SensorReading r) {
        long now = clock.millis();
        long at = r.at() == null ? now : r.at().toEpochMilli();
        return db.write(tx -> {
            AlarmLifecycle.Sensor s = AlarmLifecycle.sensor(tx.connection(), r.sensorId())
                    .orElseThrow(() -> ApiException.notFound("sensor", r.sensorId()));
            String main = thresholds.mainQuantity(s.kind());
            String quantity = r.quantity() == null ? (main == null ? "value" : main) : r.quantity();
            if (r.quantity() != null && !thresholds.knownQuantity(quantity)) {
                throw Call.invalid("quantity", "unknown_value");
            }
            double value = r.value();
            Lifeline.SensorStatus before = alarms.status(tx.connection(), s);
            Sql.update(tx.connection(), "INSERT INTO sensor_readings (sensor_id, quantity, at, val) VALUES (?, ?, ?, ?)",
                    s.id(), quantity, at, value);
            boolean isMain = main == null ? r.quantity() == null : main.equals(quantity);
            if (isMain && (s.lastAt() == null || at >= s.lastAt())) {
                Sql.update(tx.connection(), "UPDATE sensors SET last_value = ?, last_at = ?, seen_at = ? WHERE id = ?", value,
                        at, now, s.id());
            } else {
                Sql.update(tx.connection(), "UPDATE sensors SET seen_at = ? WHERE id = ?", now, s.id());
            }
            Events.SensorReading stored = new Events.SensorReading(s.id(), value, Instant.ofEpochMilli(at), quantity);
            events.append(tx, "sensor.reading", stored);
            // Any reading is a sign of life: a NoData alarm recovers by itself.
            Optional<Lifeline.Alarm> noData = alarms.store().open(tx.connection(), s.id(), AlarmLifecycle.NO_DATA);
            if (noData.isPresent()) {
                alarms.clear(tx, noData.get(), AlarmLifecycle.SYSTEM, null, now);
            }
            judge(tx, s, quantity, value, at);
            AlarmLifecycle.Sensor after = AlarmLifecycle.sensor(tx.connection(), s.id()).orElseThrow();
            alarms.statusChanged(tx, before, alarms.status(tx.connection(), after));
            return stored;
        });
    }

    private void judge(Database.Tx tx, AlarmLifecycle.Sensor s, String quantity, double value, long at) throws SQLException {
        List<Lifeline.Threshold> rules = thresholds.effective(s.kind(), s.id());
        Set<String> kinds = new LinkedHashSet<>();
        rules.forEach(t -> kinds.add(t.alarmKind()));
        for (String k : kinds) {
            ThresholdTable.AlarmKind kind = thresholds.alarmKind(k).orElse(null);
            if (kind == null || !kind.quantity().equals(quantity) || "missed".equals(kind.direction())) {
                continue;
            }
            String level = null;
            double threshold = 0;
            Double lowest = null;
            for (Lifeline.Threshold t : rules) {
                if (!t.alarmKind().equals(k)) {
                    continue;
                }
                boolean hit;
                if ("rise".equals(t.rule())) {
                    hit = value - lowestSince(tx, s.id(), quantity, at - t.windowSeconds() * 1000L, at) > t.value();
                } else {
                    hit = kind.above() ? value >= t.value() : value <= t.value();
                    lowest = lowest == null ? t.value() : kind.above() ? Math.min(lowest, t.value()) : Math.max(lowest, t.value());
                }
                if (hit && (level == null || ThresholdTable.rank(t.level()) > ThresholdTable.rank(level))) {
                    level = t.level();
                    threshold = t.value();
                }
            }
            if (lowest != null || level != null) {
                alarms.judge(tx, s, kind, level, value, threshold, lowest == null ? Double.NaN : lowest, at);
            }
        }
    }

    private static double lowestSince(Database.Tx tx, String sensorId, String quantity, long from, long to) throws SQLException {
        try (PreparedStatement ps = Sql.prepare(tx.connection(), "SELECT MIN(val) FROM sensor_readings WHERE sensor_id = ? "
                + "AND quantity = ? AND at >= ? AND at <= ?", sensorId, quantity, from, to); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getDouble(1) : Double.NaN;
        }
    }

    /** Stored readings of a sensor between {@code from} and {@code to}, oldest first (one quantity, or all). */
    public List<Lifeline.Reading> history(String sensorId, String quantity, Instant from, Instant to, int limit) {
        Instant end = to == null ? clock.instant() : to;
        Instant start = from == null ? end.minus(Duration.ofDays(1)) : from;
        if (start.isAfter(end)) {
            throw new ApiException(400, "invalid_parameter", Map.of("parameter", "from"), "from");
        }
        return db.read(tx -> {
            if (Sql.queryLong(tx.connection(), "SELECT COUNT(*) FROM sensors WHERE id = ?", sensorId) == 0) {
                throw ApiException.notFound("sensor", sensorId);
            }
            String sql = "SELECT quantity, val, at FROM sensor_readings WHERE sensor_id = ? AND at >= ? AND at <= ?"
                    + (quantity == null ? "" : " AND quantity = ?") + " ORDER BY at";
            Object[] args = quantity == null ? new Object[] {sensorId, start.toEpochMilli(), end.toEpochMilli()}
                    : new Object[] {sensorId, start.toEpochMilli(), end.toEpochMilli(), quantity};
            List<Lifeline.Reading> out = new ArrayList<>();
            try (PreparedStatement ps = Sql.prepare(tx.connection(), sql, args)) {
                ps.setMaxRows(limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Lifeline.Reading(sensorId, rs.getString(1), rs.getDouble(2), Instant.ofEpochMilli(rs.getLong(3))));
                    }
                }
            }
            return out;
        });
    }

    /** Forgets readings older than the kept days (settings {@code lifeline.readings.keepDays}); returns how many. */
    public int prune() {
        return db.write(tx -> {
            long days = Sql.queryLong(tx.connection(),
                    "SELECT COALESCE(MAX(CAST(val AS BIGINT)), 30) FROM settings WHERE name = 'lifeline.readings.keepDays'");
            return Sql.update(tx.connection(), "DELETE FROM sensor_readings WHERE at < ?",
                    clock.millis() - Duration.ofDays(days).toMillis());
        });
    }
}
