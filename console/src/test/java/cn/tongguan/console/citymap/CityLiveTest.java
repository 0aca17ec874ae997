package cn.tongguan.console.citymap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.tongguan.console.cache.CacheDatabase;
import cn.tongguan.console.cache.CacheMeta;
import cn.tongguan.console.cache.CaseCache;
import cn.tongguan.console.cache.GeoStore;
import cn.tongguan.console.cache.ReferenceHolder;
import cn.tongguan.console.i18n.Messages;
import cn.tongguan.console.support.CityLifeline;
import cn.tongguan.console.support.SmallCity;
import cn.tongguan.console.support.TestPlatform;
import cn.tongguan.console.sync.GeoClient;
import cn.tongguan.console.sync.GeoSync;
import cn.tongguan.map.Feature;
import cn.tongguan.map.LiveItem;
import cn.tongguan.map.LiveKind;
import cn.tongguan.map.LiveStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 一张图's live things and heat without the toolkit, against a real platform: sensors with the platform's
 * states (an alarmed cover), the zoom rules of the overlay, cameras headed along their road, sensor and camera
 * cards with the trend, the heat per grid through the route, the periods in the city's time, and a grid's parts.
 */
class CityLiveTest {
    @TempDir
    Path dir;
    private TestPlatform platform;
    private CacheDatabase db;
    private CityMapViewModel model;

    @BeforeEach
    void start() throws Exception {
        platform = new TestPlatform(dir.resolve("platform")).start();
        SmallCity.load(platform);
        CityLifeline.load(platform);
        db = CacheDatabase.inMemory("citylive-" + System.nanoTime());
        GeoStore store = new GeoStore(db);
        GeoClient client = new GeoClient(platform.client("dispatcher"));
        new GeoSync(client, store).refresh();
        CacheMeta meta = new CacheMeta(db);
        model = new CityMapViewModel(Messages.load(Locale.SIMPLIFIED_CHINESE), new ReferenceHolder(meta), store, null,
                client, new CaseCache(db), meta, Runnable::run, Runnable::run, platform.clock());
        model.open();
    }

    @AfterEach
    void stop() {
        db.close();
        platform.close();
    }

    @Test
    void sensorsWithThePlatformsStatesAndTheOverlaysZoomRules() {
        Map<String, CityLive.SensorMark> sensors = model.live().sensors().stream()
                .collect(Collectors.toMap(CityLive.SensorMark::id, Function.identity()));
        assertThat(sensors).containsOnlyKeys("W01", "U01", "M01", "M02", "M03");
        assertThat(sensors.get("M01").state()).isEqualTo("ALARM");
        assertThat(sensors.get("M02").state()).isNotEqualTo("ALARM");
        assertThat(sensors.get("W01").value()).isEqualTo(2.5);

        Map<String, LiveItem> items = LiveMarks.items(model.live().sensors(), model.live().cameras(), Instant.EPOCH)
                .stream().collect(Collectors.toMap(LiveItem::id, Function.identity()));
        double city = 11;
        // Water gauges and underpasses always; the alarmed cover always, in red; the quiet covers from street zoom.
        assertThat(items.get("sensor-W01").shownAt(city)).isTrue();
        assertThat(items.get("sensor-U01").shownAt(city)).isTrue();
        assertThat(items.get("sensor-M01").shownAt(city)).isTrue();
        assertThat(items.get("sensor-M01").status()).isEqualTo(LiveStatus.ALARM);
        assertThat(items.get("sensor-M02").shownAt(city)).isFalse();
        assertThat(items.get("sensor-M02").shownAt(CityLayers.STREET_ZOOM)).isTrue();
        assertThat(items.get("sensor-W01").kind()).isEqualTo(LiveKind.SENSOR);
        // Cameras from street zoom, with a cone.
        assertThat(items.get("camera-C01").kind()).isEqualTo(LiveKind.CAMERA);
        assertThat(items.get("camera-C01").shownAt(city)).isFalse();
        assertThat(items.get("camera-C01").shownAt(CityLayers.STREET_ZOOM)).isTrue();
        assertThat(items.get("camera-C01").fovDeg()).isPositive();
        assertThat(items.get("camera-C02").status()).isEqualTo(LiveStatus.OFFLINE);
    }

    @Test
    void camerasHeadAlongTheirRoadAndFarFromEveryRoadHaveNoCone() {
        CityLive.CameraMark onRoad = model.live().camera("C01");
        // 平原路 runs east–west (0.001° of rise over 0.08°): a heading of about 90°.
        assertThat(onRoad.heading()).isCloseTo(90, within(5.0));
        assertThat(onRoad.fov()).isEqualTo(CityLive.FOV);
        CityLive.CameraMark far = model.live().camera("C02");
        assertThat(far.fov()).isZero();
        assertThat(far.online()).isFalse();
    }

