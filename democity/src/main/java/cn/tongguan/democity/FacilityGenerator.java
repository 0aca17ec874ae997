package cn.tongguan.democity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Coordinate;

/**
 * Cameras and lifeline sensors placed where a city puts them: cameras at arterial crossings nearest the
 * centres, waterlogging gauges at the lowest crossings, underpass gauges where arterials pass under the
 * railways, smart covers on manholes (gas and sewage first).
 */
final class FacilityGenerator {
    static final int OWN_CAMERAS = 105;
    static final int SHARED_CAMERAS = 34;
    static final int WATERLOGGING = 20;
    static final int UNDERPASSES = 8;
    static final int SMART_COVERS = 3_000;
    private static final List<String> SHARED_OWNERS = List.of("公安局交警支队", "交通运输局", "住房和城乡建设局", "水利局");
    private static final Set<String> MANHOLES = Set.of("01001", "01002", "01003", "01005", "01006", "01007",
            "01008", "01010", "01011", "01012");

    private final LocalProjection projection;

    FacilityGenerator(LocalProjection projection) {
        this.projection = projection;
    }

    List<Camera> cameras(RoadNetwork roads, List<Coordinate> cores, String urlTemplate, SplittableRandom random) {
        List<Coordinate> sites = spread(byDistanceToCores(roads.mainIntersections(), cores), OWN_CAMERAS + SHARED_CAMERAS, 350);
        List<Camera> cameras = new ArrayList<>();
        for (int i = 0; i < sites.size(); i++) {
            String id = String.format("cam%03d", i + 1);
            // Every fourth of the first 136 is shared: 34 shared, 105 own, spread over the city.
            boolean shared = i % 4 == 3 && i < SHARED_CAMERAS * 4;
            String owner = shared ? SHARED_OWNERS.get(i % SHARED_OWNERS.size()) : "城市管理局指挥中心";
            Coordinate c = sites.get(i);
            cameras.add(new Camera(id, "视频" + String.format("%03d", i + 1) + "·" + crossingName(c), c.x + 6, c.y + 6,
                    random.nextInt(8) * 45.0, 60 + random.nextInt(4) * 10, shared, owner,
                    urlTemplate.replace("{id}", id).replace("{stream}", "main"),
                    urlTemplate.replace("{id}", id).replace("{stream}", "sub")));
        }
        return cameras;
    }

    List<Sensor> sensors(RoadNetwork roads, List<Part> parts, SplittableRandom random) {
        List<Sensor> sensors = new ArrayList<>();
        List<Coordinate> low = new ArrayList<>(roads.mainIntersections());
        low.sort(Comparator.comparingDouble(FacilityGenerator::elevation));
        List<Coordinate> gauges = spread(low, WATERLOGGING, 900);
        for (int i = 0; i < gauges.size(); i++) {
            Coordinate c = gauges.get(i);
            sensors.add(new Sensor(String.format("WL%02d", i + 1), Sensor.Kind.WATERLOGGING,
                    "积水监测点·" + crossingName(c), c.x, c.y, null));
        }
        List<Coordinate> crossings = roads.mainIntersections().stream()
                .sorted(Comparator.comparingDouble(this::distanceToRailway)).toList();
        List<Coordinate> underpasses = spread(crossings, UNDERPASSES, 1_200);
        for (int i = 0; i < underpasses.size(); i++) {
            Coordinate c = underpasses.get(i);
            sensors.add(new Sensor(String.format("UP%02d", i + 1), Sensor.Kind.UNDERPASS,
                    "下穿通道·" + crossingName(c), c.x, c.y, null));
        }
        List<Part> manholes = parts.stream().filter(p -> MANHOLES.contains(p.classCode()))
                .sorted(Comparator.comparing((Part p) -> !"01011".equals(p.classCode()))
                        .thenComparing(p -> !"01002".equals(p.classCode())).thenComparing(Part::code))
                .collect(Collectors.toList());
        // Every third candidate, so that covers spread over the city instead of one district's sequence.
        for (int i = 0, n = 0; i < manholes.size() && n < SMART_COVERS; i += 3, n++) {
            Part p = manholes.get(i);
            sensors.add(new Sensor(String.format("MC%05d", n + 1), Sensor.Kind.MANHOLE_COVER, "智能井盖·" + p.code(),
                    p.x(), p.y(), p.code()));
        }
        return sensors;
    }

    /** A synthetic terrain: the plain falls gently to the south-east, with a few hollows. */
    static double elevation(Coordinate c) {
        double plain = 80 - c.x * 0.0004 + c.y * 0.0008;
        double hollows = -3 * Math.exp(-(sq(c.x - 1_500) + sq(c.y + 2_000)) / sq(1_500))
                - 2.5 * Math.exp(-(sq(c.x + 3_000) + sq(c.y - 500)) / sq(1_200))
                - 2 * Math.exp(-(sq(c.x - 4_000) + sq(c.y - 3_000)) / sq(1_000));
        return plain + hollows;
    }

    /** The 京广 railway runs north-south just west of the centre, the 新菏 line east-west south of it. */
    private double distanceToRailway(Coordinate c) {
        double jingguang = Math.abs(c.x - projection.x(113.866));
        double xinhe = Math.abs(c.y - projection.y(35.281));
        return Math.min(jingguang, xinhe);
    }

    private static List<Coordinate> byDistanceToCores(List<Coordinate> sites, List<Coordinate> cores) {
        List<Coordinate> sorted = new ArrayList<>(sites);
        sorted.sort(Comparator.comparingDouble(c -> cores.stream().mapToDouble(c::distance).min().orElse(0)));
        return sorted;
    }

    /** The first {@code count} sites in order that keep {@code spacing} metres from each other. */
    private static List<Coordinate> spread(List<Coordinate> ordered, int count, double spacing) {
        List<Coordinate> chosen = new ArrayList<>();
        for (double s = spacing; chosen.size() < count && s > 1; s /= 2) {
            for (Coordinate c : ordered) {
                final double limit = s;
                if (chosen.size() < count && chosen.stream().noneMatch(o -> o.distance(c) < limit)) {
                    chosen.add(c);
                }
            }
        }
        if (chosen.size() < count) {
            throw new IllegalStateException("only " + chosen.size() + " sites for " + count);
        }
        return chosen;
    }

    private String crossingName(Coordinate c) {
        return String.format(java.util.Locale.ROOT, "%.4f,%.4f", projection.lng(c.x), projection.lat(c.y));
    }

    private static double sq(double v) {
        return v * v;
    }
}
