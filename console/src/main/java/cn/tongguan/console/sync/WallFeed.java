package cn.tongguan.console.sync;

import cn.tongguan.api.Cases;
import cn.tongguan.api.Lifeline;
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
 * data for it): today's figures, the sensors, the active alarms, the latest open cases, a sensor's readings,
 * cameras and grids. Blocking; called on background threads, never the FX thread.
 */
public final class WallFeed {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WallFeed.class);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** How many of the latest open cases the wall's queue shows. */
    public static final int RECENT_CASES = 30;

    private final PlatformClient platform;
    private final Clock clock;

    public WallFeed(PlatformClient platform, Clock clock) {
        this.platform = platform;
        this.clock = clock;
    }

    /** Today's figures by district (the KPI aggregates: the one thing the wall still polls, slowly). */
    public Stats.Report today() throws IOException {
        Instant now = clock.instant();
        Instant midnight = LocalDate.ofInstant(now, ZONE).atStartOfDay(ZONE).toInstant();
        return platform.json().readValue(
                platform.get("/api/v1/stats?groupBy=district&from=" + midnight + "&to=" + now), Stats.Report.class);
    }

    /** Every lifeline sensor with its last value. */
    public List<Reference.Sensor> sensors() throws IOException {
        return platform.json().readValue(platform.get("/api/v1/sensors"), new TypeReference<List<Reference.Sensor>>() { });
    }

    public List<Cases.Case> recentCases() throws IOException {
        return platform.json().readValue(platform.get("/api/v1/cases?open=true&sort=-reportedAt&limit=" + RECENT_CASES),
                Cases.CasePage.class).items();
    }

    /**
     * Every open case (the map shows them all), streamed from the snapshot with {@code open=true} to {@code sink};
     * a line that is not a case is skipped and logged. Returns the event id the snapshot reflects.
     */
    public long openCases(java.util.function.Consumer<Cases.Case> sink) throws IOException {
        return platform.snapshot("open=true", header -> { }, sink,
                line -> LOG.warn("Open-case snapshot: a line skipped: {}", line));
    }

    /** Alarms not yet cleared; none from a platform that does not track the alarm lifecycle yet (404). */
    public List<Lifeline.Alarm> activeAlarms() throws IOException {
        try {
            return platform.json().readValue(platform.get("/api/v1/alarms?state=ACTIVE"),
                    new TypeReference<List<Lifeline.Alarm>>() { });
        } catch (PlatformException e) {
            if (e.status() == 404) {
                return List.of();
            }
            throw e;
        }
    }

    /** A sensor's stored readings in {@code [from, to)}, oldest first, for its trend chart. */
    public List<Lifeline.Reading> readings(String sensorId, Instant from, Instant to) throws IOException {
        return new GeoClient(platform).readings(sensorId, from, to);
    }

    /** One case as the wall may see it (personal data masked by the platform). */
    public Cases.CaseDetail caseDetail(long id) throws IOException {
        return platform.parseDetail(platform.detailJson(id));
    }

    public List<Reference.Camera> cameras() throws IOException {
        return platform.json().readValue(platform.get("/api/v1/cameras"), new TypeReference<List<Reference.Camera>>() { });
    }

    /** Every unit grid as a GeoJSON FeatureCollection (properties: code, community, street, district). */
    public String gridsGeoJson() throws IOException {
        return platform.gridsGeoJson();
    }
}
