package cn.tongguan.platform.lifeline;

import cn.tongguan.api.Lifeline;
import cn.tongguan.platform.auth.Principal;
import cn.tongguan.platform.events.EventLog;
import cn.tongguan.platform.http.ApiException;
import cn.tongguan.platform.storage.Database;
import cn.tongguan.platform.storage.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * ACTIVE → ACKNOWLEDGED → CLEARED, with who and when. One open alarm per sensor and kind: a higher level
 * escalates it (and sends {@code alarm.raised} again, same id) instead of adding a duplicate. Clearing is automatic
 * when the reading falls back past the lowest threshold by the kind's hysteresis, or manual. Every change appends
 * its event in the caller's transaction, and {@code sensor.status} when the sensor's state or level moved.
 */
public final class AlarmLifecycle {
    /** Who clears an alarm the readings cleared, and who files its case. */
    public static final String SYSTEM = "system";
    static final String NO_DATA = "NO_DATA";
    private static final int NEAREST_CAMERAS = 4;

    /** The sensor row a judgement needs. */
    record Sensor(String id, String kind, String name, String unit, double lng, double lat, Double lastValue, Long lastAt,
                  Long seenAt) {
    }

    private final Database db;
    private final EventLog events;
    private final Clock clock;
    private final ThresholdTable thresholds;
    private final AlarmStore store;
    private volatile LongConsumer caseRequests = id -> { };

    public AlarmLifecycle(Database db, EventLog events, Clock clock, ThresholdTable thresholds) {
        this.db = db;
        this.events = events;
        this.clock = clock;
        this.thresholds = thresholds;
        this.store = new AlarmStore(db);
    }

    /** Where alarms that should file a case are sent once their transaction committed (by alarm id). */
    public void onCaseNeeded(LongConsumer requests) {
        this.caseRequests = requests;
    }

    AlarmStore store() {
        return store;
    }

