package cn.tongguan.console.cache;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.jdbcx.JdbcConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's local H2 file database (one per platform and user, so that two seats on one PC never see each
 * other's outbox). Everything the console shows is read from here; the sync engine is the only writer of cases.
 */
public final class CacheDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CacheDatabase.class);

    /**
     * The secondary indexes of {@code cases}: dropped before a bulk fill of an empty table, rebuilt after it. Every
     * tab is a few states, so state-first indexes narrow each queue query to the open cases of its tab (a few
     * percent of the table); other filters are checked on those rows. More indexes cost seconds at every fill.
     */
    static final String[] CASE_INDEXES = {
        "CREATE INDEX IF NOT EXISTS cases_state_reported ON cases(state, reported_at)",
        "CREATE INDEX IF NOT EXISTS cases_state_deadline ON cases(state, deadline)",
        "CREATE INDEX IF NOT EXISTS cases_case_no ON cases(case_no)",
        // Duplicate suggestions look at a 96-hour window of reports around a case.
        "CREATE INDEX IF NOT EXISTS cases_reported ON cases(reported_at)",
        "CREATE INDEX IF NOT EXISTS closed_cases_case_no ON closed_cases(case_no)",
        "CREATE INDEX IF NOT EXISTS closed_cases_reported ON closed_cases(reported_at)",
    };

    /**
     * Finished cases (closed, cancelled, void) live in {@code closed_cases}: 97 % of a city's two years, which no tab
     * but "all" reads. Keeping them out of {@code cases} keeps the open cases — what a seat works on all day —
     * in a table small enough to stay in H2's page cache, so a tab reads its rows from memory.
     */
    public static final java.util.Set<String> FINISHED = java.util.Set.of("closed", "cancelled", "void");

    private static final String CASE_COLUMNS = """
            (id BIGINT PRIMARY KEY, case_no VARCHAR, state VARCHAR, source VARCHAR, kind VARCHAR,
              big_code VARCHAR, small_code VARCHAR, lng DOUBLE PRECISION, lat DOUBLE PRECISION,
              district_code VARCHAR, street_code VARCHAR, community_code VARCHAR, grid_code VARCHAR,
              part_code VARCHAR, address VARCHAR, description VARCHAR, urgency VARCHAR, reporter_name VARCHAR,
              reporter_phone VARCHAR, department_code VARCHAR, version BIGINT, reported_at BIGINT,
              updated_at BIGINT, filed_at BIGINT, dispatched_at BIGINT, disposed_at BIGINT, closed_at BIGINT,
              deadline BIGINT, warn_at BIGINT, limit_amount INT, limit_unit VARCHAR, light VARCHAR,
              overdue BOOLEAN, rework_count INT, back_count INT, extension_count INT, pending VARCHAR,
              request_type VARCHAR)""";

    /** The columns a cache from before the split had, moved over once. */
    private static final String MOVED_COLUMNS = CaseRows.COLUMNS.replace(", request_type", "") + ", pending";

    private final JdbcConnectionPool pool;

    private CacheDatabase(JdbcConnectionPool pool) {
        this.pool = pool;
    }

    /** Opens (creating if needed) the cache in {@code directory}. */
    public static CacheDatabase open(Path directory) {
        return open(url(directory, "cache"));
    }

    private static String url(Path directory, String name) {
        return "jdbc:h2:file:" + directory.toAbsolutePath().resolve(name) + ";DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=131072";
    }

    /**
     * A database opened by {@link #openOrRebuild}; {@code movedAside} is where a damaged file went (null: none);
     * {@code plain} holds the pending outbox entries of an unencrypted file of the same name that was replaced.
     */
    public record Opened(CacheDatabase db, Path movedAside, java.util.List<OutboxStore.Entry> plain) {
        public Opened(CacheDatabase db, Path movedAside) {
            this(db, movedAside, java.util.List.of());
        }
    }

    /** As {@link #openOrRebuild(Path, String, java.time.Clock, String)}, unencrypted (tests, benchmarks). */
    public static Opened openOrRebuild(Path directory, String name, java.time.Clock clock) {
        return openOrRebuild(directory, name, clock, null);
    }

    /**
     * Opens the database file {@code name} in {@code directory}, encrypted with H2's {@code CIPHER=AES} under
     * {@code fileKey} (derived from the user's password, never stored: {@link CacheKey}); null opens it unencrypted.
     * An unencrypted file found where an encrypted one belongs (a cache from before) is read once for its queued
     * actions ({@link Opened#plain()}) and deleted — it holds callers' names and phones in the clear — and an
     * encrypted one is made. A file that cannot be opened at all (truncated, "Chunk … not found", another key) is
     * moved aside as {@code name.mv.db.damaged-<time>} (time from {@code clock}) and an empty one is made, which the
     * sync fills again from the platform. Before this a damaged file left the seat at the login screen with an
     * exception on the FX thread.
     */
    public static Opened openOrRebuild(Path directory, String name, java.time.Clock clock, String fileKey) {
        try {
            return new Opened(open(url(directory, name, fileKey), password(fileKey)), null);
        } catch (CacheException | org.h2.message.DbException damaged) {
            Path file = directory.resolve(name + ".mv.db");
            java.util.List<OutboxStore.Entry> plain = fileKey == null ? null : readPlain(directory, name);
            try {
                if (plain != null) {
                    LOG.info("Cache {} was not encrypted: its queued actions are kept, the file is rebuilt encrypted", file);
                    java.nio.file.Files.delete(file);
                    java.nio.file.Files.deleteIfExists(directory.resolve(name + ".trace.db"));
                    return new Opened(open(url(directory, name, fileKey), password(fileKey)), null, plain);
                }
                String stamp = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", java.util.Locale.ROOT)
                        .withZone(java.time.ZoneOffset.UTC).format(clock.instant());
                Path aside = directory.resolve(name + ".mv.db.damaged-" + stamp);
                LOG.error("Cache {} cannot be opened; moved aside to {} and rebuilt: {}", file, aside, damaged.toString());
                java.nio.file.Files.move(file, aside, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                java.nio.file.Files.deleteIfExists(directory.resolve(name + ".trace.db"));
                return new Opened(open(url(directory, name, fileKey), password(fileKey)), aside);
            } catch (java.io.IOException e) {
                throw new CacheException("damaged cache " + file + " cannot be moved aside", e);
            }
        }
    }

    /** The pending outbox entries of an unencrypted file, or null if it is not one (or cannot be read). */
    private static java.util.List<OutboxStore.Entry> readPlain(Path directory, String name) {
        if (!java.nio.file.Files.isRegularFile(directory.resolve(name + ".mv.db"))) {
            return null;
        }
        CacheDatabase plain;
        try {
            plain = open(url(directory, name, null) + ";IFEXISTS=TRUE", "");
        } catch (CacheException | org.h2.message.DbException notPlain) {
            return null;
        }
        try {
            return new OutboxStore(plain).pending();
        } finally {
            plain.close();
        }
    }

    private static String url(Path directory, String name, String fileKey) {
        return url(directory, name) + (fileKey == null ? "" : ";CIPHER=AES");
    }

    /** H2's "file password, space, user password" when encrypted. */
    private static String password(String fileKey) {
        return fileKey == null ? "" : fileKey + " console";
    }

    public static CacheDatabase inMemory(String name) {
        return open("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "");
    }

    private static CacheDatabase open(String url) {
        return open(url, "");
    }

    private static CacheDatabase open(String url, String password) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "console", password);
        pool.setMaxConnections(8);
        CacheDatabase db = new CacheDatabase(pool);
        try {
            db.createSchema();
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
        LOG.info("Cache open at {}", url);
        return db;
    }

    private void createSchema() {
        try (Connection c = connection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS cases " + CASE_COLUMNS);
            boolean split = tableExists(c, "CLOSED_CASES");
            s.execute("CREATE TABLE IF NOT EXISTS closed_cases " + CASE_COLUMNS);
            if (!split) {
                // A cache from before the split: move its finished cases over once.
                s.execute("INSERT INTO closed_cases (" + MOVED_COLUMNS + ") SELECT " + MOVED_COLUMNS
                        + " FROM cases WHERE state IN ('closed', 'cancelled', 'void')");
                s.execute("DELETE FROM cases WHERE state IN ('closed', 'cancelled', 'void')");
            }
            // Added when the cache began keeping the hotline's request type (it was dropped on the way in).
            s.execute("ALTER TABLE cases ADD COLUMN IF NOT EXISTS request_type VARCHAR");
            s.execute("ALTER TABLE closed_cases ADD COLUMN IF NOT EXISTS request_type VARCHAR");
            s.execute("CREATE TABLE IF NOT EXISTS timelines (case_id BIGINT PRIMARY KEY, version BIGINT, json VARCHAR)");
            s.execute("CREATE TABLE IF NOT EXISTS reference (kind VARCHAR, json VARCHAR, PRIMARY KEY (kind))");
            s.execute("CREATE TABLE IF NOT EXISTS meta (k VARCHAR PRIMARY KEY, v VARCHAR)");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS outbox (
                      seq BIGINT AUTO_INCREMENT PRIMARY KEY, idem_key VARCHAR NOT NULL UNIQUE, case_id BIGINT NOT NULL,
                      action VARCHAR NOT NULL, base_version BIGINT NOT NULL, note VARCHAR, department_code VARCHAR,
                      hours INT, created_at BIGINT NOT NULL, status VARCHAR NOT NULL, message VARCHAR)""");
            // Added with hotline intake and merging; older caches get the columns here.
            s.execute("ALTER TABLE outbox ADD COLUMN IF NOT EXISTS target_case_id BIGINT");
            s.execute("ALTER TABLE outbox ADD COLUMN IF NOT EXISTS payload VARCHAR");
            // Issue 14: the state shown before the action, put back when a refusal's case cannot be re-read.
            s.execute("ALTER TABLE outbox ADD COLUMN IF NOT EXISTS state_before VARCHAR");
            s.execute("CREATE TABLE IF NOT EXISTS saved_filters (name VARCHAR PRIMARY KEY, json VARCHAR)");
            for (String index : CASE_INDEXES) {
                s.execute(index);
            }
            // Indexes of an earlier version of this file, no longer used.
            s.execute("DROP INDEX IF EXISTS cases_district_state");
            s.execute("DROP INDEX IF EXISTS cases_department_state");
        } catch (SQLException e) {
            throw new CacheException("cannot create the cache schema", e);
        }
    }

    private static boolean tableExists(Connection c, String name) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, null, name, null)) {
            return rs.next();
        }
    }

    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    @Override
    public void close() {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            LOG.debug("Cache shutdown: {}", e.toString());
        }
        pool.dispose();
    }
}
