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
 * by Voronoi partition. 街道 lie in the built-up core around the district's government seat, towns and
 * villages in the fringe; communities are smaller (denser) where the city is.
 */
final class DivisionBuilder {
    /** Radius of the built-up core around each district's seat, in metres. */
    private static final double CORE_RADIUS = 4_000;
    /** 凤泉区 is a separate, smaller town north of the city. */
    private static final double SMALL_CORE_RADIUS = 2_200;

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

    /** Districts, then streets, then communities, each level in code order. */
    List<Area> build(XinxiangSource source, SplittableRandom random) {
        List<Area> districts = new ArrayList<>();
        List<Area> streets = new ArrayList<>();
        List<Area> communities = new ArrayList<>();
        for (String code : XinxiangSource.URBAN_DISTRICTS) {
            District district = source.district(code);
            Geometry shape = projection.toMetres(district.shape());
            districts.add(new Area(code, district.name(), Area.Level.DISTRICT, "410700", shape));
            Coordinate seat = new Coordinate(projection.x(district.centerLng()), projection.y(district.centerLat()));
            double core = "410704".equals(code) ? SMALL_CORE_RADIUS : CORE_RADIUS;

            List<Division> children = source.children(code);
            List<Division> urban = children.stream().filter(d -> Integer.parseInt(d.code().substring(6)) < 100).toList();
            List<Division> fringe = children.stream().filter(d -> Integer.parseInt(d.code().substring(6)) >= 100).toList();
            // The core disk is partitioned among the 街道, the rest of the district among towns and zones,
            // so that the built-up area stays where the city is however the seeds fall.
            Geometry disk = partitioner.point(seat.x, seat.y).buffer(core, 32);
            Geometry coreArea = partitioner.polygonal(shape.intersection(disk));
            Geometry fringeArea = partitioner.polygonal(shape.difference(disk));
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