    @Test
    void aSensorsCardWithItsValueAndTrendACamerasCard() {
        model.clickedLive("sensor", "W01");
        CityCard card = model.cardProperty().get();
        assertThat(card.title()).isEqualTo("积水点·平原路");
        assertThat(card.kind()).isEqualTo("sensor");
        assertThat(card.lines()).contains("类型：积水监测点", "状态：正常").anyMatch(l -> l.startsWith("最新读数：2.5 cm"));
        assertThat(model.live().trend().points()).extracting(r -> r.value()).containsExactly(1.5, 2.5);
        model.clickedLive("sensor", "M01");
        assertThat(model.cardProperty().get().lines()).anyMatch(l -> l.startsWith("状态：报警"));

        model.clickedLive("camera", "C01");
        card = model.cardProperty().get();
        assertThat(card.title()).isEqualTo("平原路与胜利路交叉口");
        assertThat(card.kind()).isEqualTo("camera");
        assertThat(card.target()).isEqualTo("C01");
        assertThat(card.lines()).contains("编号：C01", "状态：在线");
        assertThat(model.live().trend().openProperty().get()).isFalse();
        model.closeCard();
        assertThat(model.cardProperty().get()).isNull();
    }

    @Test
    void aGridsPartsAloneAndTheClassFilterApplies() {
        CityGeography geo = model.geographyProperty().get();
        Feature grid = geo.grids().get(0);
        List<Feature> inside = model.partsIn(grid);
        assertThat(inside).isNotEmpty().hasSizeLessThan(geo.parts().size())
                .allMatch(p -> grid.geometry().covers(p.geometry()));
        long lamps = inside.stream().filter(p -> p.text("classCode").equals("01037")).count();
        assertThat(lamps).isPositive();
        model.showClass("01037", false);
        assertThat(model.partsIn(grid)).hasSize(inside.size() - (int) lamps);
    }

    @Test
    void heatPerGridForAPeriodAndAClass() throws Exception {
        var operator = platform.client("operator");
        Feature grid = model.geographyProperty().get().grids().get(10);
        var c = grid.geometry().getInteriorPoint().getCoordinate();
        for (int i = 0; i < 3; i++) {
            operator.create(new cn.tongguan.api.Cases.NewCase("hotline_12319", "event", "06", "06010", c.x, c.y,
                    "平原路" + i + "号", "垃圾" + i, "normal", "张三", "13812345678", null, false),
                    java.util.UUID.randomUUID().toString());
        }
        model.heat().load(CityHeat.Period.TODAY, null);
        CityHeat.Counts today = model.heat().countsProperty().get();
        assertThat(today.of(grid.id())).isEqualTo(3);
        // (The tilted cover's alarm may by now have filed a case of its own elsewhere.) Every case counted once.
        assertThat(today.total()).isEqualTo(today.perGrid().values().stream().mapToLong(Long::longValue).sum());
        model.heat().load(CityHeat.Period.LAST_30_DAYS, "01");
        assertThat(model.heat().countsProperty().get().of(grid.id())).isZero();
        model.heat().load(CityHeat.Period.MONTH, "06");
        assertThat(model.heat().countsProperty().get().of(grid.id())).isEqualTo(3);
        // Whatever the scale, no case is unfilled, one case is filled, and the busiest grid is in the top class.
        for (long max : new long[] {1, 3, 7, 8, 100, 5_000}) {
            var classes = cn.tongguan.map.Choropleth.of("heat", CityHeat.breaks(max), HeatLayer.FILLS);
            assertThat(classes.classOf(0)).as("max %d", max).isZero();
            assertThat(classes.classOf(1)).as("max %d", max).isPositive();
            assertThat(classes.classOf(max)).as("max %d", max).isEqualTo(HeatLayer.FILLS.length - 1);
        }
    }

    @Test
    void periodsInTheCitysTimeWhateverTheMachinesZone() {
        // Monday 2026-11-23 00:30 in Xinxiang is still Sunday 16:30 UTC.
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T16:30:00Z"), ZoneOffset.ofHours(-5));
        Instant[] today = CityHeat.range(CityHeat.Period.TODAY, clock);
        assertThat(today[0]).isEqualTo(Instant.parse("2026-11-22T16:00:00Z"));
        assertThat(today[1]).isEqualTo(clock.instant());
        assertThat(CityHeat.range(CityHeat.Period.WEEK, clock)[0]).isEqualTo(Instant.parse("2026-11-22T16:00:00Z"));
        assertThat(CityHeat.range(CityHeat.Period.MONTH, clock)[0]).isEqualTo(Instant.parse("2026-10-31T16:00:00Z"));
        assertThat(CityHeat.range(CityHeat.Period.LAST_30_DAYS, clock)[0]).isEqualTo(Instant.parse("2026-10-23T16:30:00Z"));
        // At midnight itself the period still spans a millisecond (the route wants from < to).
        Instant[] first = CityHeat.range(CityHeat.Period.TODAY, Clock.fixed(Instant.parse("2026-11-22T16:00:00Z"), ZoneOffset.UTC));
        assertThat(first[1]).isAfter(first[0]);
    }
}
