package cn.tongguan.democity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineSegment;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * The street network of the built-up area, in metres: the named roads of {@code lines.csv} where they run through
 * the city, and minor streets generated between them about every {@link #MINOR_SPACING} m (jittered lattice lines,
 * left out where they would double a named road). A generated street is named after the nearest parallel named
 * road, its side and its rank counted from that road: 胜利路东一支路, 胜利路东二支路 … Parts are placed along the
 * network with a door number; cameras and gauges stand at its crossings.
 */
final class RoadNetwork {
    static final double MINOR_SPACING = 230;
    /** A lattice line closer than this to a parallel named road would double it. */
    private static final double CLEARANCE = 100;
    /** Pieces of lattice line shorter than this at the edge of the city are not streets. */
    private static final double MIN_STREET = 80;
    /** Door numbers: one every 20 m, odd on the left of the road's direction, even on the right. */
    static final double DOOR_SPACING = 20;
    private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    /**
     * A piece of road inside the built-up area; {@code weight} = length × local density; {@code measure} = metres
     * along its road from the road's start to {@code line.p0} (door numbers count from there).
     */
    record Segment(LineSegment line, boolean main, double weight, CityLine road, double measure) {
    }

    /** Where two lines cross, the higher-class one first: 平原路与胜利路交叉口. */
    record Crossing(CityLine first, CityLine second, Coordinate at) {
        String name() {
            return first.name() + "与" + second.name() + "交叉口";
        }

        boolean named() {
            return !first.generated() && !second.generated();
        }
    }

    private final List<CityLine> named;
    private final List<CityLine> streets;
    private final List<Segment> segments = new ArrayList<>();
    private final List<Crossing> crossings = new ArrayList<>();
    private final PreparedGeometry city;
    private final GeometryFactory factory;
    private final double[] cumulative;

