package cn.tongguan.map.internal;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders missing tiles on the injected background executor and hands them back on the FX executor. Requests
 * are coalesced: each frame replaces the queue with what is visible now (centre first), so tiles scrolled past
 * during a fling are never rendered, and at most {@code parallelism} workers run at once.
 *
 * <p>Three phases as in Apache SIS's MapCanvas: the FX thread takes an immutable {@link Scene} snapshot, workers
 * render without touching FX state, the commit runs on the FX thread and drops results of an outdated scene.
 */
public final class TileScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(TileScheduler.class);
    private static final long REST_NANOS = 150_000_000L;

    /** Everything a worker needs, immutable. */
    public record Scene(long version, List<CompiledLayer> layers, int background) {
    }

    private final Executor background;
    private final Executor fx;
    private final int parallelism;
    private final Consumer<TileCache.Tile> onTile;
    private final Consumer<Throwable> onError;
    private final ThreadLocal<TileRenderer> renderers = ThreadLocal.withInitial(TileRenderer::new);
    private final Object lock = new Object();
    private final ArrayDeque<TileKey> queue = new ArrayDeque<>();
    private final Set<TileKey> inFlight = new HashSet<>();
    private volatile Scene scene;
    private int running;
    private boolean interactive;
    private Viewport lastSeen;
    private long lastMove;
    private boolean jumped;
    private long lastJump = Long.MIN_VALUE / 2;

    public TileScheduler(Executor background, Executor fx, int parallelism, Consumer<TileCache.Tile> onTile,
                         Consumer<Throwable> onError) {
        this.background = background;
        this.fx = fx;
        this.parallelism = Math.max(1, parallelism);
        this.onTile = onTile;
        this.onError = onError;
    }

    public void setScene(Scene newScene) {
        this.scene = newScene;
    }

    public Scene scene() {
        return scene;
    }

    /**
     * While the user moves the map only one worker renders, so that on a two-core wall PC the FX thread and
     * Prism's render thread keep a core between them; full parallelism returns when the view rests.
     */
    public void setInteractive(boolean value) {
        synchronized (lock) {
            interactive = value;
        }
    }

    /**
     * Called every pulse with the current view: a changed view makes rendering interactive (one worker); a view
     * unchanged for 150 ms makes it resting again. Returns true at that moment (the caller repaints, which
     * requests tiles with full parallelism). FX thread.
     */
    public boolean cameToRest(Viewport view, long nowNanos) {
        if (!view.equals(lastSeen) && jumped && lastMove == 0 && nowNanos - lastJump > REST_NANOS) {
            // a jump from rest (a stored view restored, a search result shown) is not a drag: nothing moves
            // on screen while the new view renders, so every worker may render it; views set in quick
            // succession (a scripted tour) count as motion again
            jumped = false;
            lastSeen = view;
            lastJump = nowNanos;
            return false;
        }
        jumped = false;
        if (!view.equals(lastSeen)) {
            lastSeen = view;
            lastMove = nowNanos;
            setInteractive(true);
            return false;
        }
        if (lastMove != 0 && nowNanos - lastMove > REST_NANOS) {
            lastMove = 0;
            setInteractive(false);
            return true;
        }
        return false;
    }

    /** The next view change is a jump (set, not dragged or animated). FX thread. */
    public void jumped() {
        jumped = true;
    }

    private int limit() {
        return interactive ? 1 : parallelism;
    }

    /** Replaces the wish list (priority order); starts workers as needed. FX thread. */
    public void request(List<TileKey> wanted) {
        int toStart;
        synchronized (lock) {
            queue.clear();
            for (TileKey key : wanted) {
                if (!inFlight.contains(key)) {
                    queue.add(key);
                }
            }
            toStart = Math.min(limit() - running, queue.size());
            running += Math.max(0, toStart);
        }
        for (int i = 0; i < toStart; i++) {
            try {
                background.execute(this::drain);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // the owner shut its executor down (application closing): nothing more to render
                synchronized (lock) {
                    running--;
                    queue.clear();
                }
                LOG.debug("tile executor rejected work; rendering stops", e);
                return;
            }
        }
    }

    /** Tiles waiting or being rendered (0 when the view is complete). */
    public int outstanding() {
        synchronized (lock) {
            return queue.size() + inFlight.size();
        }
    }

    private void drain() {
        while (true) {
            TileKey key;
            synchronized (lock) {
                key = running > limit() ? null : queue.poll();
                if (key == null) {
                    running--;
                    return;
                }
                inFlight.add(key);
            }
            Scene current = scene;
            try {
                int[] pixels = renderers.get().render(key, current.layers(), current.background());
                TileCache.Tile tile = new TileCache.Tile(key, pixels, current.version());
                fx.execute(() -> {
                    synchronized (lock) {
                        inFlight.remove(key);
                    }
                    onTile.accept(tile);
                });
            } catch (RuntimeException | OutOfMemoryError e) {
                LOG.warn("tile {} failed to render", key, e);
                // an empty tile stands in, so a tile that cannot be drawn is not retried every frame
                int[] blank = new int[WebMercator.TILE_SIZE * WebMercator.TILE_SIZE];
                java.util.Arrays.fill(blank, current.background());
                TileCache.Tile tile = new TileCache.Tile(key, blank, current.version());
                fx.execute(() -> {
                    synchronized (lock) {
                        inFlight.remove(key);
                    }
                    onTile.accept(tile);
                    onError.accept(e);
                });
            }
        }
    }
}
