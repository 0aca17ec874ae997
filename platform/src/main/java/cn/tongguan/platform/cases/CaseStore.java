package cn.tongguan.platform.cases;

import cn.tongguan.api.Cases;
import cn.tongguan.platform.storage.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** SQL of the cases table: one row ↔ {@link CaseRecord}, and the view the wire sees. */
final class CaseStore {
    static final String COLUMNS = "id, case_no, state, source, kind, big_code, small_code, lng, lat, district_code, street_code, "
            + "community_code, grid_code, part_code, address, description, urgency, reporter_name, reporter_phone, reported_by, "
            + "department_code, version, reported_at, updated_at, filed_at, dispatched_at, disposed_at, closed_at, limit_amount, "
            + "limit_unit, limit_minutes, consumed_minutes, clock_started_at, warn_at, deadline_at, frozen_light, "
            + "disposed_in_time, closed_in_time, rework_count, back_count, extension_count, requested_hours, request_type";
    static final String PLACEHOLDERS = "?" + ", ?".repeat(42);
    private static final String UPDATE = "UPDATE cases SET state = ?, department_code = ?, version = ?, updated_at = ?, "
            + "filed_at = ?, dispatched_at = ?, disposed_at = ?, closed_at = ?, limit_amount = ?, limit_unit = ?, "
            + "limit_minutes = ?, consumed_minutes = ?, clock_started_at = ?, warn_at = ?, deadline_at = ?, frozen_light = ?, "
            + "disposed_in_time = ?, closed_in_time = ?, rework_count = ?, back_count = ?, extension_count = ?, "
            + "requested_hours = ? WHERE id = ? AND version = ?";

    private CaseStore() {
    }

