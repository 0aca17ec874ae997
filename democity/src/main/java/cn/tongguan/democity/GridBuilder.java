package cn.tongguan.democity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Unit grids of about 10,000 m²: a 100 m lattice cut by community boundaries, so that grids never cross a
 * community and the grids of a community cover it without gaps or overlaps. Pieces under
 * {@link #MIN_AREA} left at a boundary are merged into the neighbour they share most edge with.
 */
final class GridBuilder {
    static final double CELL = 100.0;
    static final double MIN_AREA = 3_000.0;

    private final GeometryFactory factory;
    private final Partitioner partitioner;

    GridBuilder(GeometryFactory factory, Partitioner partitioner) {
        this.factory = factory;
        this.partitioner = partitioner;
    }

    /** Grids of one community, coded north-west to south-east: community code + 001…999. */
    List<UnitGrid> build(Area community) {
        Geometry shape = community.shape();
        PreparedGeometry prepared = PreparedGeometryFactory.prepare(shape);
        Envelope env = shape.getEnvelopeInternal();
        List<Geometry> pieces = new ArrayList<>();
        for (long iy = (long) Math.floor(env.getMaxY() / CELL); iy >= (long) Math.floor(env.getMinY() / CELL); iy--) {
            for (long ix = (long) Math.floor(env.getMinX() / CELL); ix <= (long) Math.floor(env.getMaxX() / CELL); ix++) {
                Geometry box = factory.toGeometry(new Envelope(ix * CELL, (ix + 1) * CELL, iy * CELL, (iy + 1) * CELL));
                if (prepared.containsProperly(box)) {
                    pieces.add(box);
                } else if (prepared.intersects(box)) {
                    Geometry piece = partitioner.polygonal(shape.intersection(box));
                    if (!piece.isEmpty() && piece.getArea() > 0) {
                        pieces.add(piece);
                    }
                }
            }
        }
        mergeSlivers(pieces);
        if (pieces.size() > 999) {
            throw new IllegalStateException("community " + community.code() + " needs " + pieces.size()
                    + " grids; the 3-digit sequence allows 999");
        }
        List<UnitGrid> grids = new ArrayList<>(pieces.size());
        for (int i = 0; i < pieces.size(); i++) {
            grids.add(new UnitGrid(community.code() + String.format("%03d", i + 1), community.code(), pieces.get(i)));
        }
        return grids;
    }

    /**
     * Merges the smallest piece under {@link #MIN_AREA} into the neighbour it shares the longest edge with,
     * again and again, so that merged slivers are merged further while still too small.
     */
    private void mergeSlivers(List<Geometry> pieces) {
        java.util.Set<Geometry> alone = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        while (pieces.size() > 1) {
            Geometry sliver = pieces.stream().filter(p -> p.getArea() < MIN_AREA && !alone.contains(p))
                    .min(Comparator.comparingDouble(Geometry::getArea)).orElse(null);
            if (sliver == null) {
                return;
            }
            int index = indexOfIdentity(pieces, sliver);
            int best = -1;
            double bestShared = 0;
            Envelope near = new Envelope(sliver.getEnvelopeInternal());
            near.expandBy(1);
            for (int j = 0; j < pieces.size(); j++) {
                Geometry other = pieces.get(j);
                if (j == index || !other.getEnvelopeInternal().intersects(near)) {
                    continue;
                }
                double shared = sliver.intersection(other).getLength();
                if (shared > bestShared) {
                    bestShared = shared;
                    best = j;
                }
            }
            if (best < 0) {
                alone.add(sliver); // touches nothing along an edge: keep it as its own grid
                continue;
            }
            pieces.set(best, partitioner.polygonal(pieces.get(best).union(sliver)));
            pieces.remove(index);
        }
    }

    private static int indexOfIdentity(List<Geometry> list, Geometry g) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == g) {
                return i;
            }
        }
        return -1;
    }
}
