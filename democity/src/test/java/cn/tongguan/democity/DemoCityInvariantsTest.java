package cn.tongguan.democity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/** The full-scale city, generated once, checked against the invariants of issue 4. */
class DemoCityInvariantsTest {
    private static DemoCity city;
    private static Map<String, Area> areas;
    private static final GeometryFactory FACTORY = new GeometryFactory();

    @BeforeAll
    static void generate() {
        city = new DemoCityGenerator().generate(20210721L, DemoCityGenerator.PARTS, DemoCityGenerator.DEFAULT_CAMERA_URL);
        areas = city.areas().stream().collect(Collectors.toMap(Area::code, Function.identity()));
    }

    @Test
    void realDivisionsOfTheFourUrbanDistricts() {
        assertThat(city.areas(Area.Level.DISTRICT)).extracting(Area::name).containsExactly("红旗区", "卫滨区", "凤泉区", "牧野区");
        assertThat(city.areas(Area.Level.STREET)).hasSize(30);
        assertThat(city.areas(Area.Level.COMMUNITY)).hasSize(276);
        assertThat(areas.get("410702001017").name()).isEqualTo("双石桥社区居民委员会");
    }

    @Test
    void childrenPartitionTheirParentWithoutGapsOrOverlaps() {
        for (Area parent : city.areas()) {
            List<Geometry> children = city.areas().stream().filter(a -> a.parentCode().equals(parent.code()))
                    .map(Area::shape).toList();
            if (children.isEmpty()) {
                continue;
            }
            assertPartition(parent.code(), parent.shape(), children);
        }
    }

    @Test
    void gridsCoverEveryBuiltUpCommunityWithoutGapsOrOverlaps() {
        Map<String, List<UnitGrid>> byCommunity = city.grids().stream().collect(Collectors.groupingBy(UnitGrid::communityCode));
        assertThat(byCommunity).hasSizeGreaterThan(100);
        byCommunity.forEach((community, grids) -> {
            Geometry shape = areas.get(community).shape();
            assertPartition(community, shape, grids.stream().map(UnitGrid::shape).toList());
            PreparedGeometry inside = PreparedGeometryFactory.prepare(shape.buffer(0.01));
            grids.forEach(g -> assertThat(inside.covers(g.shape())).as("grid %s inside its community", g.code()).isTrue());
        });
        // Every 街道 community is gridded; towns and villages are not (they are outside the built-up area).
        long urbanCommunities = city.areas(Area.Level.COMMUNITY).stream()
                .filter(c -> areas.get(c.parentCode()).isUrbanStreet()).count();
        assertThat(byCommunity).hasSize((int) urbanCommunities);
    }

    @Test
    void gridsAreAboutTenThousandSquareMetres() {
        double mean = city.grids().stream().mapToDouble(g -> g.shape().getArea()).average().orElseThrow();
        assertThat(mean).isBetween(8_500.0, 11_500.0);
        long tiny = city.grids().stream().filter(g -> g.shape().getArea() < GridBuilder.MIN_AREA).count();
        assertThat(tiny).isLessThan(city.grids().size() / 200);
    }

    @Test
    void codesHaveTheStandardFormats() {
        city.grids().forEach(g -> {
            assertThat(g.code()).matches("\\d{15}").startsWith(g.communityCode());
            assertThat(g.code().substring(12)).isNotEqualTo("000");
        });
        assertThat(city.grids().stream().map(UnitGrid::code).distinct().count()).isEqualTo(city.grids().size());
        city.parts().forEach(p -> {
            assertThat(p.code()).matches("\\d{17}");
            assertThat(p.code().substring(0, 6)).isEqualTo(p.gridCode().substring(0, 6));
            assertThat(p.code().substring(6, 11)).isEqualTo(p.classCode());
        });
        assertThat(city.parts().stream().map(Part::code).distinct().count()).isEqualTo(city.parts().size());
    }

    @Test
    void exactlyTheSeedsCountsOfPartsCamerasAndSensors() {
        assertThat(city.parts()).hasSize(629_724);
        assertThat(city.cameras()).hasSize(139);
        assertThat(city.cameras().stream().filter(Camera::shared)).hasSize(34);
        Map<Sensor.Kind, Long> sensors = city.sensors().stream().collect(Collectors.groupingBy(Sensor::kind, Collectors.counting()));
        assertThat(sensors).containsEntry(Sensor.Kind.WATERLOGGING, 20L).containsEntry(Sensor.Kind.UNDERPASS, 8L)
                .containsEntry(Sensor.Kind.MANHOLE_COVER, 3_000L);
        assertThat(city.departments().stream().filter(d -> d.kind() == Department.Kind.CITY_DEPARTMENT)).hasSize(9);
    }

    @Test
    void everyPartLiesInItsGrid() {
        Map<String, PreparedGeometry> grids = city.grids().stream()
                .collect(Collectors.toMap(UnitGrid::code, g -> PreparedGeometryFactory.prepare(g.shape())));
        long outside = city.parts().stream()
                .filter(p -> !grids.get(p.gridCode()).covers(FACTORY.createPoint(new Coordinate(p.x(), p.y())))).count();
        assertThat(outside).isZero();
    }

    @Test
    void partsFollowStreetsRatherThanSpreadingUniformly() {
        Map<String, Long> perGrid = city.parts().stream().collect(Collectors.groupingBy(Part::gridCode, Collectors.counting()));
        List<Long> counts = perGrid.values().stream().sorted(Comparator.reverseOrder()).toList();
        long top = counts.subList(0, counts.size() / 5).stream().mapToLong(Long::longValue).sum();
        // Uniform placement would give the top fifth of grids about a fifth of the parts.
        assertThat((double) top / city.parts().size()).isGreaterThan(0.35);
    }

    @Test
    void partMixFollowsTheClassTable() {
        Map<String, Long> perClass = city.parts().stream().collect(Collectors.groupingBy(Part::classCode, Collectors.counting()));
        assertThat(perClass.get("04002")).isEqualTo(Math.round(629_724 * 0.320));
        assertThat(perClass.get("01037")).isEqualTo(Math.round(629_724 * 0.120));
        assertThat(city.parts().stream().filter(p -> p.state() == PartState.完好).count() / 629_724.0)
                .isCloseTo(0.97, within(0.005));
    }

    @Test
    void smartCoversSitOnManholeParts() {
        Map<String, Part> parts = city.parts().stream().collect(Collectors.toMap(Part::code, Function.identity()));
        city.sensors().stream().filter(s -> s.kind() == Sensor.Kind.MANHOLE_COVER).forEach(s -> {
            Part part = parts.get(s.partCode());
            assertThat(part).isNotNull();
            assertThat(part.classCode()).startsWith("010");
            assertThat(s.x()).isEqualTo(part.x());
        });
    }

    private static void assertPartition(String code, Geometry whole, List<Geometry> pieces) {
        double sum = pieces.stream().mapToDouble(Geometry::getArea).sum();
        double union = UnaryUnionOp.union(pieces).getArea();
        // No overlaps: the pieces' areas add up to the area of their union; no gaps: to the parent's area.
        assertThat(sum).as("%s: overlap", code).isCloseTo(union, within(Math.max(1.0, whole.getArea() * 1e-7)));
        assertThat(union).as("%s: gap", code).isCloseTo(whole.getArea(), within(Math.max(1.0, whole.getArea() * 1e-7)));
    }
}
