package cn.tongguan.map.harness;

import cn.tongguan.map.LiveItem;
import cn.tongguan.map.LiveStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;

/**
 * A synthetic road grid over the urban districts (arterials every ~550–650 m, slightly wavy, a few diagonals),
 * cut into 40 m pieces weighted by distance from the centre, from which parts are sampled just beside the
 * carriageway, the way manholes, lamps and trees line real streets.
 */
final class RoadNetwork {
    private static final double KM_LNG = 1 / 90.8;
    private static final double KM_LAT = 1 / 111.0;
    private final Random random;
    private final List<double[]> pieces = new ArrayList<>();
    private final List<Coordinate> crossings = new ArrayList<>();
    private final List<List<Coordinate>> roads = new ArrayList<>();
    private double[] cumulative;

    RoadNetwork(Random random, Geometry urban, double centreLng, double centreLat) {
        this.random = random;
        IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(urban);
        double half = 12;
        List<double[]> weights = new ArrayList<>();
        for (double off = -half; off <= half; off += 0.55 + random.nextDouble() * 0.1) {
            addRoad(locator, centreLng, centreLat, -half, off, half, off, weights);
            addRoad(locator, centreLng, centreLat, off, -half, off, half, weights);
        }
        addRoad(locator, centreLng, centreLat, -8, -6, 8, 6, weights);
        addRoad(locator, centreLng, centreLat, -8, 7, 7, -7, weights);
        cumulative = new double[pieces.size()];
        double sum = 0;
        for (int i = 0; i < pieces.size(); i++) {
            sum += weights.get(i)[0];
            cumulative[i] = sum;
        }
    }

    /** A road from (x0,y0) to (x1,y1) in km around the centre, wobbling a little; pieces outside the city dropped. */
    private void addRoad(IndexedPointInAreaLocator locator, double lng0, double lat0, double x0, double y0,
                         double x1, double y1, List<double[]> weights) {
        double length = Math.hypot(x1 - x0, y1 - y0);
        int steps = (int) (length / 0.04);
        double phase = random.nextDouble() * 6;
        double nx = -(y1 - y0) / length;
        double ny = (x1 - x0) / length;
        double[] prev = null;
        List<Coordinate> run = new ArrayList<>();
        for (int s = 0; s <= steps; s++) {
            double t = (double) s / steps;
            double wobble = 0.06 * Math.sin(phase + t * length / 1.7);
            double kx = x0 + (x1 - x0) * t + nx * wobble;
            double ky = y0 + (y1 - y0) * t + ny * wobble;
            double[] p = {lng0 + kx * KM_LNG, lat0 + ky * KM_LAT};
            boolean inside = locator.locate(new Coordinate(p[0], p[1])) == Location.INTERIOR;
            if (inside) {
                run.add(new Coordinate(p[0], p[1]));
            } else {
                endRun(run);
                run = new ArrayList<>();
            }
            if (prev != null && inside) {
                double d = Math.hypot(kx, ky);
                // dense old town, thinning suburbs; never zero so every street has some parts
                double weight = 0.12 + Math.exp(-(d * d) / (3.2 * 3.2));
                pieces.add(new double[] {prev[0], prev[1], p[0], p[1]});
                weights.add(new double[] {weight});
                if (s % 14 == 0) {
                    crossings.add(new Coordinate(p[0], p[1]));
                }
            }
            prev = p;
        }
        endRun(run);
    }

    private void endRun(List<Coordinate> run) {
        if (run.size() >= 2) {
            // keep every 5th vertex (200 m): enough for the gentle wobble, a fifth of the vertices
            List<Coordinate> thinned = new ArrayList<>();
            for (int i = 0; i < run.size(); i += 5) {
                thinned.add(run.get(i));
            }
            if (!thinned.get(thinned.size() - 1).equals(run.get(run.size() - 1))) {
                thinned.add(run.get(run.size() - 1));
            }
            roads.add(thinned);
        }
    }

    /** The road centre lines inside the urban districts. */
    List<List<Coordinate>> roads() {
        return roads;
    }

    void samplePart(double[] out) {
        double r = random.nextDouble() * cumulative[cumulative.length - 1];
        int i = Arrays.binarySearch(cumulative, r);
        i = i < 0 ? -i - 1 : i;
        double[] piece = pieces.get(Math.min(i, pieces.size() - 1));
        double t = random.nextDouble();
        double dx = piece[2] - piece[0];
        double dy = piece[3] - piece[1];
        double len = Math.hypot(dx / KM_LNG, dy / KM_LAT);
        // most parts 8–25 m beside the centre line (kerb, pavement); a third inside the blocks, up to 250 m in
        double offset = random.nextDouble() < 0.67 ? 0.008 + random.nextDouble() * 0.017
                : 0.025 + random.nextDouble() * 0.225;
        double side = (random.nextBoolean() ? 1 : -1) * offset;
        double nx = -(dy / KM_LAT) / len;
        double ny = (dx / KM_LNG) / len;
        out[0] = piece[0] + dx * t + nx * side * KM_LNG;
        out[1] = piece[1] + dy * t + ny * side * KM_LAT;
    }

    /** 139 cameras at road crossings, looking along the road. */
    void intersections(List<LiveItem> live, Random rnd, Instant now) {
        Instant since = now.minusSeconds(7200);
        for (int i = 0; i < 139 && !crossings.isEmpty(); i++) {
            Coordinate c = crossings.get(rnd.nextInt(crossings.size()));
            LiveStatus status = i % 23 == 0 ? LiveStatus.OFFLINE : LiveStatus.NORMAL;
            live.add(LiveItem.camera(String.format("cam%03d", i + 1), c.x, c.y, status, since,
                    rnd.nextInt(4) * 90 + rnd.nextGaussian() * 10, 60 + rnd.nextInt(30)));
        }
    }
}
