package cn.tongguan.map.internal;

import cn.tongguan.map.LiveOverlay;
import cn.tongguan.map.MapViewState;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The map's frame loop on the FX thread: at each pulse it steps the view animation and paints only when something
 * changed (a tile arrived, the view moved, the overlay changed, or a blinking alarm's phase turned), then asks the
 * scheduler for the tiles the frame still lacks. Keeps the figures the map reports (last paint time, tiles wanted).
 */
public final class FrameLoop {
    private static final Logger LOG = LoggerFactory.getLogger(FrameLoop.class);
    private static final long BLINK_NANOS = 400_000_000L;
    private static final long SLOW_FRAME_NANOS = 50_000_000L;
    private static final long ZOOM_REST_NANOS = 150_000_000L;

    /** What a frame is painted from. */
    public record Parts(ViewAnimator animator, TileScheduler scheduler, FramePainter painter, LiveOverlay overlay,
                        OverlayRenderer overlayRenderer, Hud hud) {
    }

    private final Parts parts;
    private final Supplier<Selection> selection;
    private final Consumer<MapViewState> viewMoved;
    private final Clock clock;
    private boolean dirty = true;
    private boolean blinking;
    private long blinkPhase;
    private int lastWanted = -1;
    private long lastPaintNanos;
    private double lastZoom = Double.NaN;
    private long lastZoomChange = Long.MIN_VALUE / 2;

    public FrameLoop(Parts parts, Supplier<Selection> selection, Consumer<MapViewState> viewMoved, Clock clock) {
        this.parts = parts;
        this.clock = clock;
        this.selection = selection;
        this.viewMoved = viewMoved;
    }

    public void markDirty() {
        dirty = true;
    }

    /** One pulse of the animation timer. */
    public void pulse(long now) {
        boolean moved = parts.animator().step(now);
        if (moved) {
            viewMoved.accept(parts.animator().viewport().state());
        }
        if (parts.scheduler().cameToRest(parts.animator().viewport(), now)) {
            dirty = true;
        }
        long phase = now / BLINK_NANOS;
        boolean blinkTick = blinking && phase != blinkPhase;
        if (dirty || moved || blinkTick) {
            paint(now);
        }
    }

    public void paint(long now) {
        long start = System.nanoTime();
        dirty = false;
        blinkPhase = now / BLINK_NANOS;
        Viewport vp = parts.animator().viewport();
        if (vp.width() < 1 || vp.height() < 1) {
            return;
        }
        // a zoom that changed again within a rest period is a zoom in motion: drawn from pyramid tiles, not
        // rendered afresh at every intermediate scale; a single jump or a settled zoom gets exact tiles
        boolean zooming = false;
        if (vp.zoom() != lastZoom) {
            zooming = now - lastZoomChange < ZOOM_REST_NANOS;
            lastZoom = vp.zoom();
            lastZoomChange = now;
        }
        List<TileKey> wanted = parts.painter().paint(vp, parts.scheduler().scene(), parts.overlay(), selection.get(),
                clock.instant(), blinkPhase % 2 == 0, zooming);
        lastWanted = wanted.size();
        parts.scheduler().request(wanted);
        blinking = parts.overlayRenderer().blinksIn(parts.painter().drawnGroups(), clock.instant());
        parts.hud().updateScale(vp);
        lastPaintNanos = System.nanoTime() - start;
        if (lastPaintNanos > SLOW_FRAME_NANOS) {
            LOG.debug("slow frame: {} ms at {}", lastPaintNanos / 1_000_000, vp.state());
        }
    }

    /** Nothing left to paint and no tile wanted by the last frame. */
    public boolean settled() {
        return !dirty && lastWanted == 0;
    }

    public long lastPaintNanos() {
        return lastPaintNanos;
    }
}
