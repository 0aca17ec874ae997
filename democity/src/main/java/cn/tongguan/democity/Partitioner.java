package cn.tongguan.democity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * Splits a polygon into one cell per seed (Voronoi clipped to the polygon), so that the cells partition
 * it without gaps or overlaps; seeds are drawn with a density function and a minimum spacing.
 */
final class Partitioner {
    private final GeometryFactory factory;

    Partitioner(GeometryFactory factory) {
        this.factory = factory;
    }

    /**
     * Draws {@code count} seeds inside {@code region} (metres), accepting a candidate with probability
     * {@code density(c)} (0..1), at least {@code minSpacing} apart; the spacing relaxes if the region is
     * too small for it, so that the count is always met.
     */
    List<Coordinate> seeds(Geometry region, int count, ToDoubleFunction<Coordinate> density, double minSpacing,
                           SplittableRandom random) {
        PreparedGeometry inside = PreparedGeometryFactory.prepare(region);
        Envelope env = region.getEnvelopeInternal();
        List<Coordinate> seeds = new ArrayList<>(count);
        double spacing = minSpacing;
        int attempts = 0;
        while (seeds.size() < count) {
            if (++attempts % 5_000 == 0) {
                spacing *= 0.8;
            }
            Coordinate c = new Coordinate(env.getMinX() + random.nextDouble() * env.getWidth(),
                    env.getMinY() + random.nextDouble() * env.getHeight());
            if (random.nextDouble() > density.applyAsDouble(c) || !inside.contains(factory.createPoint(c))) {
                continue;
            }
            double s2 = spacing * spacing;
            if (seeds.stream().noneMatch(other -> sq(other.x - c.x) + sq(other.y - c.y) < s2)) {
                seeds.add(c);
            }
        }
        return seeds;
    }

    /** One polygonal cell per seed, in seed order; together they cover {@code region} exactly. */
    List<Geometry> partition(Geometry region, List<Coordinate> seeds) {
        if (seeds.size() == 1) {
            return List.of(region);
        }
        VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
        builder.setSites(seeds);
        Envelope clip = new Envelope(region.getEnvelopeInternal());
        clip.expandBy(Math.max(clip.getWidth(), clip.getHeight()));
        builder.setClipEnvelope(clip);
        Geometry diagram = builder.getDiagram(factory);
        Map<Coordinate, Geometry> cellBySeed = new HashMap<>();
        for (int i = 0; i < diagram.getNumGeometries(); i++) {
            Geometry cell = diagram.getGeometryN(i);
            cellBySeed.put((Coordinate) cell.getUserData(), cell);
        }
        List<Geometry> cells = new ArrayList<>(seeds.size());
        for (Coordinate seed : seeds) {
            Geometry cell = cellBySeed.get(seed);
            if (cell == null) {
                throw new IllegalStateException("Voronoi lost seed " + seed);
            }
            cells.add(polygonal(cell.intersection(region)));
        }
        return cells;
    }

    /** Keeps only the polygons of an overlay result (drops slivers of lines or points). */
    Geometry polygonal(Geometry g) {
        @SuppressWarnings("unchecked")
        List<org.locationtech.jts.geom.Polygon> polygons = PolygonExtracter.getPolygons(g);
        if (polygons.size() == 1) {
            return polygons.get(0);
        }
        return factory.createMultiPolygon(polygons.toArray(org.locationtech.jts.geom.Polygon[]::new));
    }

    private static double sq(double v) {
        return v * v;
    }

    Point point(double x, double y) {
        return factory.createPoint(new Coordinate(x, y));
    }
}
