package cn.tongguan.map.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Puts cached tiles on the screen raster for a viewport, every frame on the FX thread. A tile at exactly its
 * level's scale is copied row by row; otherwise it is scaled by nearest neighbour. A missing tile is replaced by
 * the matching part of a cached ancestor (up to four levels up) or by its cached children, so that while new
 * tiles render the old image is shown transformed instead of a blank.
 */
public final class Compositor {
    private static final int SIZE = WebMercator.TILE_SIZE;
    private final int maxLevel;
    private int[] columnMap = new int[0];

    public Compositor(int maxLevel) {
        this.maxLevel = maxLevel;
    }

    /**
     * Draws the tiles and returns the keys to render (missing or stale), nearest to the centre first.
     */
    public List<TileKey> compose(Viewport vp, Raster frame, TileCache cache, long version, int background) {
        frame.clear(background);
        int z = vp.level(maxLevel);
        int n = 1 << z;
        double tileOnScreen = SIZE * Math.pow(2, vp.zoom() - z);
        boolean exact = Math.abs(tileOnScreen - SIZE) < 1e-6;
        int tx0 = Math.max(0, (int) Math.floor(vp.worldX(0) * n));
        int ty0 = Math.max(0, (int) Math.floor(vp.worldY(0) * n));
        int tx1 = Math.min(n - 1, (int) Math.floor(vp.worldX(vp.width()) * n));
        int ty1 = Math.min(n - 1, (int) Math.floor(vp.worldY(vp.height()) * n));
        List<TileKey> wanted = new ArrayList<>();
        for (int ty = ty0; ty <= ty1; ty++) {
            for (int tx = tx0; tx <= tx1; tx++) {
                TileKey key = new TileKey(z, tx, ty);
                double sx = vp.screenX(key.minX());
                double sy = vp.screenY(key.minY());
                TileCache.Tile tile = cache.get(key);
                if (tile == null || tile.version() != version) {
                    wanted.add(key);
                }
                if (tile != null) {
                    if (exact) {
                        frame.blit(tile.pixels(), SIZE, SIZE, (int) Math.round(sx), (int) Math.round(sy));
                    } else {
                        drawScaled(frame, tile.pixels(), 0, 0, SIZE, sx, sy, tileOnScreen);
                    }
                } else if (!drawAncestor(frame, cache, key, sx, sy, tileOnScreen)) {
                    drawChildren(frame, cache, key, sx, sy, tileOnScreen);
                }
            }
        }
        double cx = vp.centerX() * n;
        double cy = vp.centerY() * n;
        wanted.sort(Comparator.comparingDouble(k -> Math.hypot(k.x() + 0.5 - cx, k.y() + 0.5 - cy)));
        return wanted;
    }

    private boolean drawAncestor(Raster frame, TileCache cache, TileKey key, double sx, double sy, double size) {
        TileKey k = key;
        for (int up = 1; up <= 4 && k.z() > 0; up++) {
            k = k.parent();
            TileCache.Tile parent = cache.get(k);
            if (parent != null) {
                double sub = SIZE / (double) (1 << up);
                double srcX = (key.x() - (k.x() << up)) * sub;
                double srcY = (key.y() - (k.y() << up)) * sub;
                drawScaled(frame, parent.pixels(), srcX, srcY, sub, sx, sy, size);
                return true;
            }
        }
        return false;
    }

    private void drawChildren(Raster frame, TileCache cache, TileKey key, double sx, double sy, double size) {
        if (key.z() >= maxLevel) {
            return;
        }
        double half = size / 2;
        for (int dy = 0; dy < 2; dy++) {
            for (int dx = 0; dx < 2; dx++) {
                TileCache.Tile child = cache.get(new TileKey(key.z() + 1, key.x() * 2 + dx, key.y() * 2 + dy));
                if (child != null) {
                    drawScaled(frame, child.pixels(), 0, 0, SIZE, sx + dx * half, sy + dy * half, half);
                }
            }
        }
    }

    /**
     * Nearest-neighbour copy of the square source region (srcX, srcY, srcSize) of a 256² tile onto the destination
     * square (dstX, dstY, dstSize), clipped to the frame.
     */
    void drawScaled(Raster frame, int[] src, double srcX, double srcY, double srcSize, double dstX, double dstY,
                    double dstSize) {
        int x0 = Math.max(0, (int) Math.round(dstX));
        int y0 = Math.max(0, (int) Math.round(dstY));
        int x1 = Math.min(frame.width(), (int) Math.round(dstX + dstSize));
        int y1 = Math.min(frame.height(), (int) Math.round(dstY + dstSize));
        if (x0 >= x1 || y0 >= y1) {
            return;
        }
        double ratio = srcSize / dstSize;
        if (columnMap.length < x1 - x0) {
            columnMap = new int[frame.width()];
        }
        for (int x = x0; x < x1; x++) {
            int s = (int) (srcX + (x + 0.5 - dstX) * ratio);
            columnMap[x - x0] = Math.max(0, Math.min(SIZE - 1, s));
        }
        int[] dst = frame.pixels();
        int fw = frame.width();
        for (int y = y0; y < y1; y++) {
            int sy = Math.max(0, Math.min(SIZE - 1, (int) (srcY + (y + 0.5 - dstY) * ratio)));
            int srcRow = sy * SIZE;
            int dstRow = y * fw;
            for (int x = x0; x < x1; x++) {
                dst[dstRow + x] = src[srcRow + columnMap[x - x0]];
            }
        }
    }
}
