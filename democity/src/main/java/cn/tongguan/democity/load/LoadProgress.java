package cn.tongguan.democity.load;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Says how far a long load has come, for the person watching the terminal during a five-minute first run:
 * phase i of n, the count so far against the total, the percentage, the time spent and an estimate of what is
 * left. Reports at most once per {@code every} (by the injected clock) so that a loop may call
 * {@link #advance} for every row; each finished phase says so with its count and time.
 *
 * <p>The estimate assumes the rest of the phase goes at the rate seen so far in it; it is only given once the
 * phase has run a few seconds and done some work, so it is not wild at the start.
 */
public final class LoadProgress {
    /** Nothing is said: for tests and callers that load a small city. */
    public static LoadProgress silent(Clock clock) {
        return new LoadProgress(1, clock, Duration.ofDays(1), line -> { });
    }

    private static final Duration SETTLE = Duration.ofSeconds(3);

    private final int phases;
    private final Clock clock;
    private final Duration every;
    private final Consumer<String> out;
    private final Instant started;
    private int phase;
    private String name = "";
    private String unit = "";
    private long total;
    private long done;
    private Instant phaseStarted;
    private Instant lastSaid;

    /** {@code phases}: how many {@link #begin} calls the whole load makes; {@code out} takes each line. */
    public LoadProgress(int phases, Clock clock, Duration every, Consumer<String> out) {
        this.phases = phases;
        this.clock = clock;
        this.every = every;
        this.out = out;
        this.started = clock.instant();
        this.phaseStarted = started;
        this.lastSaid = started;
    }

    /** Starts the next phase; {@code total} 0 when it has no count (one step), {@code unit} e.g. "件". */
    public void begin(String phaseName, long phaseTotal, String phaseUnit) {
        phase++;
        name = phaseName;
        unit = phaseUnit;
        total = phaseTotal;
        done = 0;
        phaseStarted = clock.instant();
        lastSaid = phaseStarted;
        out.accept(prefix() + name + (total > 0 ? "：共 " + count(total) + " " + unit : "…"));
    }

    /** The phase has done {@code count} of its total; said when {@code every} has passed since the last line. */
    public void advance(long count) {
        done = count;
        Instant now = clock.instant();
        if (Duration.between(lastSaid, now).compareTo(every) >= 0) {
            lastSaid = now;
            out.accept(line(now));
        }
    }

    /** The phase is finished. */
    public void finish() {
        Instant now = clock.instant();
        out.accept(prefix() + name + " 完成" + (total > 0 ? "：" + count(Math.max(done, total)) + " " + unit : "")
                + "，用时 " + duration(Duration.between(phaseStarted, now)) + "（共已用 "
                + duration(Duration.between(started, now)) + "）");
    }

    /** The progress line as it would be said now. */
    String line(Instant now) {
        Duration spent = Duration.between(phaseStarted, now);
        StringBuilder b = new StringBuilder(prefix()).append(name).append("：").append(count(done));
        if (total > 0) {
            long percent = Math.min(100, done * 100 / total);
            b.append(" / ").append(count(total)).append(' ').append(unit).append("（").append(percent).append("%）");
        } else {
            b.append(' ').append(unit);
        }
        b.append("，已用 ").append(duration(spent));
        Duration left = estimate(spent);
        if (left != null) {
            b.append("，预计还需 ").append(duration(left));
        }
        return b.toString();
    }

    /** What is left at the rate so far; {@code null} before the phase has a rate worth extrapolating. */
    Duration estimate(Duration spent) {
        if (total <= 0 || done <= 0 || done >= total || spent.compareTo(SETTLE) < 0) {
            return null;
        }
        return Duration.ofMillis((long) ((double) spent.toMillis() * (total - done) / done));
    }

    private String prefix() {
        return "[" + phase + "/" + phases + "] ";
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** "45 秒", "3 分 05 秒", "1 小时 02 分": as a person reads it. */
    static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + " 秒";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d 分 %02d 秒", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d 小时 %02d 分", s / 3600, s % 3600 / 60);
    }
}
