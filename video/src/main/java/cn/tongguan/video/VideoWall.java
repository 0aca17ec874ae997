package cn.tongguan.video;

import cn.tongguan.video.gst.GstEngine;
import cn.tongguan.video.internal.CameraHealth;
import cn.tongguan.video.internal.EngineSelector;
import cn.tongguan.video.internal.FailureProbe;
import cn.tongguan.video.internal.TileController;
import cn.tongguan.video.internal.TourRunner;
import cn.tongguan.video.internal.VideoEngine;
import cn.tongguan.video.internal.WallPane;
import cn.tongguan.video.vlcj.VlcjEngine;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.scene.layout.Region;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The camera wall: tiles in a {@link WallLayout}, each showing a camera or touring a list of them.
 * Frames reach the screen once per pulse (an {@link AnimationTimer}), whatever the streams' rates.
 * All methods are for the FX thread; engine work runs on the injected background executor and results
 * come back through the injected FX executor ({@code Platform::runLater} in production).
 */
public final class VideoWall implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(VideoWall.class);
    public static final int MAX_TILES = 16;

    private final VideoConfig config;
    private final ExecutorService background;
    private final EngineSelector engines;
    private final CameraHealth health;
    private final List<TileController> tiles = new ArrayList<>();
    private final WallPane pane;
    private final Map<String, Camera> catalog = new HashMap<>();
    private final Random random = new Random();
    private final AnimationTimer timer;
    private WallLayout layout = WallLayout.NINE;
    private int enlarged = -1;

    /** {@code clock} stamps when a tile last had a frame (its status). */
    public VideoWall(VideoConfig config, ExecutorService background, Executor fx, java.time.Clock clock) {
        this(config, background, fx, clock, new EngineSelector(config.engine(),
                () -> VlcjEngine.create(config.networkCaching()).map(VideoEngine.class::cast),
                () -> Optional.of(new GstEngine())));
    }

    VideoWall(VideoConfig config, ExecutorService background, Executor fx, java.time.Clock clock, EngineSelector engines) {
        this.config = config;
        this.background = background;
        this.engines = engines;
        this.health = new CameraHealth(config.offlineRetry().toNanos());
        FailureProbe probe = new FailureProbe(Duration.ofSeconds(2));
        for (int i = 0; i < MAX_TILES; i++) {
            tiles.add(new TileController(i, config, engines, probe, background, fx, health, clock));
        }
        pane = new WallPane(tiles.stream().map(TileController::view).toList(), this::toggleEnlarged, this::dropped);
        pane.arrange(layout, enlarged);
        applyVariants();
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulse(System.nanoTime());
            }
        };
        timer.start();
    }

    /** The wall's node, to put in a scene. */
    public Region getView() {
        return pane;
    }

    // Layout -----------------------------------------------------------------------------------------

    public WallLayout getLayout() {
        return layout;
    }

    /** Rearranges the tiles; tiles beyond the new count stop their streams and tours. */
    public void setLayout(WallLayout newLayout) {
        layout = newLayout;
        for (int i = newLayout.tiles(); i < MAX_TILES; i++) {
            tiles.get(i).clear();
        }
        if (enlarged >= newLayout.tiles()) {
            enlarged = -1;
        }
        pane.arrange(layout, enlarged);
        applyVariants();
    }

    /** Main stream for the enlarged tile and the large tile of a layout, the sub stream for the others. */
    private void applyVariants() {
        long now = System.nanoTime();
        for (int i = 0; i < layout.tiles(); i++) {
            tiles.get(i).setVariant(i == enlarged || layout.isLarge(i) ? StreamVariant.MAIN : StreamVariant.SUB, now);
        }
    }

    public int tileCount() {
        return layout.tiles();
    }

    /** Enlarges a tile over the whole wall (main stream), or restores it (sub stream). */
    public void toggleEnlarged(int tile) {
        enlarged = enlarged == tile ? -1 : tile;
        pane.arrange(layout, enlarged);
        applyVariants();
    }

    public int enlargedTile() {
        return enlarged;
    }

    // Cameras and tours ------------------------------------------------------------------------------

    /** The cameras a drop on a tile can name (see {@link CameraListView}). */
    public void setCatalog(List<Camera> cameras) {
        catalog.clear();
        cameras.forEach(c -> catalog.put(c.id(), c));
    }

    private void dropped(int tile, String cameraId) {
        Camera camera = catalog.get(cameraId);
        if (camera != null && tile < tileCount()) {
            play(tile, camera);
        }
    }

    /** Shows one camera on a tile; the tile's tour stops. */
    public void play(int tile, Camera camera) {
        tile(tile).play(camera, System.nanoTime());
    }

    /** Runs a tour on one tile. */
    public void startTour(int tile, Tour tour) {
        tile(tile).startTour(new TourRunner(tour, config::clampDwell, random, health), System.nanoTime());
    }

    /**
     * Runs one tour over all tiles of the layout: tile i tours cameras i, i+n, i+2n... so every camera of
     * the list comes up on some tile, and no camera shows twice.
     */
    public void startTour(Tour tour) {
        int n = Math.min(tileCount(), tour.cameras().size());
        for (int i = 0; i < n; i++) {
            List<Camera> share = new ArrayList<>();
            for (int j = i; j < tour.cameras().size(); j += n) {
                share.add(tour.cameras().get(j));
            }
            startTour(i, new Tour(tour.name() + "#" + i, share, tour.dwell(), tour.dwellByCamera(), tour.order()));
        }
    }

    public void pause(int tile) {
        tile(tile).pause(System.nanoTime());
    }

    public void resume(int tile) {
        tile(tile).resume(System.nanoTime());
    }

    public void next(int tile) {
        tile(tile).next(System.nanoTime());
    }

    public void previous(int tile) {
        tile(tile).previous(System.nanoTime());
    }

    /**
     * An alarm on a camera: every tile showing it holds (tour paused) and is marked; if none shows it, the
     * first tile (or the enlarged one) switches to it and holds. Returns the tiles holding it.
     */
    public List<Integer> alarm(String cameraId) {
        long now = System.nanoTime();
        List<Integer> held = new ArrayList<>();
        for (int i = 0; i < tileCount(); i++) {
            if (tiles.get(i).camera() != null && tiles.get(i).camera().id().equals(cameraId)) {
                tiles.get(i).alarm(now);
                held.add(i);
            }
        }
        Camera camera = catalog.get(cameraId);
        if (held.isEmpty() && camera != null) {
            int target = Math.max(enlarged, 0);
            tiles.get(target).play(camera, now);
            tiles.get(target).alarm(now);
            held.add(target);
        }
        return held;
    }

    /** Ends an alarm: the tiles holding the camera resume their tours. */
    public void clearAlarm(String cameraId) {
        long now = System.nanoTime();
        for (TileController t : tiles) {
            if (t.hasAlarm() && t.camera() != null && t.camera().id().equals(cameraId)) {
                t.clearAlarm(now);
            }
        }
    }

    /** Every camera of the running tours: how many showed a live frame within the window. */
    public Coverage coverage(Duration window) {
        long since = System.nanoTime() - window.toNanos();
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < tileCount(); i++) {
            TourRunner t = tiles.get(i).tour();
            if (t != null) {
                t.tour().cameras().forEach(c -> ids.add(c.id()));
            }
        }
        List<String> unseen = ids.stream().filter(id -> !health.seenSince(id, since)).toList();
        return new Coverage(window, ids.size() - unseen.size(), ids.size(), unseen);
    }

    // Observation and evidence -----------------------------------------------------------------------

    public TileStatus status(int tile) {
        return tile(tile).statusProperty().get();
    }

    public ReadOnlyObjectProperty<TileStatus> statusProperty(int tile) {
        return tile(tile).statusProperty();
    }

    /** Writes the tile's current picture as PNG (evidence for a case); fails if the tile has none. */
    public CompletableFuture<Path> snapshot(int tile, Path file) {
        var surface = tile(tile).displayedSurface();
        if (surface == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("tile " + tile + " has no picture"));
        }
        BufferedImage image = surface.copy(); // a copy: the decoder goes on writing its own buffer
        if (image == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("tile " + tile + " has no picture"));
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                ImageIO.write(image, "png", file.toFile());
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, background);
    }

    // Pulse ------------------------------------------------------------------------------------------

    private void pulse(long now) {
        int count = tileCount();
        int budget = config.decodeBudget();
        // the enlarged tile comes first, then the others in reading order
        if (enlarged >= 0) {
            tiles.get(enlarged).setLive(budget-- > 0, now);
        }
        for (int i = 0; i < count; i++) {
            if (i != enlarged) {
                TileController t = tiles.get(i);
                t.setLive(t.camera() == null || budget-- > 0, now);
            }
        }
        for (int i = 0; i < count; i++) {
            tiles.get(i).pulse(now);
        }
    }

    private TileController tile(int tile) {
        if (tile < 0 || tile >= tileCount()) {
            throw new IllegalArgumentException("no tile " + tile + " in layout " + layout);
        }
        return tiles.get(tile);
    }

    /** Stops every stream, then the engines. Blocks briefly; the background executor stays the caller's. */
    @Override
    public void close() {
        timer.stop();
        tiles.forEach(TileController::clear);
        CompletableFuture.runAsync(engines::close, background).exceptionally(e -> {
            LOGGER.warn("closing the video engines failed", e);
            return null;
        });
    }
}
