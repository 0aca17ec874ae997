package cn.tongguan.console.sync;

import cn.tongguan.api.Cases;
import cn.tongguan.api.Reference;
import cn.tongguan.api.Stats;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * What the display wall reads from the platform, signed in as the 大屏 role (the platform masks personal
 * data for it): today's figures, the gauges, the latest open cases, cameras and grids. Blocking; called
 * on the background executor.
 */
public final class WallFeed {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final PlatformClient platform;
    private final Clock clock;

    public WallFeed(PlatformClient platform, Clock clock) {
        this.platform = platform;
        this.clock = clock;
    }

    public WallData fetch() throws IOException {
        Instant now = clock.instant();
        Instant midnight = LocalDate.ofInstant(now, ZONE).atStartOfDay(ZONE).toInstant();
        Stats.Report today = platform.json().readValue(
                platform.get("/api/v1/stats?groupBy=district&from=" + midnight + "&to=" + now), Stats.Report.class);
        List<Reference.Sensor> sensors = platform.json().readValue(platform.get("/api/v1/sensors"),
                new TypeReference<List<Reference.Sensor>>() { });
        List<Reference.Sensor> gauges = sensors.stream().filter(s -> !"manhole".equals(s.kind())).toList();
        Cases.CasePage latest = platform.json().readValue(
                platform.get("/api/v1/cases?open=true&sort=-reportedAt&limit=30"), Cases.CasePage.class);
        return new WallData(now, today, gauges, latest.items());
    }

    public List<Reference.Camera> cameras() throws IOException {
        return platform.json().readValue(platform.get("/api/v1/cameras"), new TypeReference<List<Reference.Camera>>() { });
    }

    /** Every unit grid as a GeoJSON FeatureCollection (properties: code, community, street, district). */
    public String gridsGeoJson() throws IOException {
        return platform.gridsGeoJson();
    }
}
