package cn.tongguan.platform.lifeline;

import cn.tongguan.api.Lifeline;
import cn.tongguan.platform.storage.Database;
import cn.tongguan.platform.storage.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Rows of the {@code alarms} table as {@link Lifeline.Alarm}s; ids allocated in memory under the write lock. */
final class AlarmStore {
    private static final String COLUMNS = "id, sensor_id, sensor_kind, kind, level, val, threshold, state, raised_at, "
            + "updated_at, acknowledged_by, acknowledged_at, cleared_by, cleared_at, case_id, camera_ids";

    private long nextId;

    AlarmStore(Database db) {
        this.nextId = db.read(tx -> Sql.queryLong(tx.connection(), "SELECT COALESCE(MAX(id), 0) FROM alarms")) + 1;
        // Ids continue after those another platform instance on the same database gave (ADR 0101).
        db.onForeignWrites(tx -> {
            nextId = Math.max(nextId, Sql.queryLong(tx.connection(), "SELECT COALESCE(MAX(id), 0) FROM alarms") + 1);
            return null;
        });
    }

    static String openKey(String sensorId, String kind) {
        return sensorId + "|" + kind;
    }

    Lifeline.Alarm insert(Connection c, String sensorId, String sensorKind, String kind, String level, double value,
                          double threshold, long at, List<String> cameraIds) throws SQLException {
        long id = nextId++;
        Sql.update(c, "INSERT INTO alarms (id, sensor_id, sensor_kind, kind, level, val, threshold, state, raised_at, "
                + "updated_at, camera_ids, open_key) VALUES (?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?)", id, sensorId,
                sensorKind, kind, level, value, threshold, at, at, String.join(",", cameraIds), openKey(sensorId, kind));
        Instant when = Instant.ofEpochMilli(at);
        return new Lifeline.Alarm(id, sensorId, sensorKind, kind, level, value, threshold, "ACTIVE", when, when, null, null,
                null, null, null, cameraIds);
    }

    /** A higher level: back to ACTIVE (a new level needs a new acknowledgement). */
    void escalate(Connection c, long id, String level, double value, double threshold, long at) throws SQLException {
        Sql.update(c, "UPDATE alarms SET level = ?, val = ?, threshold = ?, state = 'ACTIVE', updated_at = ? WHERE id = ?",
                level, value, threshold, at, id);
    }

    void acknowledge(Connection c, long id, String by, String note, long at) throws SQLException {
        Sql.update(c, "UPDATE alarms SET state = 'ACKNOWLEDGED', acknowledged_by = ?, acknowledged_at = ?, "
                + "acknowledge_note = ?, updated_at = ? WHERE id = ?", by, at, note, at, id);
    }

    void clear(Connection c, long id, String by, String note, long at) throws SQLException {
        Sql.update(c, "UPDATE alarms SET state = 'CLEARED', cleared_by = ?, cleared_at = ?, clear_note = ?, updated_at = ?, "
                + "open_key = NULL WHERE id = ?", by, at, note, at, id);
    }

    void attachCase(Connection c, long id, long caseId, long at) throws SQLException {
        Sql.update(c, "UPDATE alarms SET case_id = ?, updated_at = ? WHERE id = ?", caseId, at, id);
    }

    Optional<Lifeline.Alarm> find(Connection c, long id) throws SQLException {
        return one(c, "SELECT " + COLUMNS + " FROM alarms WHERE id = ?", id);
    }

    Optional<Lifeline.Alarm> open(Connection c, String sensorId, String kind) throws SQLException {
        return one(c, "SELECT " + COLUMNS + " FROM alarms WHERE open_key = ?", openKey(sensorId, kind));
    }

    /** Alarms not cleared of one sensor. */
    List<Lifeline.Alarm> openOf(Connection c, String sensorId) throws SQLException {
        return many(c, "SELECT " + COLUMNS + " FROM alarms WHERE sensor_id = ? AND open_key IS NOT NULL ORDER BY id", 1000,
                sensorId);
    }

    /** Alarms not cleared, all sensors (for the status of every sensor in one query). */
    List<Lifeline.Alarm> allOpen(Connection c) throws SQLException {
        return many(c, "SELECT " + COLUMNS + " FROM alarms WHERE open_key IS NOT NULL ORDER BY id", 100_000);
    }

    /** Newest first; {@code states} empty = any; {@code sensorId} null = any. */
    List<Lifeline.Alarm> list(Connection c, List<String> states, String sensorId, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM alarms WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (!states.isEmpty()) {
            sql.append(" AND state IN (").append(String.join(", ", states.stream().map(s -> "?").toList())).append(')');
            args.addAll(states);
        }
        if (sensorId != null) {
            sql.append(" AND sensor_id = ?");
            args.add(sensorId);
        }
        sql.append(" ORDER BY id DESC");
        return many(c, sql.toString(), limit, args.toArray());
    }

    private Optional<Lifeline.Alarm> one(Connection c, String sql, Object... args) throws SQLException {
        List<Lifeline.Alarm> l = many(c, sql, 1, args);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    private List<Lifeline.Alarm> many(Connection c, String sql, int limit, Object... args) throws SQLException {
        List<Lifeline.Alarm> out = new ArrayList<>();
        try (PreparedStatement ps = Sql.prepare(c, sql, args)) {
            ps.setMaxRows(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
        }
        return out;
    }

    private static Lifeline.Alarm row(ResultSet rs) throws SQLException {
        String cams = rs.getString("camera_ids");
        List<String> cameraIds = cams == null || cams.isEmpty() ? List.of() : Arrays.asList(cams.split(","));
        return new Lifeline.Alarm(rs.getLong("id"), rs.getString("sensor_id"), rs.getString("sensor_kind"),
                rs.getString("kind"), rs.getString("level"), rs.getDouble("val"), rs.getDouble("threshold"),
                rs.getString("state"), Sql.instant(rs, "raised_at"), Sql.instant(rs, "updated_at"),
                rs.getString("acknowledged_by"), Sql.instant(rs, "acknowledged_at"), rs.getString("cleared_by"),
                Sql.instant(rs, "cleared_at"), Sql.getLong(rs, "case_id"), cameraIds);
    }
}