    static Optional<Sensor> sensor(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = Sql.prepare(c, "SELECT id, kind, name, unit, lng, lat, last_value, last_at, seen_at "
                + "FROM sensors WHERE id = ?", id); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(sensor(rs)) : Optional.empty();
        }
    }

    static Sensor sensor(ResultSet rs) throws SQLException {
        return new Sensor(rs.getString("id"), rs.getString("kind"), rs.getString("name"), rs.getString("unit"),
                rs.getDouble("lng"), rs.getDouble("lat"), Sql.getDouble(rs, "last_value"), Sql.getLong(rs, "last_at"),
                Sql.getLong(rs, "seen_at"));
    }

    /**
     * The reading {@code value} judged for one alarm kind: {@code level}/{@code threshold} reached (null: none),
     * raise or escalate; below the lowest threshold by the hysteresis, clear.
     */
    void judge(Database.Tx tx, Sensor s, ThresholdTable.AlarmKind kind, String level, double value, double threshold,
               double lowest, long at) throws SQLException {
        Optional<Lifeline.Alarm> open = store.open(tx.connection(), s.id(), kind.kind());
        if (level != null) {
            raise(tx, s, kind, open, level, value, threshold, at);
        } else if (open.isPresent()) {
            boolean back = kind.above() ? value < lowest - kind.hysteresis() : value > lowest + kind.hysteresis();
            if (back) {
                clear(tx, open.get(), SYSTEM, null, at);
            }
        }
    }

    /** Raises a new alarm or escalates the open one when {@code level} is higher; the same or lower changes nothing. */
    void raise(Database.Tx tx, Sensor s, ThresholdTable.AlarmKind kind, Optional<Lifeline.Alarm> open, String level,
               double value, double threshold, long at) throws SQLException {
        Lifeline.Alarm alarm;
        if (open.isEmpty()) {
            alarm = store.insert(tx.connection(), s.id(), s.kind(), kind.kind(), level, value, threshold, at,
                    NearestCameras.of(tx.connection(), s.lng(), s.lat(), NEAREST_CAMERAS));
        } else if (ThresholdTable.rank(level) > ThresholdTable.rank(open.get().level())) {
            store.escalate(tx.connection(), open.get().id(), level, value, threshold, at);
            alarm = store.find(tx.connection(), open.get().id()).orElseThrow();
        } else {
            return;
        }
        events.append(tx, "alarm.raised", alarm);
        if (AlarmCases.needsCase(alarm, kind)) {
            long id = alarm.id();
            tx.afterCommit(() -> caseRequests.accept(id));
        }
    }

    void clear(Database.Tx tx, Lifeline.Alarm alarm, String by, String note, long at) throws SQLException {
        store.clear(tx.connection(), alarm.id(), by, note, at);
        events.append(tx, "alarm.cleared", store.find(tx.connection(), alarm.id()).orElseThrow());
    }

    public Lifeline.Alarm acknowledge(Principal p, long id, Lifeline.AlarmAction action) {
        return move(p, id, action, "ACKNOWLEDGED");
    }

    public Lifeline.Alarm clear(Principal p, long id, Lifeline.AlarmAction action) {
        return move(p, id, action, "CLEARED");
    }

    private Lifeline.Alarm move(Principal p, long id, Lifeline.AlarmAction action, String to) {
        String note = action == null ? null : action.note();
        return db.write(tx -> {
            Lifeline.Alarm a = store.find(tx.connection(), id).orElseThrow(() -> ApiException.notFound("alarm", id));
            boolean legal = "ACKNOWLEDGED".equals(to) ? "ACTIVE".equals(a.state()) : !"CLEARED".equals(a.state());
            if (!legal) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("state", a.state());
                d.put("alarm", a);
                throw ApiException.conflict("illegal_alarm_transition", d, a.state(), to);
            }
            Sensor s = sensor(tx.connection(), a.sensorId()).orElse(null);
            Lifeline.SensorStatus before = s == null ? null : status(tx.connection(), s);
            long now = clock.millis();
            if ("ACKNOWLEDGED".equals(to)) {
                store.acknowledge(tx.connection(), id, p.username(), note, now);
                Lifeline.Alarm after = store.find(tx.connection(), id).orElseThrow();
                events.append(tx, "alarm.acknowledged", after);
                return after;
            }
            clear(tx, a, p.username(), note, now);
            if (s != null) {
                statusChanged(tx, before, status(tx.connection(), s));
            }
            return store.find(tx.connection(), id).orElseThrow();
        });
    }

    /** Appends {@code sensor.status} when the state or level moved. */
    void statusChanged(Database.Tx tx, Lifeline.SensorStatus before, Lifeline.SensorStatus after) throws SQLException {
        if (before == null || !before.state().equals(after.state()) || !java.util.Objects.equals(before.level(), after.level())) {
            events.append(tx, "sensor.status", after);
        }
    }

    /** A sensor's status from its open alarms: NODATA while heartbeats are missed, ALARM while any other is open. */
    Lifeline.SensorStatus status(Connection c, Sensor s) throws SQLException {
        return status(s, store.openOf(c, s.id()));
    }

    static Lifeline.SensorStatus status(Sensor s, List<Lifeline.Alarm> open) {
        boolean noData = false;
        String level = null;
        for (Lifeline.Alarm a : open) {
            if (NO_DATA.equals(a.kind())) {
                noData = true;
            } else if (level == null || ThresholdTable.rank(a.level()) > ThresholdTable.rank(level)) {
                level = a.level();
            }
        }
        String state = noData ? "NODATA" : open.isEmpty() ? "OK" : "ALARM";
        return new Lifeline.SensorStatus(s.id(), state, level, s.lastValue(),
                s.lastAt() == null ? null : Instant.ofEpochMilli(s.lastAt()),
                s.seenAt() == null ? null : Instant.ofEpochMilli(s.seenAt()));
    }

    /** Every sensor's status (the wall's map loads it once, then follows {@code sensor.status}). */
    public List<Lifeline.SensorStatus> statuses() {
        return db.read(tx -> {
            Map<String, List<Lifeline.Alarm>> open = new HashMap<>();
            for (Lifeline.Alarm a : store.allOpen(tx.connection())) {
                open.computeIfAbsent(a.sensorId(), k -> new ArrayList<>()).add(a);
            }
            List<Lifeline.SensorStatus> out = new ArrayList<>();
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT id, kind, name, unit, lng, lat, last_value, "
                    + "last_at, seen_at FROM sensors ORDER BY id"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Sensor s = sensor(rs);
                    out.add(status(s, open.getOrDefault(s.id(), List.of())));
                }
            }
            return out;
        });
    }

    public List<Lifeline.Alarm> list(List<String> states, String sensorId, int limit) {
        return db.read(tx -> store.list(tx.connection(), states, sensorId, limit));
    }

    public Optional<Lifeline.Alarm> find(long id) {
        return db.read(tx -> store.find(tx.connection(), id));
    }

    /** Records the case an alarm filed and tells subscribers ({@code alarm.updated}). */
    public void attachCase(long alarmId, long caseId) {
        db.write(tx -> {
            store.attachCase(tx.connection(), alarmId, caseId, clock.millis());
            events.append(tx, "alarm.updated", store.find(tx.connection(), alarmId).orElseThrow());
            return null;
        });
    }
}
