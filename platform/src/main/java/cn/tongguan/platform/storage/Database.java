package cn.tongguan.platform.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one database of the platform (H2 file by default, PostgreSQL in production), migrated by Flyway.
 * All writes go through {@link #write}: one JVM-wide lock serialises write transactions so that event ids are
 * committed in id order (a reader that has seen id N never misses a smaller id later) and ids/case numbers can
 * be allocated in memory. This assumes one platform process per database (ADR 0011).
 * <p>
 * A write returns only once its transaction is durable ({@link Durability}, ADR 0080): on H2 by group commit (one
 * store write and fsync for every commit made while the previous one ran), on PostgreSQL by the commit itself.
 * Hooks registered with {@link Tx#afterDurable} (publishing events) run in commit order once that is so.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource dataSource;
    private final boolean postgres;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Durability durability;
    /** What makes the commits so far durable: nothing on PostgreSQL and in-memory H2. */
    private final boolean needsFlush;
    private final GroupCommit group;
    /** The flusher's own connection (GROUP) or the writers' (PER_COMMIT, under the lock). */
    private Connection flushConnection;

    public Database(String jdbcUrl, String user, String password, int poolSize) {
        this(jdbcUrl, user, password, poolSize, Durability.GROUP);
    }

    public Database(String jdbcUrl, String user, String password, int poolSize, Durability durability) {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(jdbcUrl);
        if (user != null) {
            cfg.setUsername(user);
        }
        if (password != null) {
            cfg.setPassword(password);
        }
        cfg.setMaximumPoolSize(poolSize);
        cfg.setPoolName("tongguan-db");
        this.postgres = jdbcUrl.startsWith("jdbc:postgresql:");
        if (postgres) {
            // A commit is durable when it returns: whatever the server or role default says (ADR 0080).
            cfg.setConnectionInitSql("SET synchronous_commit TO on");
        }
        this.dataSource = new HikariDataSource(cfg);
        if (postgres) {
            warnIfFsyncOff();
        }
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        this.durability = durability;
        this.needsFlush = jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:h2:mem:") && durability != Durability.LAZY;
        this.group = durability == Durability.GROUP ? new GroupCommit(this::flush, "db-group-commit") : null;
        LOG.info("Database ready: {} ({} commit)", postgres ? "PostgreSQL" : "H2", durability);
    }

    /**
     * Makes every transaction committed so far durable. H2's MVStore keeps commits in memory until its background
     * writer stores them (WRITE_DELAY, 500 ms by default); here the store writes them now and fsyncs the file.
     * Runs on one thread at a time (the flusher, or a writer under the lock).
     */
    private void flush() throws SQLException {
        if (!needsFlush) {
            return;
        }
        try {
            if (flushConnection == null) {
                flushConnection = dataSource.getConnection();
                flushConnection.setAutoCommit(true);
            }
            // Embedded: store the pending chunk and fsync, nothing else. CHECKPOINT SYNC does the same plus a
            // compaction pass on every call, which cost a quarter of the throughput (docs/benchmarks.md).
            if (flushConnection.unwrap(org.h2.jdbc.JdbcConnection.class).getSession() instanceof org.h2.engine.SessionLocal local
                    && local.getDatabase().getStore() != null) {
                org.h2.mvstore.MVStore store = local.getDatabase().getStore().getMvStore();
                store.commit();
                store.sync();
            } else {
                try (java.sql.Statement st = flushConnection.createStatement()) {
                    st.execute("CHECKPOINT SYNC");
                }
            }
        } catch (SQLException e) {
            closeQuietly(flushConnection);
            flushConnection = null;
            throw e;
        }
    }

    /** fsync is server-wide and cannot be set per session: a server without it loses commits on a power cut. */
    private void warnIfFsyncOff() {
        try (Connection c = dataSource.getConnection(); java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SHOW fsync")) {
            if (rs.next() && "off".equalsIgnoreCase(rs.getString(1))) {
                LOG.warn("PostgreSQL runs with fsync=off: acknowledged writes survive a platform crash but not a power cut "
                        + "(acceptable for a test cluster only)");
            }
        } catch (SQLException e) {
            LOG.warn("Cannot read PostgreSQL's fsync setting: {}", e.getMessage());
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // already broken: it was being replaced
            }
        }
    }

    public boolean isPostgres() {
        return postgres;
    }

    /** Work that needs a connection; {@link Tx#afterCommit} hooks run after a successful commit. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Tx tx) throws SQLException;
    }

    /**
     * A transaction: its connection; what to do once it is committed (still under the write lock: in-memory state
     * the next transaction relies on); and what to do once it is durable (publishing it to others).
     */
    public static final class Tx {
        private final Connection connection;
        private final List<Runnable> afterCommit = new ArrayList<>();
        private final List<Runnable> afterDurable = new ArrayList<>();

        Tx(Connection connection) {
            this.connection = connection;
        }

        public Connection connection() {
            return connection;
        }

        public void afterCommit(Runnable hook) {
            afterCommit.add(hook);
        }

        /**
         * Runs {@code hook} once the transaction is on disk, in commit order with the hooks of other transactions,
         * before {@link #write} returns. It may run on the flusher thread: it must be quick and must not write.
         */
        public void afterDurable(Runnable hook) {
            afterDurable.add(hook);
        }
    }

    public <T> T read(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            return work.run(new Tx(c));
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    /** Runs {@code work} in one serialised transaction; rolls everything back on any exception. */
    public <T> T write(Work<T> work) {
        T result;
        long seq;
        writeLock.lock();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            Tx tx = new Tx(c);
            try {
                result = work.run(tx);
                c.commit();
                tx.afterCommit.forEach(Runnable::run);
                if (group == null) {
                    if (durability == Durability.PER_COMMIT) {
                        flush();
                    }
                    tx.afterDurable.forEach(Runnable::run);
                    return result;
                }
                seq = group.enqueue(tx.afterDurable);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StorageException(e);
        } finally {
            writeLock.unlock();
        }
        // Outside the lock, so that the next writers commit while this batch is being flushed.
        group.await(seq);
        return result;
    }

    /**
     * Waits until every transaction committed before the call is durable (a reader that is about to hand out what
     * it read, e.g. a snapshot, must not show what a crash could take back).
     */
    public void awaitDurable() {
        if (group != null) {
            group.await(group.committed());
        }
    }

    public Durability durability() {
        return durability;
    }

    /** Holds the write lock while {@code work} runs outside a transaction (e.g. to stamp a snapshot). */
    public <T> T underWriteLock(java.util.function.Supplier<T> work) {
        writeLock.lock();
        try {
            return work.get();
        } finally {
            writeLock.unlock();
        }
    }

    public Connection rawConnection() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public void close() {
        if (group != null) {
            group.close();
        }
        closeQuietly(flushConnection);
        dataSource.close();
    }
}
