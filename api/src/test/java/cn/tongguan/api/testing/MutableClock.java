package cn.tongguan.api.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock the test moves (token expiry, deadlines, estimates) instead of sleeping: it moves when the test says so
 * ({@link #advance}) and, if built with a tick, by that much on every reading (for code whose times must differ
 * although nothing waits).
 */
public final class MutableClock extends Clock {
    private final Duration tick;
    private Instant now;

    public MutableClock(Instant start) {
        this(start, Duration.ZERO);
    }

    public MutableClock(Instant start, Duration tick) {
        this.now = start;
        this.tick = tick;
    }

    public synchronized void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public synchronized Instant instant() {
        Instant read = now;
        now = now.plus(tick);
        return read;
    }
}
