package cn.tongguan.map.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The overlay's drawn groups (bubbles and single symbols) as circles on screen, bucketed in 64-pixel cells so a
 * label box asks only the circles near it (decision 0146: a polygon's name moves off the bubbles). Immutable once
 * built; FX thread.
 */
final class OverlayObstacles {
    static final OverlayObstacles NONE = new OverlayObstacles(List.of());
    private static final double BUCKET = 64;
    /** The white ring of a symbol and the dark edge of a bubble lie outside their radius. */
    private static final double EDGE = 2;
    private final Map<Long, List<double[]>> buckets = new HashMap<>();

    private OverlayObstacles(List<double[]> circles) {
        for (double[] c : circles) {
            long bx0 = (long) Math.floor((c[0] - c[2]) / BUCKET);
            long bx1 = (long) Math.floor((c[0] + c[2]) / BUCKET);
            long by0 = (long) Math.floor((c[1] - c[2]) / BUCKET);
            long by1 = (long) Math.floor((c[1] + c[2]) / BUCKET);
            for (long by = by0; by <= by1; by++) {
                for (long bx = bx0; bx <= bx1; bx++) {
                    buckets.computeIfAbsent(key(bx, by), k -> new ArrayList<>()).add(c);
                }
            }
        }
    }

    /** The groups of a frame, as drawn. */
    static OverlayObstacles of(List<OverlayLayout.Group> groups) {
        if (groups.isEmpty()) {
            return NONE;
        }
        List<double[]> circles = new ArrayList<>(groups.size());
        for (OverlayLayout.Group g : groups) {
            circles.add(new double[] {g.x(), g.y(), g.radius() + EDGE});
        }
        return new OverlayObstacles(circles);
    }

    /** Circles {x, y, radius} on screen (tests). */
    static OverlayObstacles ofCircles(List<double[]> circles) {
        return new OverlayObstacles(circles);
    }

    boolean isEmpty() {
        return buckets.isEmpty();
    }

    /** Whether a box (x0, y0, x1, y1) meets any circle. */
    boolean meets(double[] box) {
        if (buckets.isEmpty()) {
            return false;
        }
        long bx0 = (long) Math.floor(box[0] / BUCKET);
        long bx1 = (long) Math.floor(box[2] / BUCKET);
        long by0 = (long) Math.floor(box[1] / BUCKET);
        long by1 = (long) Math.floor(box[3] / BUCKET);
        for (long by = by0; by <= by1; by++) {
            for (long bx = bx0; bx <= bx1; bx++) {
                List<double[]> near = buckets.get(key(bx, by));
                if (near != null && meetsAny(near, box)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean meetsAny(List<double[]> circles, double[] box) {
        for (double[] c : circles) {
            double dx = c[0] - Math.max(box[0], Math.min(c[0], box[2]));
            double dy = c[1] - Math.max(box[1], Math.min(c[1], box[3]));
            if (dx * dx + dy * dy < c[2] * c[2]) {
                return true;
            }
        }
        return false;
    }

    private static long key(long bx, long by) {
        return (by << 32) ^ (bx & 0xffffffffL);
    }
}
