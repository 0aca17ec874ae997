package cn.tongguan.democity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the demo city deterministically from a seed: the same seed and inputs give the same city (the
 * export's SHA-256 proves it). Each stage draws from its own random stream split from the seed, so that
 * changing one stage does not reshuffle the others.
 */
public final class DemoCityGenerator {
    private static final Logger LOG = LoggerFactory.getLogger(DemoCityGenerator.class);
    public static final int PARTS = 629_724;
    public static final String DEFAULT_CAMERA_URL = "rtsp://127.0.0.1:8554/{id}/{stream}";

    private final GeometryFactory factory = new GeometryFactory(new PrecisionModel(), 0);
    private final LocalProjection projection = LocalProjection.xinxiang();

    public DemoCity generate(long seed, int partCount, String cameraUrlTemplate) {
        long start = System.nanoTime();
        XinxiangSource source = XinxiangSource.load(factory);
        CodeTables tables = CodeTables.load();
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom divisionsRandom = root.split();
        SplittableRandom roadsRandom = root.split();
        SplittableRandom partsRandom = root.split();
        SplittableRandom facilityRandom = root.split();

        List<CityLine> lines = source.lines().stream().map(l -> l.withShape(projection.toMetres(l.shape()))).toList();
        List<CityLine> namedRoads = lines.stream().filter(l -> l.kind() == CityLine.Kind.ROAD).toList();
        Partitioner partitioner = new Partitioner(factory);
        List<Area> areas = new DivisionBuilder(projection, partitioner)
                .build(source, DivisionBuilder.builtUp(namedRoads), divisionsRandom);
        Set<String> urbanStreets = areas.stream().filter(Area::isUrbanStreet).map(Area::code).collect(Collectors.toSet());
        Geometry city = org.locationtech.jts.operation.union.UnaryUnionOp.union(
                areas.stream().filter(Area::isUrbanStreet).map(Area::shape).toList());
        List<Area> builtUp = areas.stream()
                .filter(a -> a.level() == Area.Level.COMMUNITY && urbanStreets.contains(a.parentCode())).toList();
        GridBuilder gridBuilder = new GridBuilder(factory, partitioner);
        List<UnitGrid> grids = new ArrayList<>();
        builtUp.forEach(c -> grids.addAll(gridBuilder.build(c)));
        LOG.info("divisions and {} grids in {} ms", grids.size(), (System.nanoTime() - start) / 1_000_000);

        List<Coordinate> cores = XinxiangSource.URBAN_DISTRICTS.stream().map(source::district)
                .map(d -> new Coordinate(projection.x(d.centerLng()), projection.y(d.centerLat()))).toList();
        RoadNetwork roads = new RoadNetwork(namedRoads, city, cores, factory, roadsRandom);
        GridIndex index = new GridIndex(grids, factory);
        List<Part> parts = new PartGenerator(roads, index).generate(tables.partClasses(), partCount, partsRandom);
        LOG.info("{} parts placed after {} ms", parts.size(), (System.nanoTime() - start) / 1_000_000);

        FacilityGenerator facilities = new FacilityGenerator();
        List<Camera> cameras = facilities.cameras(roads, cores, cameraUrlTemplate, facilityRandom);
        List<CityLine> railways = lines.stream().filter(l -> l.kind() == CityLine.Kind.RAIL).toList();
        List<Sensor> sensors = facilities.sensors(roads, railways, parts, tables.partClasses().stream()
                .collect(Collectors.toMap(PartClass::code, PartClass::name)));
        List<Department> departments = departments(tables.departments(), areas);
        List<CityLine> map = new ArrayList<>(lines);
        map.addAll(roads.streets());
        LOG.info("{} named lines and {} generated streets after {} ms", lines.size(), roads.streets().size(),
                (System.nanoTime() - start) / 1_000_000);
        return new DemoCity(seed, projection, areas, List.copyOf(grids), parts, departments, cameras, sensors,
                tables.thresholds(), tables.partClasses(), List.copyOf(map));
    }

    /** The nine city departments, then a platform per district and an office per urban street. */
    private static List<Department> departments(List<Department> city, List<Area> areas) {
        List<Department> all = new ArrayList<>(city);
        for (Area area : areas) {
            if (area.level() == Area.Level.DISTRICT) {
                all.add(new Department(area.code() + "-00", area.name() + "城市运行管理服务平台",
                        Department.Kind.DISTRICT_PLATFORM, List.of("01", "02", "03", "04", "05", "06", "07", "08", "09", "10"),
                        area.code()));
            } else if (area.isUrbanStreet()) {
                // Street offices take the everyday street-order and cleanliness events in their street.
                all.add(new Department(area.code() + "-00", area.name() + "办事处", Department.Kind.STREET_OFFICE,
                        List.of("06001", "06010", "06036", "07001", "09001", "09005", "09006"), area.code()));
            }
        }
        return List.copyOf(all);
    }
}
