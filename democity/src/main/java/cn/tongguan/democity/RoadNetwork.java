package cn.tongguan.democity;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineSegment;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * A plausible street network over the built-up area, in metres: arterial roads about every 700 m in both
 * directions (Xinxiang's centre is a near-orthogonal grid), minor streets about every 230 m in the dense
 * core, each line slightly jittered; clipped to the gridded communities. Parts are placed along it.
 */
final class RoadNetwork {
    private static final double MAIN_SPACING = 700;
    private static final double MINOR_SPACING = 230;
    private static final double MINOR_RADIUS = 5_500;

    /** A piece of road inside the built-up area; {@code weight} = length × local density. */
    record Segment(LineSegment line, boolean main, double weight) {
    }

    private final List<Segment> segments = new ArrayList<>();
    private final List<Coordinate> mainIntersections = new ArrayList<>();
    private final double[] cumulative;

    RoadNetwork(List<Area> builtUp, List<Coordinate> cores, GeometryFactory factory, SplittableRandom random) {
        Envelope env = new Envelope();
        builtUp.forEach(a -> env.expandToInclude(a.shape().getEnvelopeInternal()));
        List<Double> mainX = offsets(env.getMinX(), env.getMaxX(), MAIN_SPACING, random);
        List<Double> mainY = offsets(env.getMinY(), env.getMaxY(), MAIN_SPACING, random);
        List<LineString> lines = new ArrayList<>();
        List<Boolean> isMain = new ArrayList<>();
        for (double x : mainX) {
            lines.add(line(factory, x, env.getMinY(), x, env.getMaxY()));
            isMain.add(true);
        }
        for (double y : mainY) {
            lines.add(line(factory, env.getMinX(), y, env.getMaxX(), y));
            isMain.add(true);
        }
        for (double x : offsets(env.getMinX(), env.getMaxX(), MINOR_SPACING, random)) {
            lines.add(line(factory, x, env.getMinY(), x, env.getMaxY()));
            isMain.add(false);
        }
        for (double y : offsets(env.getMinY(), env.getMaxY(), MINOR_SPACING, random)) {
            lines.add(line(factory, env.getMinX(), y, env.getMaxX(), y));
            isMain.add(false);
        }
        List<PreparedGeometry> areas = builtUp.stream().map(a -> PreparedGeometryFactory.prepare(a.shape())).toList();
        for (int i = 0; i < lines.size(); i++) {
            LineString road = lines.get(i);
            for (int a = 0; a < builtUp.size(); a++) {
                if (!areas.get(a).intersects(road)) {
                    continue;
                }
                Geometry inside = builtUp.get(a).shape().intersection(road);
                for (int g = 0; g < inside.getNumGeometries(); g++) {
                    Coordinate[] cs = inside.getGeometryN(g).getCoordinates();
                    for (int k = 1; k < cs.length; k++) {
                        addSegment(new LineSegment(cs[k - 1], cs[k]), isMain.get(i), cores);
                    }
                }
            }
        }
        for (double x : mainX) {
            for (double y : mainY) {
                Coordinate c = new Coordinate(x, y);
                if (areas.stream().anyMatch(p -> p.contains(factory.createPoint(c)))) {
                    mainIntersections.add(c);
                }
            }
        }
        cumulative = new double[segments.size()];
        double sum = 0;
        for (int i = 0; i < segments.size(); i++) {
            sum += segments.get(i).weight();
            cumulative[i] = sum;
        }
    }

    private void addSegment(LineSegment line, boolean main, List<Coordinate> cores) {
        Coordinate mid = line.midPoint();
        double nearest = cores.stream().mapToDouble(mid::distance).min().orElse(0);
        if (!main && nearest > MINOR_RADIUS) {
            return;
        }
        // Denser in the core: 3× at the centre, falling off over ~3 km; arterials carry more furniture.
        double density = (1 + 2 * Math.exp(-nearest * nearest / (2 * 3_000.0 * 3_000.0))) * (main ? 1.6 : 1.0);
        if (line.getLength() > 0) {
            segments.add(new Segment(line, main, line.getLength() * density));
        }
    }

    private static List<Double> offsets(double min, double max, double spacing, SplittableRandom random) {
        List<Double> result = new ArrayList<>();
        for (double v = Math.floor(min / spacing) * spacing + spacing / 2; v < max; v += spacing) {
            result.add(v + (random.nextDouble() - 0.5) * spacing * 0.25);
        }
        return result;
    }

    private static LineString line(GeometryFactory f, double x0, double y0, double x1, double y1) {
        return f.createLineString(new Coordinate[] {new Coordinate(x0, y0), new Coordinate(x1, y1)});
    }

    /** A road segment chosen with probability proportional to its weight. */
    Segment pick(SplittableRandom random) {
        double target = random.nextDouble() * cumulative[cumulative.length - 1];
        int i = java.util.Arrays.binarySearch(cumulative, target);
        return segments.get(i >= 0 ? i : Math.min(-i - 1, segments.size() - 1));
    }

    List<Segment> segments() {
        return segments;
    }

    /** Crossings of two arterials inside the built-up area (camera and gauge sites). */
    List<Coordinate> mainIntersections() {
        return mainIntersections;
    }
}
