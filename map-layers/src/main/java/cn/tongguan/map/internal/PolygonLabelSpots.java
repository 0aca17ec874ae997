package cn.tongguan.map.internal;

import cn.tongguan.map.FeatureLayer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.locationtech.jts.geom.Envelope;

/**
 * Another place inside a polygon for its name when the overlay's bubbles cover the usual one (decision 0146).
 * Candidates are points of a grid anchored to the world at the current zoom (so a pan does not move them), inside
 * the polygon, tried nearest the usual anchor first; a place whose whole box lies inside the polygon beats one
 * that only has its centre inside. The place chosen for a name is kept for the next frames at the same zoom while
 * it stays clear, so a name does not hop between equally good places as the bubbles at the screen's edge change.
 * FX thread.
 */
final class PolygonLabelSpots {
    /** At most about GRID × GRID candidates over the polygon's extent: a few hundred box tests per moved name. */
    private static final int GRID = 24;
    private static final double MIN_STEP = 4;

    private record Key(FeatureLayer layer, int feature) {
    }

    /** A chosen place in world units, for the zoom and text it was chosen for. */
    private record Spot(double wx, double wy, double zoom, String text) {
    }

    private record Point(double sx, double sy, double distance) {
    }

    private Map<Key, Spot> last = new HashMap<>();
    private Map<Key, Spot> current = new HashMap<>();

    /** A new frame's placement begins: only the places chosen in the previous one are remembered. */
    void frameStarted() {
        last = current;
        current = new HashMap<>();
    }

    /**
     * The screen centre {x, y} of a clear place for a label box of {@code boxWidth} × {@code boxHeight} (padding
     * included) inside the anchor's polygon, or null when there is none; {@code clear} says whether a box
     * (x0, y0, x1, y1) is free (on screen, off other names and off the overlay).
     */
    double[] find(Viewport vp, CompiledLayer layer, CompiledLayer.LabelAnchor anchor, double boxWidth,
                  double boxHeight, double pad, Predicate<double[]> clear) {
        Key key = new Key(layer.layer(), anchor.feature());
        Spot kept = last.get(key);
        if (kept != null && kept.zoom() == vp.zoom() && kept.text().equals(anchor.text())) {
            double sx = vp.screenX(kept.wx());
            double sy = vp.screenY(kept.wy());
            if (clear.test(box(sx, sy, boxWidth, boxHeight)) && anchor.contains(kept.wx(), kept.wy())) {
                current.put(key, kept);
                return new double[] {sx, sy};
            }
        }
        double[] fallback = null;
        for (Point p : candidates(vp, anchor, boxWidth, boxHeight)) {
            if (!clear.test(box(p.sx(), p.sy(), boxWidth, boxHeight))) {
                continue;
            }
            double wx = vp.worldX(p.sx());
            double wy = vp.worldY(p.sy());
            if (!anchor.contains(wx, wy)) {
                continue;
            }
            double[] spot = {p.sx(), p.sy(), wx, wy};
            if (boxInside(vp, anchor, p.sx(), p.sy(), boxWidth - 2 * pad, boxHeight - 2 * pad)) {
                return remember(key, spot, vp, anchor);
            }
            if (fallback == null) {
                fallback = spot;
            }
        }
        return fallback == null ? null : remember(key, fallback, vp, anchor);
    }

    private double[] remember(Key key, double[] spot, Viewport vp, CompiledLayer.LabelAnchor anchor) {
        current.put(key, new Spot(spot[2], spot[3], vp.zoom(), anchor.text()));
        return new double[] {spot[0], spot[1]};
    }

    /**
     * Grid points over the polygon's extent where the whole box is on screen, nearest the usual anchor first. The
     * grid's steps depend on the zoom, the extent and the box only, and its points are multiples of the steps in
     * world pixels, so a pan shows the same points.
     */
    private static List<Point> candidates(Viewport vp, CompiledLayer.LabelAnchor anchor, double boxWidth,
                                          double boxHeight) {
        double ws = vp.worldSize();
        Envelope e = anchor.envelope();
        double stepX = Math.max(MIN_STEP, Math.max(boxWidth / 4, e.getWidth() * ws / GRID));
        double stepY = Math.max(MIN_STEP, Math.max(boxHeight / 2, e.getHeight() * ws / GRID));
        // world pixel = screen pixel + offset
        double ox = vp.centerX() * ws - vp.width() / 2;
        double oy = vp.centerY() * ws - vp.height() / 2;
        long i0 = (long) Math.ceil(Math.max(e.getMinX() * ws, boxWidth / 2 + ox) / stepX);
        long i1 = (long) Math.floor(Math.min(e.getMaxX() * ws, vp.width() - boxWidth / 2 + ox) / stepX);
        long j0 = (long) Math.ceil(Math.max(e.getMinY() * ws, boxHeight / 2 + oy) / stepY);
        long j1 = (long) Math.floor(Math.min(e.getMaxY() * ws, vp.height() - boxHeight / 2 + oy) / stepY);
        double ax = vp.screenX(anchor.x());
        double ay = vp.screenY(anchor.y());
        List<Point> points = new ArrayList<>();
        for (long j = j0; j <= j1; j++) {
            for (long i = i0; i <= i1; i++) {
                double sx = i * stepX - ox;
                double sy = j * stepY - oy;
                points.add(new Point(sx, sy, Math.hypot(sx - ax, sy - ay)));
            }
        }
        // ties (points mirrored about the anchor) go top-left first, so the same view gives the same choice
        points.sort(Comparator.comparingDouble(Point::distance).thenComparingDouble(Point::sy)
                .thenComparingDouble(Point::sx));
        return points;
    }

    /** Whether the text's box (corners and the middles of its sides) lies inside the polygon. */
    private static boolean boxInside(Viewport vp, CompiledLayer.LabelAnchor anchor, double sx, double sy, double w,
                                     double h) {
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                if (!anchor.contains(vp.worldX(sx + dx * w / 2), vp.worldY(sy + dy * h / 2))) {
                    return false;
                }
            }
        }
        return true;
    }

    static double[] box(double x, double y, double w, double h) {
        return new double[] {x - w / 2, y - h / 2, x + w / 2, y + h / 2};
    }
}
