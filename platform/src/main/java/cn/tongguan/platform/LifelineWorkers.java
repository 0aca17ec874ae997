package cn.tongguan.platform;

import cn.tongguan.platform.cases.CaseService;
import cn.tongguan.platform.cases.PhotoStore;
import cn.tongguan.platform.events.EventLog;
import cn.tongguan.platform.health.HealthPolicy;
import cn.tongguan.platform.health.Liveness;
import cn.tongguan.platform.lifeline.AlarmCases;
import cn.tongguan.platform.lifeline.AlarmLifecycle;
import cn.tongguan.platform.lifeline.NoDataWatchdog;
import cn.tongguan.platform.lifeline.Readings;
import cn.tongguan.platform.lifeline.SnapshotGrabber;
import cn.tongguan.platform.lifeline.ThresholdTable;
import cn.tongguan.platform.storage.Database;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The lifeline's moving parts and their two threads: one worker files alarm cases in order (snapshots run outside
 * the platform as processes); one timer runs the NoData watchdog, the pruning of reading history and both threads'
 * heartbeats (a tick is only made when the thread is free to run it, so a dead or stuck thread shows in GET /health).
 */
final class LifelineWorkers implements AutoCloseable {
    final ThresholdTable thresholds;
    final AlarmLifecycle alarms;
    final Readings readings;
    final AlarmCases alarmCases;
    final NoDataWatchdog watchdog;
    private final ExecutorService work;
    private final ScheduledExecutorService timer;

    /**
     * @param work the single worker thread (alarm cases in order); {@code timer} the single timer thread. Both are
     *             the composition root's to create (no threads outside it) and this class's to shut down.
     */
    LifelineWorkers(Database db, EventLog events, Clock clock, CaseService cases, PhotoStore photos,
                    SnapshotGrabber grabber, Liveness liveness, HealthPolicy healthPolicy, ExecutorService work,
                    ScheduledExecutorService timer) {
        this.work = work;
        this.timer = timer;
        thresholds = new ThresholdTable(db);
        alarms = new AlarmLifecycle(db, events, clock, thresholds);
        readings = new Readings(db, events, clock, thresholds, alarms);
        alarmCases = new AlarmCases(db, thresholds, alarms, cases, photos, grabber, PlatformServer.SNAPSHOT_TIMEOUT, work);
        alarms.onCaseNeeded(alarmCases::request);
        watchdog = new NoDataWatchdog(db, clock, thresholds, alarms);
        watchdog.schedule(timer, PlatformServer.WATCHDOG_PERIOD, readings::prune);
        for (String job : List.of(PlatformServer.JOB_WATCHDOG, PlatformServer.JOB_WORKER)) {
            liveness.register(job, healthPolicy.silenceOf(job));
        }
        long beat = PlatformServer.HEARTBEAT.toMillis();
        timer.scheduleWithFixedDelay(() -> {
            liveness.tick(PlatformServer.JOB_WATCHDOG);
            work.execute(() -> liveness.tick(PlatformServer.JOB_WORKER));
        }, beat, beat, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        work.shutdownNow();
        try {
            // A case being filed finishes (or its snapshot process is killed) before the database closes.
            work.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