    RoadNetwork(List<CityLine> namedRoads, Geometry builtUp, List<Coordinate> cores, GeometryFactory factory,
                SplittableRandom random) {
        this.named = List.copyOf(namedRoads);
        this.factory = factory;
        this.city = PreparedGeometryFactory.prepare(builtUp);
        for (CityLine road : named) {
            if (city.intersects(road.shape())) {
                addPieces(road, clip(builtUp, road.shape()), true, cores);
            }
        }
        this.streets = minorStreets(builtUp, random);
        streets.forEach(s -> addPieces(s, s.shape(), false, cores));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < named.size(); i++) {
            for (int j = i + 1; j < named.size(); j++) {
                cross(named.get(i), named.get(j), seen, crossings);
            }
        }
        for (CityLine road : named) {
            for (CityLine street : streets) {
                cross(road, street, seen, crossings);
            }
        }
        cumulative = new double[segments.size()];
        double sum = 0;
        for (int i = 0; i < segments.size(); i++) {
            sum += segments.get(i).weight();
            cumulative[i] = sum;
        }
    }

    private void addPieces(CityLine road, Geometry inside, boolean main, List<Coordinate> cores) {
        LengthIndexedLine along = new LengthIndexedLine(road.shape());
        for (int g = 0; g < inside.getNumGeometries(); g++) {
            Coordinate[] cs = inside.getGeometryN(g).getCoordinates();
            for (int k = 1; k < cs.length; k++) {
                LineSegment line = new LineSegment(cs[k - 1], cs[k]);
                if (line.getLength() <= 0) {
                    continue;
                }
                Coordinate mid = line.midPoint();
                double nearest = cores.stream().mapToDouble(mid::distance).min().orElse(0);
                // Denser in the core: 3× at the centre, falling off over ~3 km; named roads carry more furniture.
                double density = (1 + 2 * Math.exp(-nearest * nearest / (2 * 3_000.0 * 3_000.0))) * (main ? 1.6 : 1.0);
                segments.add(new Segment(line, main, line.getLength() * density, road, along.project(cs[k - 1])));
            }
        }
    }

    /** A piece of lattice line and the named road it will be named after. */
    private record Piece(int lattice, CityLine road, String side, double distance, LineString line) {
    }

    private List<CityLine> minorStreets(Geometry builtUp, SplittableRandom random) {
        Envelope env = builtUp.getEnvelopeInternal();
        List<LineString> lattice = new ArrayList<>();
        List<Boolean> northSouth = new ArrayList<>();
        for (double x : offsets(env.getMinX(), env.getMaxX(), random)) {
            lattice.add(line(x, env.getMinY(), x, env.getMaxY()));
            northSouth.add(true);
        }
        for (double y : offsets(env.getMinY(), env.getMaxY(), random)) {
            lattice.add(line(env.getMinX(), y, env.getMaxX(), y));
            northSouth.add(false);
        }
        Map<String, List<Piece>> bySide = new LinkedHashMap<>();
        for (int k = 0; k < lattice.size(); k++) {
            Geometry inside = clip(builtUp, lattice.get(k));
            for (int g = 0; g < inside.getNumGeometries(); g++) {
                if (!(inside.getGeometryN(g) instanceof LineString piece) || piece.getLength() < MIN_STREET) {
                    continue;
                }
                Piece p = piece(k, northSouth.get(k), piece);
                if (p != null) {
                    bySide.computeIfAbsent(p.road().name() + p.side(), s -> new ArrayList<>()).add(p);
                }
            }
        }
        List<CityLine> out = new ArrayList<>();
        for (List<Piece> pieces : bySide.values()) {
            // Rank the lattice lines on this side of the road by distance: the nearest is 一支路.
            Map<Integer, Double> distance = new TreeMap<>();
            pieces.forEach(p -> distance.merge(p.lattice(), p.distance(), Math::min));
            List<Integer> ranked = distance.keySet().stream()
                    .sorted(java.util.Comparator.comparingDouble(distance::get)).toList();
            for (Piece p : pieces) {
                String name = p.road().name() + p.side() + numeral(ranked.indexOf(p.lattice()) + 1) + "支路";
                out.add(new CityLine(name, CityLine.Kind.ROAD, "minor", true, p.line()));
            }
        }
        return List.copyOf(out);
    }

    private Piece piece(int lattice, boolean northSouth, LineString line) {
        Coordinate mid = new LengthIndexedLine(line).extractPoint(line.getLength() / 2);
        Geometry at = factory.createPoint(mid);
        CityLine nearest = null;
        double best = Double.MAX_VALUE;
        for (CityLine road : named) {
            if (road.northSouth() != northSouth) {
                continue;
            }
            double d = road.shape().distance(at);
            if (d < best) {
                best = d;
                nearest = road;
            }
        }
        if (nearest == null || best < CLEARANCE) {
            return null;
        }
        LengthIndexedLine course = new LengthIndexedLine(nearest.shape());
        Coordinate on = course.extractPoint(course.project(mid));
        String side = northSouth ? (mid.x > on.x ? "东" : "西") : (mid.y > on.y ? "北" : "南");
        return new Piece(lattice, nearest, side, best, line);
    }

    /** The part of {@code line} inside {@code area}; the union of Voronoi cells is not always noded cleanly. */
    private static Geometry clip(Geometry area, Geometry line) {
        return OverlayNGRobust.overlay(area, line, OverlayNG.INTERSECTION);
    }

    static String numeral(int n) {
        if (n <= 10) {
            return NUMERALS[n - 1];
        }
        if (n < 20) {
            return "十" + NUMERALS[n - 11];
        }
        return NUMERALS[n / 10 - 1] + "十" + (n % 10 == 0 ? "" : NUMERALS[n % 10 - 1]);
    }

    /** The first crossing of {@code a} and {@code b} inside the city, once per pair of names. */
    private void cross(CityLine a, CityLine b, Set<String> seen, List<Crossing> out) {
        if (!a.shape().getEnvelopeInternal().intersects(b.shape().getEnvelopeInternal())) {
            return;
        }
        Geometry x = a.shape().intersection(b.shape());
        boolean aFirst = a.rank() <= b.rank();
        Crossing crossing = null;
        for (Coordinate c : x.getCoordinates()) {
            if (city.contains(factory.createPoint(c))) {
                crossing = new Crossing(aFirst ? a : b, aFirst ? b : a, c);
                break;
            }
        }
        if (crossing != null && seen.add(crossing.name())) {
            out.add(crossing);
        }
    }

    /**
     * Where the roads (named ones first) cross {@code lines} inside the city, once per pair; {@code lines} must rank
     * at or below every road (railways and waters have no road class), so that the road is named first.
     */
    List<Crossing> crossingsWith(List<CityLine> lines) {
        List<Crossing> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<CityLine> roads = new ArrayList<>(named);
        roads.addAll(streets);
        for (CityLine road : roads) {
            for (CityLine other : lines) {
                // the road is {@code a}: it comes first at equal rank (a minor street and a railway)
                cross(road, other, seen, out);
            }
        }
        return out;
    }

    private List<Double> offsets(double min, double max, SplittableRandom random) {
        List<Double> result = new ArrayList<>();
        for (double v = Math.floor(min / MINOR_SPACING) * MINOR_SPACING + MINOR_SPACING / 2; v < max; v += MINOR_SPACING) {
            result.add(v + (random.nextDouble() - 0.5) * MINOR_SPACING * 0.25);
        }
        return result;
    }

    private LineString line(double x0, double y0, double x1, double y1) {
        return factory.createLineString(new Coordinate[] {new Coordinate(x0, y0), new Coordinate(x1, y1)});
    }

    /** A road segment chosen with probability proportional to its weight. */
    Segment pick(SplittableRandom random) {
        double target = random.nextDouble() * cumulative[cumulative.length - 1];
        int i = Arrays.binarySearch(cumulative, target);
        return segments.get(i >= 0 ? i : Math.min(-i - 1, segments.size() - 1));
    }

    List<Segment> segments() {
        return segments;
    }

    /** The named roads as given (full courses, metres). */
    List<CityLine> namedRoads() {
        return named;
    }

    /** The generated minor streets, one line per piece inside the city. */
    List<CityLine> streets() {
        return streets;
    }

    /** Crossings of two roads inside the city: named × named first, then named × generated. */
    List<Crossing> crossings() {
        return crossings;
    }
}
