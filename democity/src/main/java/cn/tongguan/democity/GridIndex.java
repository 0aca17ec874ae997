package cn.tongguan.democity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Point → unit grid in O(1) for interior points: grids are cut from a 100 m lattice, so the lattice cell
 * of a point names at most a few candidate grids, and most cells belong wholly to one grid.
 */
final class GridIndex {
    private record Entry(int grid, boolean wholeCell) {
    }

    private final List<UnitGrid> grids;
    private final List<PreparedGeometry> prepared = new ArrayList<>();
    private final Map<Long, List<Entry>> cells = new HashMap<>();
    private final GeometryFactory factory;

    GridIndex(List<UnitGrid> grids, GeometryFactory factory) {
        this.grids = grids;
        this.factory = factory;
        for (int g = 0; g < grids.size(); g++) {
            Geometry shape = grids.get(g).shape();
            prepared.add(PreparedGeometryFactory.prepare(shape));
            Envelope env = shape.getEnvelopeInternal();
            for (long iy = cell(env.getMinY()); iy <= cell(env.getMaxY()); iy++) {
                for (long ix = cell(env.getMinX()); ix <= cell(env.getMaxX()); ix++) {
                    Geometry box = factory.toGeometry(new Envelope(ix * GridBuilder.CELL, (ix + 1) * GridBuilder.CELL,
                            iy * GridBuilder.CELL, (iy + 1) * GridBuilder.CELL));
                    if (prepared.get(g).intersects(box)) {
                        boolean whole = prepared.get(g).covers(box);
                        cells.computeIfAbsent(key(ix, iy), k -> new ArrayList<>(1)).add(new Entry(g, whole));
                    }
                }
            }
        }
    }

    private static long cell(double v) {
        return (long) Math.floor(v / GridBuilder.CELL);
    }

    private static long key(long ix, long iy) {
        return (ix << 32) ^ (iy & 0xffffffffL);
    }

    /** The grid containing (x, y), or null outside every grid. */
    UnitGrid locate(double x, double y) {
        List<Entry> candidates = cells.get(key(cell(x), cell(y)));
        if (candidates == null) {
            return null;
        }
        if (candidates.size() == 1 && candidates.get(0).wholeCell()) {
            return grids.get(candidates.get(0).grid());
        }
        var point = factory.createPoint(new org.locationtech.jts.geom.Coordinate(x, y));
        for (Entry e : candidates) {
            if (prepared.get(e.grid()).covers(point)) {
                return grids.get(e.grid());
            }
        }
        return null;
    }
}
