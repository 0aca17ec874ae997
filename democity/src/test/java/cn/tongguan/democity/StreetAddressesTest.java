package cn.tongguan.democity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.MinimumBoundingCircle;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * The city reads like Xinxiang (issue 15): its roads carry the names of lines.csv, every place is said as a road
 * and door number or a crossing, never as coordinates, and the built-up area follows the roads.
 */
class StreetAddressesTest {
    private static final Pattern COORDINATES = Pattern.compile("\\d+\\.\\d+");
    private static final Pattern CROSSING = Pattern.compile("(.+?)与(.+)交叉口");
    private static final Pattern ADDRESS = Pattern.compile("(.+?)(\\d+)号");
    private static final Pattern GENERATED = Pattern.compile("(.+?)[东西南北][一二三四五六七八九十]+支路");
    private static DemoCity city;
    private static List<CityLine> file;
    private static Set<String> fileRoads;
    private static Set<String> allRoads;

    @BeforeAll
    static void generate() {
        city = new DemoCityGenerator().generate(20210721L, 30_000, DemoCityGenerator.DEFAULT_CAMERA_URL);
        file = XinxiangSource.load(new GeometryFactory()).lines();
        fileRoads = file.stream().filter(l -> l.kind() == CityLine.Kind.ROAD).map(CityLine::name).collect(Collectors.toSet());
        allRoads = city.lines().stream().filter(l -> l.kind() == CityLine.Kind.ROAD).map(CityLine::name).collect(Collectors.toSet());
    }

    /** A road of the data file, or a generated street named after one (胜利路东一支路). */
    private static boolean realOrAfterReal(String road) {
        if (fileRoads.contains(road)) {
            return true;
        }
        Matcher m = GENERATED.matcher(road);
        return m.matches() && fileRoads.contains(m.group(1)) && allRoads.contains(road);
    }

    @Test
    void theDataFileHoldsTheNamedRoadsTheRiverAndTheRailways() {
        assertThat(fileRoads).contains("人民路", "平原路", "胜利路", "金穗大道", "华兰大道", "东明大道", "新中大道", "和平大道",
                "劳动路", "自由路", "健康路", "解放大道", "牧野大道");
        assertThat(file).filteredOn(l -> l.kind() == CityLine.Kind.WATER).extracting(CityLine::name).contains("卫河");
        assertThat(file).filteredOn(l -> l.kind() == CityLine.Kind.RAIL).extracting(CityLine::name).contains("京广铁路");
        assertThat(file).allMatch(l -> !l.generated());
        // every named road runs through the city: it carries parts or streets named after it
        Set<String> used = city.parts().stream().map(Part::road).collect(Collectors.toSet());
        assertThat(fileRoads).allMatch(r -> used.contains(r) || city.lines().stream()
                .anyMatch(l -> l.generated() && l.name().startsWith(r)));
    }

    @Test
    void noNameOrAddressHoldsCoordinates() {
        List<String> names = new ArrayList<>();
        city.cameras().forEach(c -> names.add(c.name()));
        city.sensors().forEach(s -> names.add(s.name()));
        city.lines().forEach(l -> names.add(l.name()));
        city.parts().forEach(p -> names.add(p.address()));
        assertThat(names).noneMatch(n -> COORDINATES.matcher(n).find());
    }

    @Test
    void everyCameraWatchesACrossingOfTwoRoadsAndTheFirstOnesTwoNamedRoads() {
        assertThat(city.cameras().stream().map(Camera::name).distinct()).hasSize(city.cameras().size());
        for (int i = 0; i < city.cameras().size(); i++) {
            Matcher m = CROSSING.matcher(city.cameras().get(i).name());
            assertThat(m.matches()).as(city.cameras().get(i).name()).isTrue();
            assertThat(realOrAfterReal(m.group(1)) && realOrAfterReal(m.group(2))).as(m.group()).isTrue();
            if (i < 40) {
                assertThat(fileRoads).as("camera %d: two named roads", i).contains(m.group(1), m.group(2));
            }
        }
        assertThat(city.cameras()).extracting(Camera::name).contains("平原路与胜利路交叉口");
    }

    @Test
    void gaugesSayTheirCrossingAndUnderpassesTheRoadAndTheRailwayAbove() {
        Set<String> railways = file.stream().filter(l -> l.kind() == CityLine.Kind.RAIL).map(CityLine::name).collect(Collectors.toSet());
        Pattern underpass = Pattern.compile("(.+?)下穿(.+)通道");
        for (Sensor s : city.sensors()) {
            switch (s.kind()) {
                case WATERLOGGING -> {
                    Matcher m = CROSSING.matcher(s.name().replace("积水点", ""));
                    assertThat(s.name()).endsWith("积水点");
                    assertThat(m.matches() && fileRoads.contains(m.group(1)) && fileRoads.contains(m.group(2))).as(s.name()).isTrue();
                }
                case UNDERPASS -> {
                    Matcher m = underpass.matcher(s.name());
                    assertThat(m.matches() && realOrAfterReal(m.group(1)) && railways.contains(m.group(2))).as(s.name()).isTrue();
                }
                case MANHOLE_COVER -> {
                    Matcher m = ADDRESS.matcher(s.name());
                    assertThat(m.lookingAt() && realOrAfterReal(m.group(1))).as(s.name()).isTrue();
                    assertThat(s.name()).endsWith("井盖");
                }
            }
        }
    }

    @Test
    void everyPartAndEveryCaseIsAtADoorNumberOfARealRoad() {
        Set<String> roads = new HashSet<>();
        for (Part p : city.parts()) {
            roads.add(p.road());
            assertThat(p.number()).isPositive();
        }
        assertThat(roads).allMatch(StreetAddressesTest::realOrAfterReal);
        List<HistoricCase> cases = new ArrayList<>();
        new CaseHistoryGenerator(city, CodeTables.load().categories(), CaseHistoryTest.CLOCK,
                java.time.LocalDate.of(2026, 10, 1), CaseHistoryTest.END, 3_000, 7).generate(cases::add);
        assertThat(cases).isNotEmpty().allSatisfy(c -> {
            Matcher m = ADDRESS.matcher(c.address());
            assertThat(m.matches() && realOrAfterReal(m.group(1))).as(c.address()).isTrue();
            assertThat(c.description()).contains(c.address());
        });
    }

    @Test
    void theBuiltUpAreaFollowsTheRoadsNotADisk() {
        List<Geometry> streets = city.areas(Area.Level.STREET).stream().filter(Area::isUrbanStreet).map(Area::shape).toList();
        Geometry builtUp = UnaryUnionOp.union(streets);
        List<Geometry> named = city.lines().stream().filter(l -> l.kind() == CityLine.Kind.ROAD && !l.generated())
                .map(CityLine::shape).toList();
        Geometry roads = UnaryUnionOp.union(named);
        // Every unit grid lies within reach of a named road (the band plus the blocks closed between bands).
        double reach = DivisionBuilder.ROAD_REACH + 400;
        assertThat(city.grids()).allMatch(g -> roads.distance(g.shape().getCentroid()) < reach);
        // A disk fills most of its bounding circle; the city along its roads does not (several pieces, arms).
        for (int i = 0; i < builtUp.getNumGeometries(); i++) {
            Geometry piece = builtUp.getGeometryN(i);
            double circle = Math.PI * Math.pow(new MinimumBoundingCircle(piece).getRadius(), 2);
            if (piece.getArea() > 20e6) {
                assertThat(piece.getArea() / circle).as("piece %d", i).isLessThan(0.6);
            }
        }
    }
}
