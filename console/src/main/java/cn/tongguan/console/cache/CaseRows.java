package cn.tongguan.console.cache;

import cn.tongguan.api.Cases;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/** Maps {@link Cases.Case} to and from the columns of the cache's {@code cases} table. */
final class CaseRows {
    /** Every column but {@code pending}, in binding order. */
    static final String COLUMNS = "id, case_no, state, source, kind, big_code, small_code, lng, lat, district_code, "
            + "street_code, community_code, grid_code, part_code, address, description, urgency, reporter_name, "
            + "reporter_phone, department_code, version, reported_at, updated_at, filed_at, dispatched_at, disposed_at, "
            + "closed_at, deadline, warn_at, limit_amount, limit_unit, light, overdue, rework_count, back_count, "
            + "extension_count, request_type";
    static final int COUNT = 37;

    private CaseRows() {
    }

    static void bind(PreparedStatement ps, Cases.Case c) throws SQLException {
        int i = 1;
        ps.setLong(i++, c.id());
        ps.setString(i++, c.caseNo());
        ps.setString(i++, c.state());
        ps.setString(i++, c.source());
        ps.setString(i++, c.kind());
        ps.setString(i++, c.bigCode());
        ps.setString(i++, c.smallCode());
        ps.setDouble(i++, c.lng());
        ps.setDouble(i++, c.lat());
        ps.setString(i++, c.districtCode());
        ps.setString(i++, c.streetCode());
        ps.setString(i++, c.communityCode());
        ps.setString(i++, c.gridCode());
        ps.setString(i++, c.partCode());
        ps.setString(i++, c.address());
        ps.setString(i++, c.description());
        ps.setString(i++, c.urgency());
        ps.setString(i++, c.reporterName());
        ps.setString(i++, c.reporterPhone());
        ps.setString(i++, c.departmentCode());
        ps.setLong(i++, c.version());
        millis(ps, i++, c.reportedAt());
        millis(ps, i++, c.updatedAt());
        millis(ps, i++, c.filedAt());
        millis(ps, i++, c.dispatchedAt());
        millis(ps, i++, c.disposedAt());
        millis(ps, i++, c.closedAt());
        millis(ps, i++, c.deadline());
        // The platform's warn time (working time); the seat does not estimate one of its own.
        millis(ps, i++, c.warnAt());
        if (c.limitAmount() == null) {
            ps.setNull(i++, Types.INTEGER);
        } else {
            ps.setInt(i++, c.limitAmount());
        }
        ps.setString(i++, c.limitUnit());
        ps.setString(i++, c.light());
        ps.setBoolean(i++, c.overdue());
        ps.setInt(i++, c.reworkCount());
        ps.setInt(i++, c.backCount());
        ps.setInt(i++, c.extensionCount());
        ps.setString(i, c.requestType());
    }

    private static void millis(PreparedStatement ps, int i, Instant t) throws SQLException {
        if (t == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, t.toEpochMilli());
        }
    }

    /** Reads a row selected as {@code COLUMNS, pending}: the case as it came from the platform, and what waits. */
    static CachedCase read(ResultSet rs) throws SQLException {
        Cases.Case c = new Cases.Case(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getDouble(8), rs.getDouble(9), rs.getString(10), rs.getString(11),
                rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(16),
                rs.getString(17), rs.getString(18), rs.getString(19), rs.getString(20), rs.getLong(21), instant(rs, 22),
                instant(rs, 23), instant(rs, 24), instant(rs, 25), instant(rs, 26), instant(rs, 27), instant(rs, 28),
                (Integer) rs.getObject(30), rs.getString(31), rs.getString(32), rs.getBoolean(33), rs.getInt(34),
                rs.getInt(35), rs.getInt(36), rs.getString(37), instant(rs, 29));
        return new CachedCase(c, rs.getString(38), c.warnAt() == null ? null : c.warnAt().toEpochMilli());
    }

    private static Instant instant(ResultSet rs, int i) throws SQLException {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }
}
