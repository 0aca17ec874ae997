package cn.tongguan.map.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Puts cached tiles on the screen raster for a viewport, every frame on the FX thread (decision 0115).
 *
 * <p>A settled view is drawn from tiles rendered at exactly its zoom, copied row by row: nothing is resampled, so
 * every 1-pixel line and every symbol looks as the style says at any fractional zoom. While the zoom moves, tiles
 * of the pyramid level just below are used and enlarged (by less than 2×) with nearest neighbour, which can
 * duplicate a row but never drop one. A missing tile is replaced by the matching part of cached tiles of the
 * nearest other zoom that covers it — enlarged if coarser, reduced with a bilinear filter if finer (so a 1-pixel
 * line stays visible, fainter) — so the old image is shown transformed instead of a blank.
 */
public final class Compositor {
    private static final int SIZE = WebMercator.TILE_SIZE;
    private static final int MAX_FALLBACK_ZOOMS = 4;
    private final int maxLevel;
    private final List<TileKey> wanted = new ArrayList<>();
    private int[] columnMap = new int[0];
    private int[] columnWeight = new int[0];

    public Compositor(int maxLevel) {
        this.maxLevel = maxLevel;
    }

    /** The zoom tiles are drawn at for this view: its own when settled, the level below while zooming. */
    public double tileZoom(Viewport vp, boolean zooming) {
        double zoom = Math.max(0, Math.min(maxLevel, vp.zoom()));
        return zooming ? Math.floor(zoom + 1e-9) : zoom;
    }

    /** The key of the tile at grid position (tx, ty) for a tile zoom. */
    public static TileKey key(double zoom, int tx, int ty) {
        boolean pyramid = zoom == Math.rint(zoom);
        return new TileKey(pyramid ? (int) zoom : (int) Math.round(zoom), tx, ty, zoom);
    }

    /**
     * Draws the tiles and returns the keys to render (missing or stale), nearest to the centre first. The list is
     * reused by the next call.
     */
    public List<TileKey> compose(Viewport vp, Raster frame, TileCache cache, long version, int background,
                                 boolean zooming) {
        double zoom = tileZoom(vp, zooming);
        int n = TileKey.tilesPerSide(zoom);
        double tilesPerWorld = WebMercator.worldSize(zoom) / SIZE;
        double tileOnScreen = SIZE * Math.pow(2, vp.zoom() - zoom);
        boolean exact = Math.abs(tileOnScreen - SIZE) < 1e-6;
        int tx0 = Math.max(0, (int) Math.floor(vp.worldX(0) * tilesPerWorld));
        int ty0 = Math.max(0, (int) Math.floor(vp.worldY(0) * tilesPerWorld));
        int tx1 = Math.min(n - 1, (int) Math.floor(vp.worldX(vp.width()) * tilesPerWorld));
        int ty1 = Math.min(n - 1, (int) Math.floor(vp.worldY(vp.height()) * tilesPerWorld));
        wanted.clear();
        // one rounding for the whole frame keeps neighbouring tiles seamless
        double originX = vp.screenX(0);
        double originY = vp.screenY(0);
        if (!covered(vp, cache, zoom, tx0, ty0, tx1, ty1, originX, originY, tileOnScreen)) {
            // only then: clearing 1920 × 1080 pixels that opaque tiles overwrite anyway was a tenth of a moving frame
            frame.clear(background);
        }
        for (int ty = ty0; ty <= ty1; ty++) {
            for (int tx = tx0; tx <= tx1; tx++) {
                TileKey key = key(zoom, tx, ty);
                double sx = originX + tx * tileOnScreen;
                double sy = originY + ty * tileOnScreen;
                TileCache.Tile tile = cache.get(key);
                if (tile == null || tile.version() != version) {
                    wanted.add(key);
                }
                if (tile == null) {
                    drawStandIn(frame, cache, vp, sx, sy, tileOnScreen, zoom, zooming);
                } else if (exact) {
                    frame.blit(tile.pixels(), SIZE, SIZE, (int) Math.round(sx), (int) Math.round(sy));
                } else {
                    drawScaled(frame, tile.pixels(), 0, 0, SIZE, sx, sy, tileOnScreen, null, false);
                }
            }
        }
        double cx = vp.centerX() * tilesPerWorld;
        double cy = vp.centerY() * tilesPerWorld;
        wanted.sort(Comparator.comparingDouble(k -> Math.hypot(k.x() + 0.5 - cx, k.y() + 0.5 - cy)));
        return wanted;
    }