    static CaseRecord load(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = Sql.prepare(c, "SELECT " + COLUMNS + " FROM cases WHERE id = ?", id);
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? read(rs) : null;
        }
    }

    static CaseRecord read(ResultSet rs) throws SQLException {
        CaseRecord r = new CaseRecord();
        r.id = rs.getLong(1);
        r.caseNo = rs.getString(2);
        r.state = rs.getString(3);
        r.source = rs.getString(4);
        r.kind = rs.getString(5);
        r.bigCode = rs.getString(6);
        r.smallCode = rs.getString(7);
        r.lng = rs.getDouble(8);
        r.lat = rs.getDouble(9);
        r.districtCode = rs.getString(10);
        r.streetCode = rs.getString(11);
        r.communityCode = rs.getString(12);
        r.gridCode = rs.getString(13);
        r.partCode = rs.getString(14);
        r.address = rs.getString(15);
        r.description = rs.getString(16);
        r.urgency = rs.getString(17);
        r.reporterName = rs.getString(18);
        r.reporterPhone = rs.getString(19);
        r.reportedBy = rs.getString(20);
        r.departmentCode = rs.getString(21);
        r.version = rs.getLong(22);
        r.reportedAt = rs.getLong(23);
        r.updatedAt = rs.getLong(24);
        r.filedAt = Sql.getLong(rs, "filed_at");
        r.dispatchedAt = Sql.getLong(rs, "dispatched_at");
        r.disposedAt = Sql.getLong(rs, "disposed_at");
        r.closedAt = Sql.getLong(rs, "closed_at");
        r.limitAmount = Sql.getInt(rs, "limit_amount");
        r.limitUnit = rs.getString(30);
        r.limitMinutes = Sql.getLong(rs, "limit_minutes");
        r.consumedMinutes = Sql.getLong(rs, "consumed_minutes");
        r.clockStartedAt = Sql.getLong(rs, "clock_started_at");
        r.warnAt = Sql.getLong(rs, "warn_at");
        r.deadlineAt = Sql.getLong(rs, "deadline_at");
        r.frozenLight = rs.getString(36);
        r.disposedInTime = bool(rs, 37);
        r.closedInTime = bool(rs, 38);
        r.reworkCount = rs.getInt(39);
        r.backCount = rs.getInt(40);
        r.extensionCount = rs.getInt(41);
        r.requestedHours = Sql.getInt(rs, "requested_hours");
        r.requestType = rs.getString(43);
        return r;
    }

    private static Boolean bool(ResultSet rs, int col) throws SQLException {
        boolean b = rs.getBoolean(col);
        return rs.wasNull() ? null : b;
    }

    static void insert(Connection c, CaseRecord r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO cases (" + COLUMNS + ") VALUES (" + PLACEHOLDERS + ")")) {
            bindInsert(ps, r);
            ps.executeUpdate();
        }
        CaseTerms.index(c, r.id, r.description, r.address);
    }

    static void bindInsert(PreparedStatement ps, CaseRecord r) throws SQLException {
        Sql.bind(ps, r.id, r.caseNo, r.state, r.source, r.kind, r.bigCode, r.smallCode, r.lng, r.lat, r.districtCode,
                r.streetCode, r.communityCode, r.gridCode, r.partCode, r.address, r.description, r.urgency, r.reporterName,
                r.reporterPhone, r.reportedBy, r.departmentCode, r.version, r.reportedAt, r.updatedAt, l(r.filedAt),
                l(r.dispatchedAt), l(r.disposedAt), l(r.closedAt), i(r.limitAmount), r.limitUnit, l(r.limitMinutes),
                l(r.consumedMinutes), l(r.clockStartedAt), l(r.warnAt), l(r.deadlineAt), r.frozenLight, b(r.disposedInTime),
                b(r.closedInTime), r.reworkCount, r.backCount, r.extensionCount, i(r.requestedHours),
                r.requestType);
    }

    /** Writes the changed row if nobody else changed it since {@code expectedVersion}; false otherwise. */
    static boolean update(Connection c, CaseRecord r, long expectedVersion) throws SQLException {
        return Sql.update(c, UPDATE, r.state, r.departmentCode, r.version, r.updatedAt, l(r.filedAt), l(r.dispatchedAt),
                l(r.disposedAt), l(r.closedAt), i(r.limitAmount), r.limitUnit, l(r.limitMinutes), l(r.consumedMinutes),
                l(r.clockStartedAt), l(r.warnAt), l(r.deadlineAt), r.frozenLight, b(r.disposedInTime), b(r.closedInTime),
                r.reworkCount, r.backCount, r.extensionCount, i(r.requestedHours), r.id, expectedVersion) == 1;
    }

    private static Object l(Long v) {
        return v == null ? Sql.NullOf.BIGINT : v;
    }

    private static Object i(Integer v) {
        return v == null ? Sql.NullOf.INTEGER : v;
    }

    private static Object b(Boolean v) {
        return v == null ? Sql.NullOf.BOOLEAN : v;
    }

    static void insertStep(Connection c, long caseId, int seq, String action, String from, String to, String actor,
                           String role, long at, String note) throws SQLException {
        insertStep(c, caseId, seq, action, from, to, actor, role, at, note, null);
    }

    /** With the Idempotency-Key the step was requested with (null: none), kept to recognise a replay (ADR 0082). */
    static void insertStep(Connection c, long caseId, int seq, String action, String from, String to, String actor,
                           String role, long at, String note, String requestKey) throws SQLException {
        Sql.update(c, "INSERT INTO case_transitions (case_id, seq, action, from_state, to_state, actor, role, at, note, "
                + "request_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", caseId, seq, action, from, to, actor, role, at, note,
                requestKey);
    }

    static List<Cases.TimelineEntry> timeline(Connection c, long caseId) throws SQLException {
        List<Cases.TimelineEntry> out = new ArrayList<>();
        try (PreparedStatement ps = Sql.prepare(c, "SELECT seq, action, from_state, to_state, actor, role, at, note "
                + "FROM case_transitions WHERE case_id = ? ORDER BY seq", caseId); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Cases.TimelineEntry(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), Instant.ofEpochMilli(rs.getLong(7)), rs.getString(8)));
            }
        }
        return out;
    }

    /** The wire view at {@code now}; {@code personal} false drops (events) reporter name and phone. */
    static Cases.Case view(CaseRecord r, long now, Masking masking) {
        String light = r.light(now);
        return new Cases.Case(r.id, r.caseNo, r.state, r.source, r.kind, r.bigCode, r.smallCode, r.lng, r.lat,
                r.districtCode, r.streetCode, r.communityCode, r.gridCode, r.partCode, r.address, r.description, r.urgency,
                masking.name(r.reporterName), masking.phone(r.reporterPhone), r.departmentCode, r.version, t(r.reportedAt),
                t(r.updatedAt), t(r.filedAt), t(r.dispatchedAt), t(r.disposedAt), t(r.closedAt), t(r.deadlineAt),
                r.limitAmount, r.limitUnit, light, "red".equals(light), r.reworkCount, r.backCount, r.extensionCount,
                r.requestType, r.clockStartedAt == null ? null : t(r.warnAt));
    }

    private static Instant t(Long ms) {
        return ms == null ? null : Instant.ofEpochMilli(ms);
    }
}
