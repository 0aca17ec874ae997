package cn.tongguan.democity;

import cn.tongguan.democity.XinxiangSource.District;
import cn.tongguan.democity.XinxiangSource.Division;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * Street and community polygons for the four urban districts: the real names and codes, shapes made up
 * by Voronoi partition. 街道 lie in the built-up area (the band along the named roads, {@link #builtUp}),
 * towns and villages in the fringe; communities are smaller (denser) where the city is.
 */
final class DivisionBuilder {
    /** How far the city reaches either side of a named road, in metres. */
    static final double ROAD_REACH = 420;
    /** Closes the gaps between parallel bands (a block between two roads is city, not a field). */
    private static final double CLOSING = 300;

    private final LocalProjection projection;
    private final Partitioner partitioner;

    DivisionBuilder(LocalProjection projection, Partitioner partitioner) {
        this.projection = projection;
        this.partitioner = partitioner;
    }

    private void addStreets(List<Area> streets, String district, List<Division> divisions, Geometry region,
                            SplittableRandom random) {
        if (divisions.isEmpty()) {
            return;
        }
        double spacing = Math.sqrt(region.getArea() / divisions.size()) / 2;
        List<Geometry> cells = partitioner.partition(region,
                partitioner.seeds(region, divisions.size(), c -> 1, spacing, random));
        for (int i = 0; i < divisions.size(); i++) {
            Division street = divisions.get(i);
            streets.add(new Area(street.code(), street.name(), Area.Level.STREET, district, cells.get(i)));
        }
    }

    /**
     * The built-up area: {@link #ROAD_REACH} either side of every named road (not the water or the railways),
     * closed over the blocks between roads, so that the city follows its road network.
     */
    static Geometry builtUp(List<CityLine> roadsInMetres) {
        List<Geometry> bands = roadsInMetres.stream().filter(l -> l.kind() == CityLine.Kind.ROAD && !l.generated())
                .map(l -> l.shape().buffer(ROAD_REACH, 8)).toList();
        Geometry union = org.locationtech.jts.operation.union.UnaryUnionOp.union(bands);
        return union.buffer(CLOSING, 8).buffer(-CLOSING, 8);
    }

    /** Districts, then streets, then communities, each level in code order. */
    List<Area> build(XinxiangSource source, Geometry builtUp, SplittableRandom random) {
        List<Area> districts = new ArrayList<>();
        List<Area> streets = new ArrayList<>();
        List<Area> communities = new ArrayList<>();
        for (String code : XinxiangSource.URBAN_DISTRICTS) {
            District district = source.district(code);
            Geometry shape = projection.toMetres(district.shape());
            districts.add(new Area(code, district.name(), Area.Level.DISTRICT, "410700", shape));

            List<Division> children = source.children(code);
            List<Division> urban = children.stream().filter(d -> Integer.parseInt(d.code().substring(6)) < 100).toList();
            List<Division> fringe = children.stream().filter(d -> Integer.parseInt(d.code().substring(6)) >= 100).toList();
            // The built-up part is partitioned among the 街道, the rest of the district among towns and zones,
            // so that the 街道 stay where the roads are however the seeds fall.
            Geometry coreArea = partitioner.polygonal(shape.intersection(builtUp));
            Geometry fringeArea = partitioner.polygonal(shape.difference(builtUp));
            if (!urban.isEmpty() && coreArea.getArea() < urban.size() * 100_000.0) {
                throw new IllegalStateException(district.name() + ": the named roads leave too little built-up area ("
                        + Math.round(coreArea.getArea() / 1e6) + " km²) for " + urban.size() + " 街道");
            }
            addStreets(streets, code, urban, coreArea, random);
            addStreets(streets, code, fringe, fringeArea, random);
        }
        for (Area street : streets) {
            List<Division> children = source.children(street.code());
            if (children.isEmpty()) {
                continue;
            }
            List<Coordinate> seeds = partitioner.seeds(street.shape(), children.size(), c -> 1,
                    Math.sqrt(street.shape().getArea() / children.size()) / 2.5, random);
            // Seed order is spatially random; keep the real codes in file order.
            List<Geometry> cells = partitioner.partition(street.shape(), seeds);
            for (int i = 0; i < children.size(); i++) {
                Division community = children.get(i);
                communities.add(new Area(community.code(), community.name(), Area.Level.COMMUNITY, street.code(),
                        cells.get(i)));
            }
        }
        streets.sort(java.util.Comparator.comparing(Area::code));
        List<Area> all = new ArrayList<>(districts);
        all.addAll(streets);
        all.addAll(communities);
        return all;
    }
}
