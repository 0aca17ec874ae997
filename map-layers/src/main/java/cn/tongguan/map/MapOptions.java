package cn.tongguan.map;

import java.time.Duration;
import javafx.scene.paint.Color;

/**
 * Tuning of a {@link MapView}; {@link #defaults()} suits the wall and the seats.
 *
 * @param minZoom smallest zoom the user can reach
 * @param maxZoom largest zoom (tiles above level 20 are scaled, not rendered)
 * @param tileCacheBytes memory budget of the tile cache (each tile is 256 KiB)
 * @param workers how many tile renders may run at once on the background executor
 * @param background map background colour
 * @param clusterBelowZoom live items are clustered into count bubbles below this zoom
 * @param blinkFor how long a new live item blinks
 * @param scaleBar whether the scale bar is shown (bottom-left)
 */
public record MapOptions(double minZoom, double maxZoom, long tileCacheBytes, int workers, Color background,
                         double clusterBelowZoom, Duration blinkFor, boolean scaleBar) {
    /** Options with the scale bar shown. */
    public MapOptions(double minZoom, double maxZoom, long tileCacheBytes, int workers, Color background,
                      double clusterBelowZoom, Duration blinkFor) {
        this(minZoom, maxZoom, tileCacheBytes, workers, background, clusterBelowZoom, blinkFor, true);
    }

    public static MapOptions defaults() {
        return new MapOptions(3, 20, 160L << 20, Math.max(1, Runtime.getRuntime().availableProcessors()),
                Color.web("#0d1b2a"), 15, Duration.ofSeconds(30), true);
    }

    public MapOptions withTileCacheBytes(long bytes) {
        return new MapOptions(minZoom, maxZoom, bytes, workers, background, clusterBelowZoom, blinkFor, scaleBar);
    }

    public MapOptions withWorkers(int count) {
        return new MapOptions(minZoom, maxZoom, tileCacheBytes, count, background, clusterBelowZoom, blinkFor,
                scaleBar);
    }

    public MapOptions withBackground(Color colour) {
        return new MapOptions(minZoom, maxZoom, tileCacheBytes, workers, colour, clusterBelowZoom, blinkFor,
                scaleBar);
    }

    public MapOptions withScaleBar(boolean shown) {
        return new MapOptions(minZoom, maxZoom, tileCacheBytes, workers, background, clusterBelowZoom, blinkFor,
                shown);
    }
}
