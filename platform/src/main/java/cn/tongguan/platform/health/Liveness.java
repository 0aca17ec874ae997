package cn.tongguan.platform.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The background jobs' heartbeat: each registered job ticks when it runs; one that has not ticked for its
 * {@code maxSilence} (health.properties) is reported DOWN. Time is the injected clock's, so a test that moves the
 * clock sees a job that has not run in that time.
 */
public final class Liveness {
    private final Clock clock;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    private record Job(Duration maxSilence, Instant lastTick) {
    }

    public Liveness(Clock clock) {
        this.clock = clock;
    }

    /** Starts watching a job (as if it had just ticked). */
    public void register(String job, Duration maxSilence) {
        jobs.put(job, new Job(maxSilence, clock.instant()));
    }

    public void tick(String job) {
        jobs.computeIfPresent(job, (k, j) -> new Job(j.maxSilence(), clock.instant()));
    }

    /** Stops watching a job (it was stopped on purpose). */
    public void unregister(String job) {
        jobs.remove(job);
    }

    /** Each job and how long it has been silent, when that is longer than allowed; empty when all are alive. */
    public Map<String, Duration> silent() {
        Instant now = clock.instant();
        Map<String, Duration> out = new TreeMap<>();
        jobs.forEach((name, j) -> {
            Duration quiet = Duration.between(j.lastTick(), now);
            if (quiet.compareTo(j.maxSilence()) > 0) {
                out.put(name, quiet);
            }
        });
        return out;
    }

    public java.util.Set<String> jobs() {
        return new java.util.TreeSet<>(jobs.keySet());
    }
}
