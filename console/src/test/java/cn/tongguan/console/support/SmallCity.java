package cn.tongguan.console.support;

import cn.tongguan.api.Geo;
import cn.tongguan.api.Json;
import cn.tongguan.api.Reference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * A generated small city for map tests: 2 districts side by side, 2 streets each, 2 communities per street,
 * 3 × 3 unit grids per community, a named road, a river and a railway across, and {@link #PARTS} parts of three
 * classes on a lattice. Squares in lng/lat from ({@link #WEST}, {@link #SOUTH}).
 */
public final class SmallCity {
    public static final double WEST = 113.84;
    public static final double SOUTH = 35.27;
    /** A district is 0.04° wide (about 3.6 km) and 0.04° high. */
    public static final double DISTRICT = 0.04;
    public static final int PARTS = 600;
    public static final List<String> DISTRICT_NAMES = List.of("卫滨区", "红旗区");
    private static final ObjectMapper JSON = Json.newMapper();

    private SmallCity() {
    }

    public static void load(TestPlatform platform) {
        List<Reference.Division> divisions = new ArrayList<>();
        List<Reference.Grid> grids = new ArrayList<>();
        String[][] streets = {{"胜利路街道", "自由路街道"}, {"健康路街道", "人民路街道"}};
        for (int d = 0; d < 2; d++) {
            String dc = "41070" + (3 - d);
            double x0 = WEST + d * DISTRICT;
            divisions.add(new Reference.Division(dc, DISTRICT_NAMES.get(d), "district", null,
                    square(x0, SOUTH, DISTRICT, DISTRICT)));
            for (int s = 0; s < 2; s++) {
                String sc = dc + "00" + (s + 1);
                double sy = SOUTH + s * DISTRICT / 2;
                divisions.add(new Reference.Division(sc, streets[d][s], "street", dc,
                        square(x0, sy, DISTRICT, DISTRICT / 2)));
                for (int c = 0; c < 2; c++) {
                    String cc = sc + "00" + (c + 1);
                    double cx = x0 + c * DISTRICT / 2;
                    divisions.add(new Reference.Division(cc, streets[d][s].replace("街道", "") + (c + 1) + "社区",
                            "community", sc, square(cx, sy, DISTRICT / 2, DISTRICT / 2)));
                    double g = DISTRICT / 6;
                    for (int gy = 0; gy < 3; gy++) {
                        for (int gx = 0; gx < 3; gx++) {
                            grids.add(new Reference.Grid(cc + gy + gx, cc, sc, dc,
                                    square(cx + gx * g, sy + gy * g, g, g)));
                        }
                    }
                }
            }
        }
        var store = platform.referenceData();
        store.upsertDivisions(divisions);
        store.upsertGrids(grids);
        String[][] classes = {{"01002", "污水井盖"}, {"01037", "路灯"}, {"04002", "垃圾箱"}};
        List<Reference.Part> parts = new ArrayList<>();
        for (int i = 0; i < PARTS; i++) {
            String[] cls = classes[i % 3];
            double lng = WEST + 0.002 + (i % 30) * 0.0026;
            double lat = SOUTH + 0.002 + (i / 30) * 0.0018;
            parts.add(new Reference.Part(String.format("410702%s%06d", cls[0], i), cls[0], cls[1], lng, lat, null,
                    i % 4 == 0 ? null : "D01", "完好", "平原路", 2 * i + 1));
        }
        store.upsertParts(parts);
        double mid = SOUTH + DISTRICT / 2 + 0.003;
        store.upsertLines(List.of(
                line("road-1", "road", "平原路", "trunk", WEST, mid, WEST + 2 * DISTRICT, mid + 0.001),
                line("road-2", "road", "胜利路", "arterial", WEST + 0.025, SOUTH, WEST + 0.027, SOUTH + DISTRICT),
                line("water-1", "water", "卫河", "river", WEST, SOUTH + 0.033, WEST + 2 * DISTRICT, SOUTH + 0.030),
                line("rail-1", "rail", "京广铁路", "railway", WEST + 0.062, SOUTH, WEST + 0.064, SOUTH + DISTRICT)));
        // As the import route does: the platform locates new cases in these polygons from now on.
        store.reload();
    }

    private static Geo.Line line(String id, String kind, String name, String cls, double x0, double y0, double x1,
                                 double y1) {
        return new Geo.Line(id, kind, name, cls, false, json("{\"type\":\"LineString\",\"coordinates\":[[" + x0 + ","
                + y0 + "],[" + (x0 + x1) / 2 + "," + ((y0 + y1) / 2 + 0.001) + "],[" + x1 + "," + y1 + "]]}"));
    }

    private static JsonNode square(double x, double y, double w, double h) {
        return json("{\"type\":\"Polygon\",\"coordinates\":[[[" + x + "," + y + "],[" + (x + w) + "," + y + "],["
                + (x + w) + "," + (y + h) + "],[" + x + "," + (y + h) + "],[" + x + "," + y + "]]]}");
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
