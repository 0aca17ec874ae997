package cn.tongguan.platform.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** Small JDBC helpers: bind positional parameters, read nullable columns. */
public final class Sql {
    private Sql() {
    }

    public static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        bind(ps, args);
        return ps;
    }

    public static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a == null) {
                ps.setNull(i + 1, Types.VARCHAR);
            } else if (a instanceof NullOf n) {
                ps.setNull(i + 1, n.sqlType());
            } else if (a instanceof java.time.LocalDate d) {
                ps.setObject(i + 1, d);
            } else {
                ps.setObject(i + 1, a);
            }
        }
    }

    public static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, args)) {
            return ps.executeUpdate();
        }
    }

    public static long queryLong(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0L;
        }
    }

    public static Long getLong(ResultSet rs, String col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }

    public static Integer getInt(ResultSet rs, String col) throws SQLException {
        int v = rs.getInt(col);
        return rs.wasNull() ? null : v;
    }

    public static Double getDouble(ResultSet rs, String col) throws SQLException {
        double v = rs.getDouble(col);
        return rs.wasNull() ? null : v;
    }

    public static java.time.Instant instant(ResultSet rs, String col) throws SQLException {
        Long ms = getLong(rs, col);
        return ms == null ? null : java.time.Instant.ofEpochMilli(ms);
    }

    /** A typed SQL NULL for columns whose type the driver cannot guess (PostgreSQL is strict). */
    public record NullOf(int sqlType) {
        public static final NullOf BIGINT = new NullOf(Types.BIGINT);
        public static final NullOf INTEGER = new NullOf(Types.INTEGER);
        public static final NullOf DOUBLE = new NullOf(Types.DOUBLE);
        public static final NullOf BOOLEAN = new NullOf(Types.BOOLEAN);
    }
}
