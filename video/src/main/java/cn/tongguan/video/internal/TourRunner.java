package cn.tongguan.video.internal;

import cn.tongguan.video.Camera;
import cn.tongguan.video.Tour;
import cn.tongguan.video.TourOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * The position of one tile in its tour: which camera is up, until when, and which comes next (skipping
 * cameras that failed recently). Random tours are shuffled anew every round, so every camera still comes
 * up once a round. Pure logic on nanosecond times; FX thread only.
 */
public final class TourRunner {
    private final Tour tour;
    private final UnaryOperator<Duration> clamp;
    private final Random random;
    private final CameraHealth health;
    private List<Camera> round;
    private List<Camera> nextRound;
    private int position = -1;
    private long switchAt;
    private boolean paused;
    private long pausedRemaining;

    public TourRunner(Tour tour, UnaryOperator<Duration> clamp, Random random, CameraHealth health) {
        this.tour = tour;
        this.clamp = clamp;
        this.random = random;
        this.health = health;
        this.round = order();
    }

    private List<Camera> order() {
        List<Camera> list = new ArrayList<>(tour.cameras());
        if (tour.order() == TourOrder.RANDOM) {
            Collections.shuffle(list, random);
        }
        return list;
    }

    public Tour tour() {
        return tour;
    }

    public Camera current() {
        return position < 0 ? null : round.get(position);
    }

    /** The camera after the current one that is not known to be offline (or simply the next, if all are). */
    public Camera peekNext(long now) {
        return peek(now, 1);
    }

    public Camera peekPrevious(long now) {
        return peek(now, -1);
    }

    private Camera peek(long now, int step) {
        int n = round.size();
        Camera fallback = null;
        for (int i = 1; i <= n; i++) {
            int p = position + step * i;
            Camera c = step > 0 && p >= n ? upcoming().get(p - n) : round.get(Math.floorMod(p, n));
            if (fallback == null) {
                fallback = c;
            }
            if (!health.skip(c.id(), now)) {
                return c;
            }
        }
        return fallback;
    }

    private List<Camera> upcoming() {
        if (nextRound == null) {
            nextRound = tour.order() == TourOrder.RANDOM ? order() : round;
        }
        return nextRound;
    }

    /** Makes {@code camera} the current one (a camera of this tour) and starts its dwell. */
    public void show(Camera camera, long now) {
        int p = round.indexOf(camera);
        if (position >= 0 && p <= position && nextRound != null && nextRound.contains(camera)) {
            round = nextRound; // wrapped into the next (reshuffled) round
            nextRound = null;
            p = round.indexOf(camera);
        }
        position = Math.max(p, 0);
        switchAt = now + clamp.apply(tour.dwellOf(camera)).toNanos();
        pausedRemaining = 0;
    }

    public boolean due(long now) {
        return !paused && position >= 0 && now - switchAt >= 0;
    }

    /** Nanoseconds until the switch (negative once due). */
    public long remaining(long now) {
        return paused ? pausedRemaining : switchAt - now;
    }

    public boolean paused() {
        return paused;
    }

    public void pause(long now) {
        if (!paused) {
            paused = true;
            pausedRemaining = switchAt - now;
        }
    }

    public void resume(long now) {
        if (paused) {
            paused = false;
            switchAt = now + Math.max(pausedRemaining, 0);
        }
    }
}
