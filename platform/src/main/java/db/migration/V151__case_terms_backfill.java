package db.migration;

import cn.tongguan.platform.cases.CaseTerms;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills {@code case_terms} (V150) for the cases a database already holds, then builds its index over the rows (a
 * sort once, not an index insert per row). The pairs are computed in Java ({@link CaseTerms}), the same code as
 * every write, so H2 and PostgreSQL hold identical rows. Commits every chunk so that 20 million rows are never one
 * transaction's undo log; a run killed midway is not recorded by Flyway and starts again from an emptied table.
 */
public class V151__case_terms_backfill extends BaseJavaMigration {
    private static final Logger LOG = LoggerFactory.getLogger(V151__case_terms_backfill.class);
    private static final int CHUNK = 10_000;

    @Override
    public boolean canExecuteInTransaction() {
        return false;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        boolean autoCommit = c.getAutoCommit();
        long start = System.nanoTime();
        long cases = 0;
        c.setAutoCommit(false);
        try (Statement st = c.createStatement();
             PreparedStatement read = c.prepareStatement(
                     "SELECT id, description, address FROM cases WHERE id > ? ORDER BY id FETCH FIRST " + CHUNK + " ROWS ONLY");
             PreparedStatement insert = c.prepareStatement(CaseTerms.INSERT)) {
            st.execute("TRUNCATE TABLE case_terms");
            c.commit();
            long last = Long.MIN_VALUE;
            while (true) {
                read.setLong(1, last);
                int n = 0;
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        last = rs.getLong(1);
                        CaseTerms.addBatch(insert, last, rs.getString(2), rs.getString(3));
                        n++;
                    }
                }
                if (n == 0) {
                    break;
                }
                insert.executeBatch();
                c.commit();
                cases += n;
            }
            long filled = System.nanoTime();
            st.execute("CREATE INDEX case_terms_term ON case_terms (term, case_id)");
            c.commit();
            LOG.info("Free-text pairs of {} cases written in {} ms, indexed in {} ms", cases,
                    (filled - start) / 1_000_000, (System.nanoTime() - filled) / 1_000_000);
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }
}
