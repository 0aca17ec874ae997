package cn.tongguan.map.internal;

import cn.tongguan.map.FeatureHit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;

/**
 * Finds the features under a world position, top layer first: inside a polygon (even-odd, holes respected),
 * within a tolerance of a line, or within a tolerance of a point (nearest first). Uses the compiled layers'
 * indexes, so a query costs a few index lookups rather than a pass over 629,724 parts. Stateless.
 */
public final class HitTester {
    private HitTester() {
    }

    /**
     * @param layers compiled layers bottom to top
     * @param level the tile level the layers are shown at
     * @param tolerance tolerance in world units (a few pixels at the current zoom)
     */
    public static List<FeatureHit> hits(List<CompiledLayer> layers, int level, double wx, double wy,
                                        double tolerance) {
        List<FeatureHit> result = new ArrayList<>();
        for (int l = layers.size() - 1; l >= 0; l--) {
            CompiledLayer layer = layers.get(l);
            if (!layer.settings().hitTestable() || !layer.shownAtLevel(level)) {
                continue;
            }
            Set<Integer> found = new LinkedHashSet<>();
            if (layer.pointCount > 0 && !layer.aggregatesAtLevel(level)) {
                nearestPoints(layer, wx, wy, tolerance, found);
            }
            shapes(layer, wx, wy, tolerance, found);
            for (int feature : found) {
                result.add(new FeatureHit(layer.layer(), layer.features().get(feature)));
            }
        }
        return result;
    }

    private static void nearestPoints(CompiledLayer layer, double wx, double wy, double tol, Set<Integer> found) {
        double[] best = {Double.MAX_VALUE};
        int[] bestIndex = {-1};
        layer.pointIndex.query(wx - tol, wy - tol, wx + tol, wy + tol, i -> {
            double dx = layer.px[i] - wx;
            double dy = layer.py[i] - wy;
            double d = dx * dx + dy * dy;
            if (d <= tol * tol && d < best[0]) {
                best[0] = d;
                bestIndex[0] = i;
            }
        });
        if (bestIndex[0] >= 0) {
            found.add(layer.pointFeature[bestIndex[0]]);
        }
    }

    @SuppressWarnings("unchecked")
    private static void shapes(CompiledLayer layer, double wx, double wy, double tol, Set<Integer> found) {
        List<Integer> candidates = layer.shapeIndex.query(new Envelope(wx - tol, wx + tol, wy - tol, wy + tol));
        // smallest first: a click inside a grid inside a community should name the grid first
        candidates.sort((a, b) -> Double.compare(layer.shapes.get(a).envelope().getArea(),
                layer.shapes.get(b).envelope().getArea()));
        for (int s : candidates) {
            CompiledLayer.Shape shape = layer.shapes.get(s);
            boolean hit = shape.polygon() ? inside(shape.rings(), wx, wy) : near(shape.rings()[0], wx, wy, tol);
            if (hit) {
                found.add(shape.feature());
            }
        }
    }

    /** Even-odd point in polygon over all rings, so holes exclude. */
    static boolean inside(double[][] rings, double x, double y) {
        boolean in = false;
        for (double[] ring : rings) {
            int n = ring.length / 2;
            for (int i = 0, j = n - 1; i < n; j = i++) {
                double xi = ring[2 * i];
                double yi = ring[2 * i + 1];
                double xj = ring[2 * j];
                double yj = ring[2 * j + 1];
                if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
                    in = !in;
                }
            }
        }
        return in;
    }

    static boolean near(double[] path, double x, double y, double tol) {
        for (int i = 0; i + 3 < path.length; i += 2) {
            double ax = path[i];
            double ay = path[i + 1];
            double bx = path[i + 2];
            double by = path[i + 3];
            double dx = bx - ax;
            double dy = by - ay;
            double len = dx * dx + dy * dy;
            double t = len == 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len));
            double ex = ax + t * dx - x;
            double ey = ay + t * dy - y;
            if (ex * ex + ey * ey <= tol * tol) {
                return true;
            }
        }
        return false;
    }
}
