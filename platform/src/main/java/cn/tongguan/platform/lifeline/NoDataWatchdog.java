package cn.tongguan.platform.lifeline;

import cn.tongguan.api.Lifeline;
import cn.tongguan.platform.storage.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks a sensor NODATA when it has been silent for its {@code missed} rule (N heartbeat intervals, as data) and
 * raises a {@code NO_DATA} alarm; the next reading recovers it ({@link Readings}). Time comes from the injected
 * clock and the rhythm from the injected scheduler, so tests move the clock and call {@link #check} instead of
 * sleeping. A sensor never heard of counts from the watchdog's start (not from 1970).
 */
public final class NoDataWatchdog {
    private static final Logger LOG = LoggerFactory.getLogger(NoDataWatchdog.class);

    private final Database db;
    private final Clock clock;
    private final ThresholdTable thresholds;
    private final AlarmLifecycle alarms;
    private final long startedAt;

    public NoDataWatchdog(Database db, Clock clock, ThresholdTable thresholds, AlarmLifecycle alarms) {
        this.db = db;
        this.clock = clock;
        this.thresholds = thresholds;
        this.alarms = alarms;
        this.startedAt = clock.millis();
    }

    /** Runs {@link #check} every {@code period} and {@code prune} (reading history) once an hour. */
    public void schedule(ScheduledExecutorService scheduler, Duration period, Runnable prune) {
        scheduler.scheduleWithFixedDelay(this::safeCheck, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                prune.run();
            } catch (RuntimeException e) {
                LOG.warn("pruning readings failed", e);
            }
        }, 1, 60, TimeUnit.MINUTES);
    }

    private void safeCheck() {
        try {
            check();
        } catch (RuntimeException e) {
            LOG.warn("NoData check failed", e);
        }
    }

    /** Raises NO_DATA for every silent sensor without one; returns how many were raised. */
    public int check() {
        long now = clock.millis();
        // Find candidates without the write lock (thousands of covers), then raise under it, re-checking each.
        List<AlarmLifecycle.Sensor> silent = db.read(tx -> {
            Set<String> open = new HashSet<>();
            try (PreparedStatement ps = tx.connection().prepareStatement(
                    "SELECT sensor_id FROM alarms WHERE kind = 'NO_DATA' AND open_key IS NOT NULL"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    open.add(rs.getString(1));
                }
            }
            List<AlarmLifecycle.Sensor> out = new ArrayList<>();
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT id, kind, name, unit, lng, lat, last_value, "
                    + "last_at, seen_at FROM sensors"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    AlarmLifecycle.Sensor s = AlarmLifecycle.sensor(rs);
                    if (!open.contains(s.id()) && rule(s).filter(r -> missed(s, r, now) >= r.value()).isPresent()) {
                        out.add(s);
                    }
                }
            }
            return out;
        });
        if (silent.isEmpty()) {
            return 0;
        }
        ThresholdTable.AlarmKind kind = thresholds.alarmKind(AlarmLifecycle.NO_DATA).orElseThrow();
        return db.write(tx -> {
            int raised = 0;
            for (AlarmLifecycle.Sensor candidate : silent) {
                AlarmLifecycle.Sensor s = AlarmLifecycle.sensor(tx.connection(), candidate.id()).orElse(null);
                Lifeline.Threshold r = s == null ? null : rule(s).orElse(null);
                if (r == null || missed(s, r, now) < r.value()
                        || alarms.store().open(tx.connection(), s.id(), AlarmLifecycle.NO_DATA).isPresent()) {
                    continue; // a reading came in meanwhile, or the rule changed
                }
                Lifeline.SensorStatus before = alarms.status(tx.connection(), s);
                alarms.raise(tx, s, kind, Optional.empty(), r.level(), missed(s, r, now), r.value(), now);
                alarms.statusChanged(tx, before, alarms.status(tx.connection(), s));
                raised++;
            }
            if (raised > 0) {
                LOG.info("{} sensor(s) stopped reporting: NODATA", raised);
            }
            return raised;
        });
    }

    private Optional<Lifeline.Threshold> rule(AlarmLifecycle.Sensor s) {
        return thresholds.rules(s.kind(), s.id(), AlarmLifecycle.NO_DATA).stream()
                .filter(t -> "missed".equals(t.rule()) && t.windowSeconds() != null).findFirst();
    }

    /** Whole heartbeat intervals missed since the sensor was last heard of. */
    private long missed(AlarmLifecycle.Sensor s, Lifeline.Threshold r, long now) {
        long since = s.seenAt() == null ? startedAt : Math.max(s.seenAt(), 0);
        return (now - since) / (r.windowSeconds() * 1000L);
    }
}
