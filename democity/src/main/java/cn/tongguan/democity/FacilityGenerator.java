package cn.tongguan.democity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Coordinate;

/**
 * Cameras and lifeline sensors placed where a city puts them, each named by where it is: cameras at crossings
 * of named roads nearest the centres (平原路与胜利路交叉口), waterlogging gauges at the lowest crossings,
 * underpass gauges where roads pass under the railways (平原路下穿京广铁路通道), smart covers on manholes (gas
 * and sewage first), named by road and door number.
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

    List<Camera> cameras(RoadNetwork roads, List<Coordinate> cores, String urlTemplate, SplittableRandom random) {
        // Crossings of two named roads first, nearest the centres first; then named roads with generated streets.
        List<RoadNetwork.Crossing> candidates = new ArrayList<>(byDistanceToCores(
                roads.crossings().stream().filter(RoadNetwork.Crossing::named).toList(), cores));
        candidates.addAll(byDistanceToCores(roads.crossings().stream().filter(c -> !c.named()).toList(), cores));
        List<RoadNetwork.Crossing> sites = spread(candidates, OWN_CAMERAS + SHARED_CAMERAS, 350);
        List<Camera> cameras = new ArrayList<>();
        for (int i = 0; i < sites.size(); i++) {
            String id = String.format("cam%03d", i + 1);
            // Every fourth of the first 136 is shared: 34 shared, 105 own, spread over the city.
            boolean shared = i % 4 == 3 && i < SHARED_CAMERAS * 4;
            String owner = shared ? SHARED_OWNERS.get(i % SHARED_OWNERS.size()) : "城市管理局指挥中心";
            Coordinate c = sites.get(i).at();
            // Named by what it watches: the crossing (平原路与胜利路交叉口).
            cameras.add(new Camera(id, sites.get(i).name(), c.x + 6, c.y + 6,
                    random.nextInt(8) * 45.0, 60 + random.nextInt(4) * 10, shared, owner,
                    urlTemplate.replace("{id}", id).replace("{stream}", "main"),
                    urlTemplate.replace("{id}", id).replace("{stream}", "sub")));
        }
        return cameras;
    }

    List<Sensor> sensors(RoadNetwork roads, List<CityLine> railways, List<Part> parts, Map<String, String> classNames) {
        List<Sensor> sensors = new ArrayList<>();
        // The lowest crossings of named roads first: where a city's gauges stand (then generated streets).
        List<RoadNetwork.Crossing> low = new ArrayList<>(roads.crossings());
        low.sort(Comparator.comparing((RoadNetwork.Crossing c) -> !c.named()).thenComparingDouble(c -> elevation(c.at())));
        List<RoadNetwork.Crossing> gauges = spread(low, WATERLOGGING, 900);
        for (int i = 0; i < gauges.size(); i++) {
            Coordinate c = gauges.get(i).at();
            sensors.add(new Sensor(String.format("WL%02d", i + 1), Sensor.Kind.WATERLOGGING,
                    gauges.get(i).name() + "积水点", c.x, c.y, null));
        }
        // Where a road passes under a railway, named roads first (平原路下穿京广铁路通道).
        List<RoadNetwork.Crossing> crossings = roads.crossingsWith(railways);
        List<RoadNetwork.Crossing> underpasses = spread(crossings, UNDERPASSES, 1_200);
        for (int i = 0; i < underpasses.size(); i++) {
            RoadNetwork.Crossing u = underpasses.get(i);
            sensors.add(new Sensor(String.format("UP%02d", i + 1), Sensor.Kind.UNDERPASS,
                    u.first().name() + "下穿" + u.second().name() + "通道", u.at().x, u.at().y, null));
        }
        List<Part> manholes = parts.stream().filter(p -> MANHOLES.contains(p.classCode()))
                .sorted(Comparator.comparing((Part p) -> !"01011".equals(p.classCode()))
                        .thenComparing(p -> !"01002".equals(p.classCode())).thenComparing(Part::code))
                .collect(Collectors.toList());
        // Every third candidate, so that covers spread over the city instead of one district's sequence.
        for (int i = 0, n = 0; i < manholes.size() && n < SMART_COVERS; i += 3, n++) {
            Part p = manholes.get(i);
            // By road and door number, then what it covers: 平原路128号燃气井盖.
            sensors.add(new Sensor(String.format("MC%05d", n + 1), Sensor.Kind.MANHOLE_COVER,
                    p.address() + classNames.getOrDefault(p.classCode(), "井盖"), p.x(), p.y(), p.code()));
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

    private static List<RoadNetwork.Crossing> byDistanceToCores(List<RoadNetwork.Crossing> sites, List<Coordinate> cores) {
        List<RoadNetwork.Crossing> sorted = new ArrayList<>(sites);
        sorted.sort(Comparator.comparingDouble(c -> cores.stream().mapToDouble(c.at()::distance).min().orElse(0)));
        return sorted;
    }

    /** The first {@code count} sites in order that keep {@code spacing} metres from each other. */
    private static List<RoadNetwork.Crossing> spread(List<RoadNetwork.Crossing> ordered, int count, double spacing) {
        List<RoadNetwork.Crossing> chosen = new ArrayList<>();
        for (double s = spacing; chosen.size() < count && s > 1; s /= 2) {
            for (RoadNetwork.Crossing c : ordered) {
                final double limit = s;
                if (chosen.size() < count && !chosen.contains(c)
                        && chosen.stream().noneMatch(o -> o.at().distance(c.at()) < limit)) {
                    chosen.add(c);
                }
            }
        }
        if (chosen.size() < count) {
            throw new IllegalStateException("only " + chosen.size() + " sites for " + count);
        }
        return chosen;
    }

    private static double sq(double v) {
        return v * v;
    }
}
