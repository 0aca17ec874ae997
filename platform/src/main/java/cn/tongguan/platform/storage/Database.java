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
 * be allocated in memory (ADR 0011).
 * <p>
 * On PostgreSQL several platform instances may share the database (ADR 0101): every write transaction first bumps
 * the one row of {@code cluster_epoch}, whose row lock orders the writers of all instances, and whose number tells
 * this instance whether another one wrote since its own last write; if so, the {@link #onForeignWrites} hooks reload
 * what is kept in memory (id counters, caches, the other instance's events) inside that transaction, before its work.
 * Between writes, {@link ClusterLink} hears the others' commits (LISTEN/NOTIFY) and runs the same hooks.
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
    /** What reloads in-memory state after other instances wrote (PostgreSQL only); in registration order. */
    private final List<Work<?>> foreignWriteHooks = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The {@code cluster_epoch} this instance's memory reflects (under the write lock). */
    private long seenEpoch;
    /** This process among the instances (the NOTIFY payload that lets it ignore its own commits). */
    private final String instanceId = java.util.UUID.randomUUID().toString();
    private final ClusterLink link;

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
        // Only where commits need a flush to be durable (an H2 file): on PostgreSQL the commit itself is durable, so
        // hooks run at once under the write lock, in commit order, and a catch-up never overtakes them (ADR 0101).
        this.group = durability == Durability.GROUP && needsFlush ? new GroupCommit(this::flush, "db-group-commit") : null;
        // What every component loads after this line already reflects at least this epoch.
        this.seenEpoch = read(tx -> Sql.queryLong(tx.connection(), "SELECT n FROM cluster_epoch WHERE id = 1"));
        this.link = postgres ? new ClusterLink(jdbcUrl, user, password, instanceId, this::catchUp) : null;
        BulkIndexes.restorePending(this);
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
                long epoch = postgres ? claimEpoch(tx) : 0;
                result = work.run(tx);
                c.commit();
                if (postgres) {
                    seenEpoch = epoch;
                }
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
     * Registers {@code hook}, run with a transaction's connection when other instances wrote since this one last
     * looked (before this instance's next write, or when their commit is heard): it reloads what this instance keeps
     * in memory. It runs under the write lock; it must only read.
     */
    public void onForeignWrites(Work<?> hook) {
        foreignWriteHooks.add(hook);
    }

    /**
     * First statement of a write on PostgreSQL: takes the epoch row (waiting for another instance's writer), bumps it,
     * and reloads memory if someone else bumped it since; the commit then tells the other instances.
     */
    private long claimEpoch(Tx tx) throws SQLException {
        long epoch;
        try (java.sql.PreparedStatement ps = tx.connection().prepareStatement(
                "UPDATE cluster_epoch SET n = n + 1 WHERE id = 1 RETURNING n"); java.sql.ResultSet rs = ps.executeQuery()) {
            rs.next();
            epoch = rs.getLong(1);
        }
        if (epoch - 1 != seenEpoch) {
            runForeignWriteHooks(tx);
        }
        try (java.sql.PreparedStatement ps = Sql.prepare(tx.connection(), "SELECT pg_notify('" + ClusterLink.CHANNEL + "', current_schema() || ' ' || ?)", instanceId)) {
            ps.execute();
        }
        return epoch;
    }

    /**
     * Marks {@code topic} (something instances keep loaded: reference data, thresholds) changed by {@code tx}, so that
     * the other instances reload it ({@link #topicVersion}) instead of reloading everything on every foreign write.
     */
    public static void changed(Tx tx, String topic) throws SQLException {
        if (Sql.update(tx.connection(), "UPDATE cluster_topics SET n = n + 1 WHERE topic = ?", topic) == 0) {
            Sql.update(tx.connection(), "INSERT INTO cluster_topics (topic, n) VALUES (?, 1)", topic);
        }
    }

    /**
     * Runs {@code reload} when another instance changed {@code topic} since the version {@code loaded} answers (what
     * the caller read when it last loaded, with {@link #topicVersion}).
     */
    public void reloadOnChange(String topic, java.util.function.LongSupplier loaded, Runnable reload) {
        onForeignWrites(tx -> {
            if (topicVersion(tx, topic) != loaded.getAsLong()) {
                reload.run();
            }
            return null;
        });
    }

    /** How many times {@code topic} was changed (0: never). */
    public static long topicVersion(Tx tx, String topic) throws SQLException {
        return Sql.queryLong(tx.connection(), "SELECT COALESCE(MAX(n), 0) FROM cluster_topics WHERE topic = ?", topic);
    }

    private void runForeignWriteHooks(Tx tx) throws SQLException {
        for (Work<?> hook : foreignWriteHooks) {
            hook.run(tx);
        }
    }

    /**
     * Brings memory up to what the other instances committed (their events reach this instance's subscribers here);
     * a no-op when nobody else wrote, and on H2 (one process per file).
     */
    public void catchUp() {
        if (!postgres) {
            return;
        }
        writeLock.lock();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            // The epoch first, then the data: what the hooks read is at least as new as the epoch remembered.
            long epoch = Sql.queryLong(c, "SELECT n FROM cluster_epoch WHERE id = 1");
            if (epoch != seenEpoch) {
                runForeignWriteHooks(new Tx(c));
                seenEpoch = epoch;
            }
        } catch (SQLException e) {
            throw new StorageException(e);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Whether this instance runs the jobs that must run once per city (scheduled reports): always on H2; on
     * PostgreSQL the instance that holds the cluster's leader lock (taken over within seconds when it dies).
     */
    public boolean leads() {
        return link == null || link.leads();
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
        if (link != null) {
            link.close();
        }
        if (group != null) {
            group.close();
        }
        closeQuietly(flushConnection);
        dataSource.close();
    }
}
