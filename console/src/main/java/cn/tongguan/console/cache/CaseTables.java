package cn.tongguan.console.cache;

import cn.tongguan.api.Cases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** SQL of the two case tables: which table a case belongs in, inserts, version-checked merges, moves. */
final class CaseTables {
    static final String OPEN = "cases";
    static final String CLOSED = "closed_cases";

    private CaseTables() {
    }

    static String table(Cases.Case item) {
        return CacheDatabase.FINISHED.contains(item.state()) ? CLOSED : OPEN;
    }

    static String other(String table) {
        return OPEN.equals(table) ? CLOSED : OPEN;
    }

    static String insert(String table) {
        return "INSERT INTO " + table + " (" + CaseRows.COLUMNS + ") VALUES (" + "?, ".repeat(CaseRows.COUNT - 1) + "?)";
    }

    /** Newer-or-equal versions win: the platform's answer to our own action carries the version we predicted. */
    static String upsert(String table) {
        return mergeStatement(table, false);
    }

    /**
     * A snapshot's rows are the platform's truth: they win whatever the version unless the seat has an action queued
     * on the case (its row shows the prediction). A platform restored after a crash is behind the seat's versions,
     * and "newer wins" alone would keep the lost states for good.
     */
    static String authoritative(String table) {
        return mergeStatement(table, true);
    }

    /** Takes a case out of the table it no longer belongs in, unless that copy is newer. */
    static String leave(String table, boolean authoritative) {
        return "DELETE FROM " + table + " WHERE id = ? AND (version <= ?" + (authoritative ? " OR pending IS NULL)" : ")");
    }

    static String mergeStatement(String table, boolean authoritative) {
        String[] cols = CaseRows.COLUMNS.split(", ");
        StringBuilder sql = new StringBuilder("MERGE INTO " + table + " t USING (SELECT * FROM (SELECT ");
        for (int i = 0; i < cols.length; i++) {
            sql.append(i == 0 ? "" : ", ").append("CAST(? AS ").append(type(cols[i])).append(") ").append(cols[i]);
        }
        // Nothing is written where the other table already holds a newer version (a late event of a closed case).
        String keep = authoritative ? " AND o.pending IS NOT NULL" : "";
        String wins = authoritative ? "(t.version <= s.version OR t.pending IS NULL)" : "t.version <= s.version";
        sql.append(") x WHERE NOT EXISTS (SELECT 1 FROM ").append(other(table))
                .append(" o WHERE o.id = x.id AND o.version > x.version").append(keep).append(")) s ON t.id = s.id WHEN MATCHED AND ")
                .append(wins).append(" THEN UPDATE SET ");
        for (int i = 1; i < cols.length; i++) {
            sql.append(i == 1 ? "" : ", ").append(cols[i]).append(" = ");
            if (cols[i].startsWith("reporter_")) {
                // Events carry no personal data (they also reach the wall): keep what the snapshot or detail gave.
                sql.append("COALESCE(s.").append(cols[i]).append(", t.").append(cols[i]).append(')');
            } else {
                sql.append("s.").append(cols[i]);
            }
        }
        sql.append(" WHEN NOT MATCHED THEN INSERT (").append(CaseRows.COLUMNS).append(") VALUES (");
        for (int i = 0; i < cols.length; i++) {
            sql.append(i == 0 ? "" : ", ").append("s.").append(cols[i]);
        }
        return sql.append(')').toString();
    }

    static String type(String column) {
        return switch (column) {
            case "lng", "lat" -> "DOUBLE PRECISION";
            case "limit_amount", "rework_count", "back_count", "extension_count" -> "INT";
            case "overdue" -> "BOOLEAN";
            case "id", "version", "reported_at", "updated_at", "filed_at", "dispatched_at", "disposed_at", "closed_at",
                 "deadline", "warn_at" -> "BIGINT";
            default -> "VARCHAR";
        };
    }

    /**
     * The rows of one table in a fill or an upsert: inserted (empty cache) or merged by version, and then taken out
     * of the other table (a case that has just been closed leaves the open ones).
     */
    static final class Writer implements AutoCloseable {
        private final PreparedStatement write;
        private final PreparedStatement leave;
        private boolean pending;

        Writer(Connection c, String table, boolean empty) throws SQLException {
            this(c, table, empty, false);
        }

        Writer(Connection c, String table, boolean empty, boolean authoritative) throws SQLException {
            this.write = c.prepareStatement(empty ? insert(table) : mergeStatement(table, authoritative));
            this.leave = empty ? null : c.prepareStatement(leave(other(table), authoritative));
        }

        void add(Cases.Case item) throws SQLException {
            CaseRows.bind(write, item);
            write.addBatch();
            if (leave != null) {
                leave.setLong(1, item.id());
                leave.setLong(2, item.version());
                leave.addBatch();
            }
            pending = true;
        }

        void flush() throws SQLException {
            if (pending) {
                write.executeBatch();
                if (leave != null) {
                    leave.executeBatch();
                }
                pending = false;
            }
        }

        @Override
        public void close() throws SQLException {
            try (write) {
                if (leave != null) {
                    leave.close();
                }
            }
        }
    }
}