    /** Whether cached tiles of this zoom cover the whole screen (each tile is opaque). */
    private static boolean covered(Viewport vp, TileCache cache, double zoom, int tx0, int ty0, int tx1, int ty1,
                                   double originX, double originY, double tileOnScreen) {
        if (originX + tx0 * tileOnScreen > 0 || originY + ty0 * tileOnScreen > 0
                || originX + (tx1 + 1) * tileOnScreen < vp.width() || originY + (ty1 + 1) * tileOnScreen < vp.height()) {
            return false;
        }
        for (int ty = ty0; ty <= ty1; ty++) {
            for (int tx = tx0; tx <= tx1; tx++) {
                if (cache.get(key(zoom, tx, ty)) == null) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Fills the screen square of a missing tile from the nearest cached zoom whose tiles cover it all (coarser
     * zooms first at equal distance: enlarging is cheaper and drops nothing), else from what is there.
     */
    private void drawStandIn(Raster frame, TileCache cache, Viewport vp, double sx, double sy, double size,
                             double zoom, boolean zooming) {
        int[] clip = {(int) Math.round(sx), (int) Math.round(sy), (int) Math.round(sx + size),
            (int) Math.round(sy + size)};
        List<Double> zooms = cache.zoomsNear(zoom, MAX_FALLBACK_ZOOMS);
        for (int pass = 0; pass < 2; pass++) {
            for (double other : zooms) {
                if (other == zoom) {
                    continue;
                }
                if (drawFrom(frame, cache, vp, other, clip, pass == 0, zooming)) {
                    return;
                }
            }
        }
    }

    /** Draws the cached tiles of one zoom under a screen rectangle; with {@code complete}, only if all exist. */
    private boolean drawFrom(Raster frame, TileCache cache, Viewport vp, double zoom, int[] clip, boolean complete,
                             boolean fast) {
        double tilesPerWorld = WebMercator.worldSize(zoom) / SIZE;
        int n = TileKey.tilesPerSide(zoom);
        int tx0 = Math.max(0, (int) Math.floor(vp.worldX(clip[0]) * tilesPerWorld));
        int ty0 = Math.max(0, (int) Math.floor(vp.worldY(clip[1]) * tilesPerWorld));
        int tx1 = Math.min(n - 1, (int) Math.floor(vp.worldX(clip[2] - 1e-6) * tilesPerWorld));
        int ty1 = Math.min(n - 1, (int) Math.floor(vp.worldY(clip[3] - 1e-6) * tilesPerWorld));
        if ((tx1 - tx0 + 1) * (ty1 - ty0 + 1) > 64) {
            return false;
        }
        if (complete) {
            for (int ty = ty0; ty <= ty1; ty++) {
                for (int tx = tx0; tx <= tx1; tx++) {
                    if (cache.get(key(zoom, tx, ty)) == null) {
                        return false;
                    }
                }
            }
        }
        double onScreen = SIZE * Math.pow(2, vp.zoom() - zoom);
        boolean drew = false;
        for (int ty = ty0; ty <= ty1; ty++) {
            for (int tx = tx0; tx <= tx1; tx++) {
                TileCache.Tile tile = cache.get(key(zoom, tx, ty));
                if (tile != null) {
                    drawScaled(frame, tile.pixels(), 0, 0, SIZE, vp.screenX(0) + tx * onScreen,
                            vp.screenY(0) + ty * onScreen, onScreen, clip, fast);
                    drew = true;
                }
            }
        }
        return drew;
    }

    /**
     * Copies the square source region (srcX, srcY, srcSize) of a 256² tile onto the destination square (dstX,
     * dstY, dstSize), clipped to the frame and to {@code clip} ({x0, y0, x1, y1} or null): nearest neighbour when
     * enlarging (every source pixel lands at least once), bilinear when reducing (no source row is skipped
     * outright for reductions up to 2×) unless {@code fast}: while the zoom moves, reduced stand-ins are shown
     * for a few frames only and nearest neighbour costs a quarter (a 1-pixel line may flicker until the
     * pyramid tiles arrive, which are only ever enlarged).
     */
    void drawScaled(Raster frame, int[] src, double srcX, double srcY, double srcSize, double dstX, double dstY,
                    double dstSize, int[] clip, boolean fast) {
        int x0 = Math.max(0, (int) Math.round(dstX));
        int y0 = Math.max(0, (int) Math.round(dstY));
        int x1 = Math.min(frame.width(), (int) Math.round(dstX + dstSize));
        int y1 = Math.min(frame.height(), (int) Math.round(dstY + dstSize));
        if (clip != null) {
            x0 = Math.max(x0, clip[0]);
            y0 = Math.max(y0, clip[1]);
            x1 = Math.min(x1, clip[2]);
            y1 = Math.min(y1, clip[3]);
        }
        if (x0 >= x1 || y0 >= y1) {
            return;
        }
        double ratio = srcSize / dstSize;
        if (columnMap.length < frame.width()) {
            columnMap = new int[frame.width()];
            columnWeight = new int[frame.width()];
        }
        int[] dst = frame.pixels();
        int fw = frame.width();
        if (ratio <= 1 + 1e-9 || fast) {
            for (int x = x0; x < x1; x++) {
                int s = (int) (srcX + (x + 0.5 - dstX) * ratio);
                columnMap[x - x0] = Math.max(0, Math.min(SIZE - 1, s));
            }
            int previous = -1;
            for (int y = y0; y < y1; y++) {
                int sy = Math.max(0, Math.min(SIZE - 1, (int) (srcY + (y + 0.5 - dstY) * ratio)));
                int dstRow = y * fw;
                if (sy == previous) {
                    // an enlarged row repeats the one above: one copy instead of a gather per pixel
                    System.arraycopy(dst, dstRow - fw + x0, dst, dstRow + x0, x1 - x0);
                    continue;
                }
                previous = sy;
                int srcRow = sy * SIZE;
                for (int x = x0; x < x1; x++) {
                    dst[dstRow + x] = src[srcRow + columnMap[x - x0]];
                }
            }
            return;
        }
        for (int x = x0; x < x1; x++) {
            double s = srcX + (x + 0.5 - dstX) * ratio - 0.5;
            int left = (int) Math.floor(s);
            columnWeight[x - x0] = (int) Math.round((s - left) * 256);
            columnMap[x - x0] = Math.max(0, Math.min(SIZE - 2, left));
        }
        for (int y = y0; y < y1; y++) {
            double s = srcY + (y + 0.5 - dstY) * ratio - 0.5;
            int top = Math.max(0, Math.min(SIZE - 2, (int) Math.floor(s)));
            int wy = (int) Math.round((s - Math.floor(s)) * 256);
            int row0 = top * SIZE;
            int row1 = row0 + SIZE;
            int dstRow = y * fw;
            for (int x = x0; x < x1; x++) {
                int c = columnMap[x - x0];
                int wx = columnWeight[x - x0];
                int a = mix(src[row0 + c], src[row0 + c + 1], wx);
                int b = mix(src[row1 + c], src[row1 + c + 1], wx);
                dst[dstRow + x] = mix(a, b, wy);
            }
        }
    }

    /** (256 − w)/256 of p plus w/256 of q, per premultiplied channel. */
    static int mix(int p, int q, int w) {
        int iw = 256 - w;
        int rb = ((p & 0xff00ff) * iw + (q & 0xff00ff) * w) >>> 8 & 0xff00ff;
        int ag = (((p >>> 8) & 0xff00ff) * iw + ((q >>> 8) & 0xff00ff) * w) & 0xff00ff00;
        return ag | rb;
    }
}
