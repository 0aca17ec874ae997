package cn.tongguan.platform.audit;

import cn.tongguan.platform.storage.Database;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.api.Trigger;

/**
 * Makes {@code audit_log} append-only in the database itself, so that neither the platform's code nor anybody with
 * its database login can quietly edit or drop an entry: UPDATE is always refused, DELETE (and on PostgreSQL TRUNCATE)
 * too unless the deleting transaction has opened the pruning door ({@link #allowPruning}), which only
 * {@link AuditLog#prune} does and which it records as an entry. Installed at start (the trigger's body differs by
 * engine, so it is not a Flyway migration). On H2 this class is the trigger.
 */
public final class AppendOnlyTrigger implements Trigger {
    private static final String H2_FLAG = "@TONGGUAN_AUDIT_PRUNE";

    static void install(Database db) {
        db.write(tx -> {
            try (Statement s = tx.connection().createStatement()) {
                if (db.isPostgres()) {
                    s.execute("CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger AS $$ BEGIN "
                            + "IF TG_OP = 'DELETE' AND current_setting('tongguan.audit_prune', true) = 'on' THEN RETURN OLD; END IF; "
                            + "RAISE EXCEPTION 'audit_log is append-only (%)', TG_OP; END $$ LANGUAGE plpgsql");
                    s.execute("DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log");
                    s.execute("CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log "
                            + "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()");
                    s.execute("DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log");
                    s.execute("CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
                            + "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()");
                } else {
                    s.execute("CREATE TRIGGER IF NOT EXISTS audit_log_append_only BEFORE UPDATE, DELETE ON audit_log "
                            + "FOR EACH ROW CALL '" + AppendOnlyTrigger.class.getName() + "'");
                }
            }
            return null;
        });
    }

    /** Opens (or closes) the pruning door for the transaction on {@code c}. */
    static void allowPruning(Database db, Connection c, boolean on) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (db.isPostgres()) {
                // SET LOCAL ends with the transaction whatever happens.
                s.execute("SET LOCAL tongguan.audit_prune = '" + (on ? "on" : "off") + "'");
            } else {
                // An H2 session variable outlives the transaction on a pooled connection: closed again explicitly.
                s.execute("SET " + H2_FLAG + " = " + (on ? "TRUE" : "NULL"));
            }
        }
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        if (newRow == null) {
            try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT " + H2_FLAG)) {
                if (rs.next() && rs.getBoolean(1)) {
                    return;
                }
            }
        }
        throw new SQLException("audit_log is append-only (" + (newRow == null ? "DELETE" : "UPDATE") + ")", "42000");
    }
}
