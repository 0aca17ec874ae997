package cn.tongguan.map.internal;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Cluster bubbles drawn once and stamped while the view pans (decision 0148 keeps a zoom's groups across pans,
 * so a bubble is the same group from frame to frame). A bubble is three anti-aliased discs and its wedges; at
 * district zoom the wall shows some 600 of them, and drawing them afresh was the largest part of a moving frame
 * (JFR on the wall's benchmark). A sprite is kept per group (by its status counts, which a group owns) and per
 * quarter-pixel offset; the cache is dropped when the groups are laid out anew. Porter–Duff "over" is
 * associative, so a bubble drawn into a clear sprite and blended over the map is the bubble drawn onto the map.
 * FX thread only.
 */
final class BubbleSprites {
    private static final int STEPS = 4;
    private static final int MAX = 2_048;

    private record Sprite(int sub, int half, int[] pixels) {
    }

    private final Map<int[], Sprite> sprites = new IdentityHashMap<>();
    private long generation = -1;

    /** Forgets every sprite when the groups are no longer those of {@code layoutGeneration}. */
    void forLayout(long layoutGeneration) {
        if (layoutGeneration != generation || sprites.size() > MAX) {
            sprites.clear();
            generation = layoutGeneration;
        }
    }

    void clear() {
        sprites.clear();
        generation = -1;
    }

    void draw(Raster frame, OverlayLayout.Group g) {
        int ix = (int) Math.floor(g.x());
        int iy = (int) Math.floor(g.y());
        int sx = Math.min(STEPS - 1, (int) ((g.x() - ix) * STEPS));
        int sy = Math.min(STEPS - 1, (int) ((g.y() - iy) * STEPS));
        int sub = sy * STEPS + sx;
        Sprite sprite = sprites.get(g.statusCounts());
        if (sprite == null || sprite.sub() != sub) {
            // the edge disc is r + 1, the kind's mark reaches r * 0.72 + 4.9
            int half = (int) Math.ceil(g.radius() + 6) + 1;
            Raster r = new Raster(2 * half, 2 * half);
            ClusterBubble.draw(r, half + (sx + 0.5) / STEPS, half + (sy + 0.5) / STEPS, g.radius(), g.statusCounts(),
                    g.kind());
            sprite = new Sprite(sub, half, r.pixels());
            sprites.put(g.statusCounts(), sprite);
        }
        frame.over(sprite.pixels(), 2 * sprite.half(), 2 * sprite.half(), ix - sprite.half(), iy - sprite.half());
    }
}
