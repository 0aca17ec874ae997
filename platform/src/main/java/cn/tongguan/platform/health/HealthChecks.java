package cn.tongguan.platform.health;

import cn.tongguan.api.Health;
import cn.tongguan.platform.storage.Database;
import cn.tongguan.platform.storage.Sql;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/health} that tells the truth (ADR 0088): a real query on the database within a timeout, which
 * is also the migrations check (the applied migrations of Flyway's history must be the ones this build ships),
 * free space of the data directory, and the background jobs' heartbeats. Any check DOWN makes the answer DOWN
 * (503). Details are short sentences for an operator; failures are logged with their cause, never answered.
 */
public final class HealthChecks implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HealthChecks.class);
    private final Database db;
    private final Path dataDir;
    private final long expectedMigrations;
    private final Liveness liveness;
    private final HealthPolicy policy;
    private final Clock clock;
    private final String version;
    private final ExecutorService probe = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "health-probe");
        t.setDaemon(true);
        return t;
    });
    /** A query still running from an earlier check: a hung database is not asked again and again. */
    private final AtomicReference<Future<Long>> pending = new AtomicReference<>();

    public HealthChecks(Database db, Path dataDir, long expectedMigrations, Liveness liveness, HealthPolicy policy, Clock clock,
                        String version) {
        this.db = db;
        this.dataDir = dataDir;
        this.expectedMigrations = expectedMigrations;
        this.liveness = liveness;
        this.policy = policy;
        this.clock = clock;
        this.version = version;
    }

    public Health check() {
        List<Health.Check> checks = new ArrayList<>();
        Long applied = appliedMigrations(checks);
        if (applied == null) {
            checks.add(down("migrations", "database unreachable"));
        } else if (applied != expectedMigrations) {
            checks.add(down("migrations", String.format(Locale.ROOT, "%d applied, %d expected", applied, expectedMigrations)));
        } else {
            checks.add(up("migrations", applied + " applied"));
        }
        checks.add(disk());
        Map<String, java.time.Duration> silent = liveness.silent();
        for (String job : liveness.jobs()) {
            java.time.Duration quiet = silent.get(job);
            checks.add(quiet == null ? up("job:" + job, "alive")
                    : down("job:" + job, "silent for " + quiet.toSeconds() + " s"));
        }
        boolean ok = checks.stream().allMatch(c -> Health.UP.equals(c.status()));
        return new Health(ok ? Health.UP : Health.DOWN, version, clock.instant(), checks);
    }

    /** Applied migrations by a real query, or {@code null} with the database check DOWN. */
    private Long appliedMigrations(List<Health.Check> checks) {
        Future<Long> running = pending.get();
        if (running != null && !running.isDone()) {
            checks.add(down("database", "an earlier query has not answered yet"));
            return null;
        }
        Future<Long> f = probe.submit(() -> db.read(tx -> {
            try (PreparedStatement ps = Sql.prepare(tx.connection(),
                    "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\" = TRUE AND \"version\" IS NOT NULL")) {
                ps.setQueryTimeout((int) Math.max(1, policy.databaseTimeout().toSeconds()));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                } finally {
                    // On H2 this is the session's timeout, not the statement's: left on the pooled connection it
                    // would cancel the next long read there (a seat's snapshot) after the probe's few seconds.
                    ps.setQueryTimeout(0);
                }
            }
        }));
        pending.set(f);
        try {
            long n = f.get(policy.databaseTimeout().toMillis(), TimeUnit.MILLISECONDS);
            checks.add(up("database", db.isPostgres() ? "PostgreSQL" : "H2"));
            return n;
        } catch (TimeoutException e) {
            checks.add(down("database", "no answer within " + policy.databaseTimeout().toMillis() + " ms"));
        } catch (ExecutionException e) {
            LOG.warn("Health: the database query failed", e.getCause());
            checks.add(down("database", "query failed"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            checks.add(down("database", "interrupted"));
        }
        return null;
    }

    private Health.Check disk() {
        try {
            long free = Files.getFileStore(dataDir).getUsableSpace();
            String detail = (free >> 20) + " MB free, " + (policy.minFreeBytes() >> 20) + " MB required";
            return free >= policy.minFreeBytes() ? up("disk", detail) : down("disk", detail);
        } catch (IOException e) {
            LOG.warn("Health: cannot read free space of {}", dataDir, e);
            return down("disk", "free space unknown");
        }
    }

    private static Health.Check up(String name, String detail) {
        return new Health.Check(name, Health.UP, detail);
    }

    private static Health.Check down(String name, String detail) {
        return new Health.Check(name, Health.DOWN, detail);
    }

    @Override
    public void close() {
        probe.shutdownNow();
    }
}
