package cn.tongguan.console.bench;

import cn.tongguan.api.Reference;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the wall bench puts on the wall: the lifeline sensors and a grid layer shaped like the demo city's. */
final class WallBenchData {
    private WallBenchData() {
    }

    /** The demo's 20 waterlogging points and 8 underpasses, spread over the urban districts. */
    static List<Reference.Sensor> sensors() {
        List<Reference.Sensor> out = new ArrayList<>();
        for (int i = 0; i < 28; i++) {
            boolean underpass = i >= 20;
            out.add(new Reference.Sensor((underpass ? "UP" : "WL") + String.format("%02d", i), underpass ? "underpass" : "waterlogging",
                    (underpass ? "下穿" : "积水点") + i, 113.82 + (i % 7) * 0.022, 35.26 + (i / 7) * 0.02, "cm",
                    underpass ? 25.0 : 15.0, 2.0, Instant.now()));
        }
        return out;
    }

    /** 1,536 square unit grids (0.005°) over the urban area: the map's heaviest polygon layer in the wall. */
    static String grids() {
        StringBuilder g = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        int n = 0;
        for (int x = 0; x < 48; x++) {
            for (int y = 0; y < 32; y++) {
                double lng = 113.78 + x * 0.005;
                double lat = 35.22 + y * 0.005;
                g.append(n++ == 0 ? "" : ",").append(String.format(Locale.ROOT,
                        "{\"type\":\"Feature\",\"properties\":{\"code\":\"G%d\"},\"geometry\":{\"type\":\"Polygon\","
                                + "\"coordinates\":[[[%f,%f],[%f,%f],[%f,%f],[%f,%f],[%f,%f]]]}}", n, lng, lat, lng + 0.005,
                        lat, lng + 0.005, lat + 0.005, lng, lat + 0.005, lng, lat));
            }
        }
        return g.append("]}").toString();
    }
}
