package cn.tongguan.video.internal;

import cn.tongguan.video.Camera;
import cn.tongguan.video.FailureReason;
import cn.tongguan.video.StreamVariant;
import cn.tongguan.video.TileState;
import cn.tongguan.video.TileStatus;
import cn.tongguan.video.VideoConfig;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ReadOnlyObjectProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The logic of one tile: which camera it shows, the stream(s) it has open, its honest state, reconnects
 * with backoff, stills over the decode budget, and its tour with pre-roll. Driven by {@link #pulse} once
 * per JavaFX pulse; engine work runs on the background executor and comes back through the FX executor.
 * FX thread only.
 */
public final class TileController {
    private static final Logger LOGGER = LoggerFactory.getLogger(TileController.class);
    private static final AtomicLong TOKENS = new AtomicLong();

    private final int index;
    private final VideoConfig config;
    private final EngineSelector engines;
    private final FailureProbe probe;
    private final Executor background;
    private final Executor fx;
    private final CameraHealth health;
    private final TilePresenter presenter;
    private final TileSurface[] surfaces = {new TileSurface(), new TileSurface(), new TileSurface()};

    private Camera camera;
    private StreamVariant variant = StreamVariant.SUB;
    private StreamSlot active;
    private StreamSlot standby;
    private TileSurface displayed;
    private TourRunner tour;
    private boolean alarm;
    private boolean live = true;
    private TileState state = TileState.IDLE;
    private FailureReason reason;
    private long lastFrameAt;
    private int failures;
    private long retryAt;

    public TileController(int index, VideoConfig config, EngineSelector engines, FailureProbe probe, Executor background,
                          Executor fx, CameraHealth health, java.time.Clock clock) {
        this.index = index;
        this.config = config;
        this.engines = engines;
        this.probe = probe;
        this.background = background;
        this.fx = fx;
        this.health = health;
        this.presenter = new TilePresenter(new TileTexts(config.locale()), clock);
    }

    public TileView view() {
        return presenter.view();
    }

    public ReadOnlyObjectProperty<TileStatus> statusProperty() {
        return presenter.status();
    }

    public Camera camera() {
        return camera;
    }

    public TourRunner tour() {
        return tour;
    }

    public TileSurface displayedSurface() {
        return displayed;
    }

    // Commands ---------------------------------------------------------------------------------------

    /** Shows one camera; a running tour on this tile stops. */
    public void play(Camera c, long now) {
        tour = null;
        switchTo(c, now);
    }

    public void startTour(TourRunner runner, long now) {
        tour = runner;
        Camera first = runner.peekNext(now);
        runner.show(first, now);
        switchTo(first, now);
    }

    public void stopTour() {
        tour = null;
        closeStandby();
    }

    public void next(long now) {
        step(now, true);
    }

    public void previous(long now) {
        step(now, false);
    }

    private void step(long now, boolean forward) {
        if (tour != null) {
            Camera c = forward ? tour.peekNext(now) : tour.peekPrevious(now);
            tour.show(c, now);
            switchTo(c, now);
        }
    }

    public void pause(long now) {
        if (tour != null) {
            tour.pause(now);
            closeStandby();
        }
    }

    public void resume(long now) {
        if (tour != null && !alarm) {
            tour.resume(now);
        }
    }

    /** Holds the tile on its camera (tour paused) and marks it, until {@link #clearAlarm}. */
    public void alarm(long now) {
        alarm = true;
        pause(now);
    }

    public void clearAlarm(long now) {
        alarm = false;
        resume(now);
    }

    public boolean hasAlarm() {
        return alarm;
    }

    /** Main stream when enlarged, sub stream in a small tile; the old picture stays until the new one runs. */
    public void setVariant(StreamVariant v, long now) {
        if (v == variant) {
            return;
        }
        variant = v;
        if (camera != null && live) {
            closeStandby();
            standby = open(camera, StreamSlot.Purpose.VARIANT, now);
        }
    }

    /** Within the decode budget (live) or not (stills). */
    public void setLive(boolean allowed, long now) {
        if (allowed == live) {
            return;
        }
        live = allowed;
        if (!allowed) {
            closeStandby();
        } else if (camera != null && active != null && active.stillTaken) {
            replaceActive(open(camera, StreamSlot.Purpose.SHOW, now));
        }
    }

    public boolean isLive() {
        return live;
    }

    /** Closes every stream; the tile goes idle. */
    public void clear() {
        tour = null;
        camera = null;
        closeStandby();
        replaceActive(null);
        displayed = null;
        state = TileState.IDLE;
        render(System.nanoTime());
    }

    // Switching --------------------------------------------------------------------------------------

    private void switchTo(Camera c, long now) {
        boolean same = c.equals(camera);
        camera = c;
        failures = 0;
        if (standby != null && standby.camera.equals(c) && standby.variant == variant) {
            StreamSlot ready = standby;
            standby = null;
            replaceActive(ready);
            if (ready.framesSeen > 0 || ready.surface.frames() > 0) {
                displayed = ready.surface; // pre-rolled: a live frame at once
                state = TileState.LIVE;
            } else {
                state = TileState.CONNECTING;
            }
        } else if (!same || active == null) {
            closeStandby();
            replaceActive(open(c, StreamSlot.Purpose.SHOW, now));
            if (!same) {
                displayed = null; // never show one camera's picture under another's name
            }
            state = TileState.CONNECTING;
        }
        reason = null;
        render(now);
    }

    private StreamSlot open(Camera c, StreamSlot.Purpose purpose, long now) {
        TileSurface free = freeSurface();
        StreamSlot slot = new StreamSlot(c, variant, free, TOKENS.incrementAndGet(), purpose, now, this::onEngineFault);
        background.execute(() -> {
            if (slot.isClosed()) {
                return;
            }
            try {
                VideoEngine engine = engines.engineFor(slot.uri).orElse(null);
                if (engine == null) {
                    onEngineFault(slot, StreamListener.Fault.DECODE_FAILED, "no engine can open " + slot.uri.getScheme());
                    return;
                }
                slot.attach(engine.open(slot.uri, slot));
            } catch (RuntimeException e) {
                LOGGER.debug("tile {}: cannot open {}", index, slot.uri, e);
                onEngineFault(slot, StreamListener.Fault.OPEN_FAILED, e.toString());
            }
        });
        return slot;
    }

    private TileSurface freeSurface() {
        for (TileSurface s : surfaces) {
            if (s != displayed && (active == null || s != active.surface) && (standby == null || s != standby.surface)) {
                return s;
            }
        }
        throw new IllegalStateException("no free surface"); // three surfaces, at most three users
    }

    private void replaceActive(StreamSlot slot) {
        if (active != null && active != slot) {
            close(active);
        }
        active = slot;
    }

    private void closeStandby() {
        if (standby != null) {
            close(standby);
            standby = null;
        }
    }

    private void close(StreamSlot slot) {
        slot.markClosed();
        background.execute(slot::close);
    }

    /** Engine thread: find the reason off the engine's thread, then act on the FX thread. */
    private void onEngineFault(StreamSlot slot, StreamListener.Fault fault, String detail) {
        LOGGER.debug("tile {}: {} {} ({})", index, slot.uri, fault, detail);
        background.execute(() -> {
            FailureReason why = probe.classify(slot.uri, fault);
            fx.execute(() -> failed(slot, why, System.nanoTime()));
        });
    }

    private void failed(StreamSlot slot, FailureReason why, long now) {
        if (slot.isClosed()) {
            return;
        }
        close(slot);
        health.offline(slot.camera.id(), now);
        if (slot == standby) {
            standby = null; // a failed pre-roll: the next pulse pre-rolls the camera after it
            return;
        }
        if (slot != active) {
            return;
        }
        active = null;
        failures++;
        long backoff = Math.min(config.backoffMin().toNanos() << Math.min(failures - 1, 20), config.backoffMax().toNanos());
        retryAt = now + backoff;
        state = TileState.STALE;
        reason = why;
        LOGGER.info("tile {}: {} {} ({}), retry in {} ms", index, slot.camera.id(), why, slot.uri,
                backoff / 1_000_000);
        // a tour does not wait for a camera that never came up: it moves on to the next one that may
        if (tour != null && !tour.paused() && slot.framesSeen == 0) {
            Camera next = tour.peekNext(now);
            if (!health.skip(next.id(), now) && !next.equals(slot.camera)) {
                tour.show(next, now);
                switchTo(next, now);
                return;
            }
        }
        render(now);
    }

    // Pulse ------------------------------------------------------------------------------------------

    /** Once per pulse: new frames into the image, watchdogs, retries, stills, tour. */
    public void pulse(long now) {
        if (active != null) {
            watch(active, now);
        }
        if (standby != null) {
            watch(standby, now);
            if (standby != null && standby.purpose == StreamSlot.Purpose.VARIANT && standby.framesSeen > 0) {
                StreamSlot ready = standby;
                standby = null;
                replaceActive(ready);
                displayed = ready.surface;
            }
        }
        if (displayed != null) {
            displayed.pushIfDirty();
        }
        if (camera != null && active == null && now - retryAt >= 0) {
            active = open(camera, StreamSlot.Purpose.SHOW, now);
        }
        if (camera != null && !live && active != null && active.stillTaken && now - active.lastFrameAt >= config.stillInterval().toNanos()) {
            replaceActive(open(camera, StreamSlot.Purpose.SHOW, now)); // refresh the still
        }
        runTour(now);
        render(now);
    }

    private void watch(StreamSlot slot, long now) {
        long frames = slot.surface.frames();
        if (frames > slot.framesSeen) {
            slot.framesSeen = frames;
            slot.lastFrameAt = now;
            if (slot == active) {
                lastFrameAt = now;
                failures = 0;
                reason = null;
                displayed = slot.surface;
                health.seen(slot.camera.id(), now);
                if (!live) {
                    slot.stillTaken = true; // one picture is all a still needs
                    slot.markClosed();
                    background.execute(slot::close);
                    state = TileState.STILL;
                } else {
                    state = TileState.LIVE;
                }
            }
            return;
        }
        if (slot.stillTaken || slot.watchdogFired) {
            return;
        }
        boolean silent = slot.framesSeen > 0 && now - slot.lastFrameAt > config.staleAfter().toNanos();
        boolean late = slot.framesSeen == 0 && now - slot.openedAt > config.connectTimeout().toNanos();
        if (silent || late) {
            // the server may have gone (refused), lost the stream (not found) or just be slow: ask it
            slot.watchdogFired = true;
            onEngineFault(slot, silent ? StreamListener.Fault.ENDED : StreamListener.Fault.OPEN_FAILED,
                    silent ? "no frame for " + config.staleAfter() : "no first frame within " + config.connectTimeout());
        }
    }

    private void runTour(long now) {
        if (tour == null || tour.paused()) {
            return;
        }
        if (config.preroll() && live && standby == null && tour.remaining(now) <= config.prerollLead().toNanos()) {
            Camera next = tour.peekNext(now);
            if (!next.equals(camera)) {
                standby = open(next, StreamSlot.Purpose.PREROLL, now);
            }
        }
        if (tour.due(now)) {
            Camera next = standby != null && standby.purpose == StreamSlot.Purpose.PREROLL ? standby.camera : tour.peekNext(now);
            tour.show(next, now);
            switchTo(next, now);
        }
    }

    private void render(long now) {
        presenter.show(camera, state, reason, lastFrameAt, tour != null && !tour.paused(), tour != null && tour.paused(),
                alarm, displayed, now);
    }
}
