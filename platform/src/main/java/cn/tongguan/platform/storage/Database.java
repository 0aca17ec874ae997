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
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource dataSource;
    private final boolean postgres;
    private final ReentrantLock writeLock = new ReentrantLock();

    public Database(String jdbcUrl, String user, String password, int poolSize) {
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
        this.dataSource = new HikariDataSource(cfg);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        LOG.info("Database ready: {}", postgres ? "PostgreSQL" : "H2");
    }

    public boolean isPostgres() {
        return postgres;
    }

    /** Work that needs a connection; {@link Tx#afterCommit} hooks run after a successful commit. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Tx tx) throws SQLException;
    }

    /** A transaction: its connection and what to do once it is committed (still under the write lock). */
    public static final class Tx {
        private final Connection connection;
        private final List<Runnable> afterCommit = new ArrayList<>();

        Tx(Connection connection) {
            this.connection = connection;
        }

        public Connection connection() {
            return connection;
        }

        public void afterCommit(Runnable hook) {
            afterCommit.add(hook);
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
        writeLock.lock();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            Tx tx = new Tx(c);
            try {
                T result = work.run(tx);
                c.commit();
                tx.afterCommit.forEach(Runnable::run);
                return result;
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
        dataSource.close();
    }
}
