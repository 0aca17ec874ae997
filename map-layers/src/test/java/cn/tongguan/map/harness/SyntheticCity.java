package cn.tongguan.map.harness;

import cn.tongguan.map.Feature;
import cn.tongguan.map.LiveItem;
import cn.tongguan.map.LiveKind;
import cn.tongguan.map.LiveStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * Synthetic but plausibly placed data at Xinxiang's real scale, on the real district polygons: streets and
 * communities (real names and codes from divisions.csv, Voronoi shapes inside their parent), ~100 m unit grids
 * over the urban core, road centre lines, 629,724 city parts along them (dense in the core, thinning outwards, plus
 * villages), and live cases, sensors and cameras. Deterministic for a seed.
 */
public final class SyntheticCity {
    public static final int PART_COUNT = 629_724;
    public static final double CENTRE_LNG = 113.895;
    public static final double CENTRE_LAT = 35.300;
    /** Part classes in legend order with their share. */
    public static final List<String> CLASSES = List.of("井盖", "路灯", "行道树", "垃圾箱", "消防栓", "交通信号灯");
    private static final double[] SHARE = {0.38, 0.2, 0.22, 0.1, 0.06, 0.04};
    private static final double KM_LNG = 1 / 90.8;
    private static final double KM_LAT = 1 / 111.0;

    private final GeometryFactory factory = new GeometryFactory(new PrecisionModel(), 4326);
    private final Random random;
    private final Instant now;
    public final List<Feature> districts;
    public final List<Feature> streets = new ArrayList<>();
    public final List<Feature> communities = new ArrayList<>();
    public final List<Feature> grids = new ArrayList<>();
    public final List<Feature> roads = new ArrayList<>();
    public final List<Feature> parts = new ArrayList<>(PART_COUNT);
    public final List<LiveItem> live = new ArrayList<>();

    /** {@code now}: when the live items are (the newest blink on a map whose clock reads about {@code now}). */
    public SyntheticCity(long seed, int partCount, Instant now) {
        this.random = new Random(seed);
        this.now = now;
        this.districts = XinxiangData.districts().features();
        List<XinxiangData.Division> divisions = XinxiangData.divisions();
        for (Feature district : XinxiangData.urbanDistricts(districts)) {
            subdivide(district, "street", divisions, streets);
        }
        for (Feature street : streets) {
            subdivide(street, "community", divisions, communities);
        }
        buildGrids();
        buildParts(partCount);
        buildLive();
    }

    private void subdivide(Feature parent, String level, List<XinxiangData.Division> divisions, List<Feature> out) {
        List<XinxiangData.Division> children = divisions.stream()
                .filter(d -> d.level().equals(level) && d.parentCode().equals(parent.id())).toList();
        if (children.isEmpty()) {
            return;
        }
        Geometry area = parent.geometry();
        List<Coordinate> seeds = randomPointsInside(area, children.size());
        VoronoiDiagramBuilder voronoi = new VoronoiDiagramBuilder();
        voronoi.setSites(seeds);
        Envelope clip = new Envelope(area.getEnvelopeInternal());
        clip.expandBy(0.05);
        voronoi.setClipEnvelope(clip);
        Geometry cells = voronoi.getDiagram(factory);
        for (int i = 0; i < cells.getNumGeometries(); i++) {
            Geometry cell = cells.getGeometryN(i);
            Coordinate site = (Coordinate) cell.getUserData();
            int index = seeds.indexOf(site);
            if (index < 0) {
                continue;
            }
            Geometry shape = GeometryFixer.fix(cell.intersection(area));
            if (shape.isEmpty() || shape.getDimension() < 2) {
                continue;
            }
            XinxiangData.Division d = children.get(index);
            out.add(new Feature(d.code(), shape, Map.of("name", d.name(), "code", d.code(), "level", level,
                    "parent", parent.id())));
        }
    }

    private List<Coordinate> randomPointsInside(Geometry area, int count) {
        IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(area);
        Envelope env = area.getEnvelopeInternal();
        List<Coordinate> points = new ArrayList<>();
        while (points.size() < count) {
            Coordinate c = new Coordinate(env.getMinX() + random.nextDouble() * env.getWidth(),
                    env.getMinY() + random.nextDouble() * env.getHeight());
            if (locator.locate(c) == Location.INTERIOR && !points.contains(c)) {
                points.add(c);
            }
        }
        return points;
    }

    /** ~100 m × 100 m cells (the 10,000 m² unit grid) over the urban core, each inside one community. */
    private void buildGrids() {
        STRtree index = new STRtree();
        List<IndexedPointInAreaLocator> locators = new ArrayList<>();
        for (int i = 0; i < communities.size(); i++) {
            index.insert(communities.get(i).geometry().getEnvelopeInternal(), i);
            locators.add(new IndexedPointInAreaLocator(communities.get(i).geometry()));
        }
        double stepX = 0.1 * KM_LNG;
        double stepY = 0.1 * KM_LAT;
        int cols = (int) (13.0 / 0.1);
        int rows = (int) (10.0 / 0.1);
        double x0 = CENTRE_LNG - cols / 2.0 * stepX;
        double y0 = CENTRE_LAT - rows / 2.0 * stepY;
        // a jittered lattice shared by neighbours, so grid edges meet like real ones
        double[][] jx = new double[rows + 1][cols + 1];
        double[][] jy = new double[rows + 1][cols + 1];
        for (int r = 0; r <= rows; r++) {
            for (int c = 0; c <= cols; c++) {
                jx[r][c] = x0 + c * stepX + (random.nextDouble() - 0.5) * stepX * 0.3;
                jy[r][c] = y0 + r * stepY + (random.nextDouble() - 0.5) * stepY * 0.3;
            }
        }
        int[] sequence = new int[communities.size()];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                Coordinate centre = new Coordinate(x0 + (c + 0.5) * stepX, y0 + (r + 0.5) * stepY);
                @SuppressWarnings("unchecked")
                List<Integer> candidates = index.query(new Envelope(centre));
                for (int k : candidates) {
                    if (locators.get(k).locate(centre) == Location.INTERIOR) {
                        Feature community = communities.get(k);
                        String code = community.id() + String.format("%03d", ++sequence[k] % 1000);
                        Geometry cell = factory.createPolygon(new Coordinate[] {
                            new Coordinate(jx[r][c], jy[r][c]), new Coordinate(jx[r][c + 1], jy[r][c + 1]),
                            new Coordinate(jx[r + 1][c + 1], jy[r + 1][c + 1]), new Coordinate(jx[r + 1][c], jy[r + 1][c]),
                            new Coordinate(jx[r][c], jy[r][c])});
                        grids.add(new Feature(code, cell, Map.of("name", "单元网格 " + code, "code", code,
                                "level", "grid", "parent", community.id())));
                        break;
                    }
                }
            }
        }
    }

    private void buildParts(int count) {
        List<Map<String, Object>> classAttributes = CLASSES.stream()
                .<Map<String, Object>>map(cls -> Map.of("class", cls)).toList();
        Geometry urban = factory.buildGeometry(XinxiangData.urbanDistricts(districts).stream()
                .map(Feature::geometry).toList()).union();
        RoadNetwork roads = new RoadNetwork(random, urban, CENTRE_LNG, CENTRE_LAT);
        int roadNumber = 0;
        for (List<Coordinate> line : roads.roads()) {
            String id = String.format("road-%03d", ++roadNumber);
            this.roads.add(new Feature(id, factory.createLineString(line.toArray(Coordinate[]::new)),
                    Map.of("name", "道路 " + roadNumber)));
        }
        int villages = 320;
        List<Coordinate> villageCentres = new ArrayList<>();
        Geometry all = factory.buildGeometry(districts.stream().map(Feature::geometry).toList()).union();
        villageCentres.addAll(randomPointsInside(all, villages));
        double[] point = new double[2];
        for (int i = 0; i < count; i++) {
            if (i % 5 != 0) {
                roads.samplePart(point);
            } else {
                // villages: a loose cluster of ~300 m around each centre
                Coordinate v = villageCentres.get(random.nextInt(villages));
                point[0] = v.x + random.nextGaussian() * 0.3 * KM_LNG;
                point[1] = v.y + random.nextGaussian() * 0.3 * KM_LAT;
            }
            int cls = pickClass();
            String code = "4107" + String.format("%02d%07d", cls + 1, i);
            parts.add(new Feature(code, factory.createPoint(new Coordinate(point[0], point[1])),
                    classAttributes.get(cls)));
        }
        roads.intersections(live, random, now);
    }

    private int pickClass() {
        double r = random.nextDouble();
        for (int i = 0; i < SHARE.length; i++) {
            r -= SHARE[i];
            if (r < 0) {
                return i;
            }
        }
        return 0;
    }

    private void buildLive() {
        LiveStatus[] caseStatus = {LiveStatus.PENDING, LiveStatus.PENDING, LiveStatus.NORMAL, LiveStatus.OVERDUE};
        for (int i = 0; i < 420; i++) {
            Feature part = parts.get(random.nextInt(parts.size()));
            Coordinate c = part.geometry().getCoordinate();
            Instant since = i < 6 ? now : now.minusSeconds(600 + random.nextInt(86_400));
            live.add(LiveItem.of("case-" + i, LiveKind.CASE, c.x, c.y, caseStatus[random.nextInt(4)], since));
        }
        for (int i = 0; i < 28; i++) {
            double lng = CENTRE_LNG + random.nextGaussian() * 2.5 * KM_LNG;
            double lat = CENTRE_LAT + random.nextGaussian() * 2.5 * KM_LAT;
            LiveStatus status = i < 2 ? LiveStatus.ALARM : (i < 4 ? LiveStatus.OFFLINE : LiveStatus.NORMAL);
            live.add(LiveItem.of((i < 20 ? "waterlog-" : "underpass-") + i, LiveKind.SENSOR, lng, lat, status,
                    now.minusSeconds(3600)));
        }
        live.add(LiveItem.of("alarm-1", LiveKind.ALARM, CENTRE_LNG + 0.004, CENTRE_LAT - 0.003, LiveStatus.ALARM, now));
    }
}
