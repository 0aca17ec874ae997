package cn.tongguan.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.Cases;
import cn.tongguan.api.testing.MutableClock;
import cn.tongguan.api.testing.TestClocks;
import cn.tongguan.console.citymap.CityLayers;
import cn.tongguan.console.support.CityLifeline;
import cn.tongguan.console.support.ConsoleUi;
import cn.tongguan.console.support.SmallCity;
import cn.tongguan.console.support.TestPlatform;
import cn.tongguan.console.sync.PlatformClient;
import cn.tongguan.console.testing.ScreenshotOnFailure;
import cn.tongguan.console.wall.WallCityMapView;
import cn.tongguan.map.DrawnLabel;
import cn.tongguan.map.FeatureLayer;
import cn.tongguan.map.LiveItem;
import cn.tongguan.map.LiveKind;
import cn.tongguan.map.LiveStatus;
import cn.tongguan.map.MapView;
import cn.tongguan.map.MapViewState;
import java.nio.file.Path;
import javafx.geometry.Point2D;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The wall's map on the generated small city, the real wall composition against a real platform: the city's
 * layers with the district names large and their open cases counted ("卫滨区  4 件在办"), none of the drawn labels
 * overlapping; every open case in the overlay, kept current when a case is filed or rejected; the lights counted
 * down on the clock; and, restarted with the platform down, the map drawn from the wall's saved geography. Then the
 * covers in the clustered overlay, a card for a clicked case and sensor, and the drill-down there and back.
 */
@ExtendWith({ApplicationExtension.class, ScreenshotOnFailure.class})
class WallMapUiTest {
    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(TestClocks.at(TestClocks.MORNING).instant());
    private TestPlatform platform;
    private TestWall wall;

    @BeforeEach
    void start() throws Exception {
        FxToolkit.registerPrimaryStage();
        platform = new TestPlatform(dir.resolve("platform"), clock).start();
        SmallCity.load(platform);
    }

    @AfterEach
    void stop() throws Exception {
        if (wall != null) {
            wall.close();
        }
        platform.close();
    }

    @Test
    void theCityWithItsOpenCasesCountedPerDistrictAndKeptAcrossARestart() throws Exception {
        PlatformClient operator = platform.client("operator");
        List<Cases.Case> open = new ArrayList<>();
        // Four in 卫滨区 (the west district), two in 红旗区; two of them dispatched, so their clocks run.
        for (int i = 0; i < 6; i++) {
            double lng = i < 4 ? SmallCity.WEST + 0.006 + i * 0.008 : SmallCity.WEST + SmallCity.DISTRICT + 0.01 + i * 0.003;
            open.add(file(operator, lng, SmallCity.SOUTH + 0.008 + (i % 3) * 0.01, i));
        }
        for (int i = 0; i < 2; i++) {
            platform.act(operator, open.get(i).id(), "accept", null);
            platform.act(platform.client("shift_leader"), open.get(i).id(), "file", null);
            platform.act(platform.client("dispatcher"), open.get(i).id(), "dispatch", "D01");
        }
        wall = new TestWall(platform.uri(), dir.resolve("console"), "daily", clock).show();
        WallCityMapView city = wall.composition().cityMap();
        MapView map = city.view();
        ConsoleUi.waitOnFx(40, () -> layer(map, "district").features().size() == 2
                && layer(map, "parts").features().size() == SmallCity.PARTS && layer(map, "road").features().size() == 2
                && city.openCount() == 6);
        WaitForAsyncUtils.asyncFx(() -> {
            for (Cases.Case c : open) {
                assertThat(map.getOverlay().get(WallCityMapView.id(c.id()))).as("case %s", c.caseNo()).isNotNull();
            }
            assertThat(cases(map)).hasSize(6);
        }).get(5, TimeUnit.SECONDS);
        waitForLabels(map, "卫滨区  4 件在办", "红旗区  2 件在办");
        ScreenshotOnFailure.save(Path.of("target", "screenshots", "wall-map.png"));

        // Filed in 红旗区, rejected in 卫滨区: the overlay and the counts follow the events.
        Cases.Case filed = file(operator, SmallCity.WEST + SmallCity.DISTRICT + 0.02, SmallCity.SOUTH + 0.03, 7);
        platform.act(operator, open.get(3).id(), "reject", null);
        ConsoleUi.waitOnFx(20, () -> map.getOverlay().get(WallCityMapView.id(filed.id())) != null
                && map.getOverlay().get(WallCityMapView.id(open.get(3).id())) == null);
        waitForLabels(map, "卫滨区  3 件在办", "红旗区  3 件在办");
        assertThat(WaitForAsyncUtils.asyncFx(() -> cases(map).size()).get(5, TimeUnit.SECONDS)).isEqualTo(6);

        // Weeks later without an event: the dispatched cases' lights have run out, red on the wall.
        clock.advance(Duration.ofDays(60));
        wall.tick();
        WaitForAsyncUtils.asyncFx(() -> {
            for (Cases.Case c : open.subList(0, 2)) {
                assertThat(map.getOverlay().get(WallCityMapView.id(c.id())).status()).isEqualTo(LiveStatus.OVERDUE);
            }
        }).get(5, TimeUnit.SECONDS);

        // Restarted while the platform is down: the map from the wall's own copy, names and parts and all.
        wall.close();
        wall = null;
        platform.stop();
        wall = new TestWall(platform.uri(), dir.resolve("console"), "daily", clock).show();
        MapView again = wall.composition().cityMap().view();
        ConsoleUi.waitOnFx(30, () -> layer(again, "district").features().size() == 2
                && layer(again, "parts").features().size() == SmallCity.PARTS);
        // With the open cases it showed when it was closed, counted as before.
        waitForLabels(again, "卫滨区  3 件在办", "红旗区  3 件在办");
        assertThat(WaitForAsyncUtils.asyncFx(() -> cases(again).size()).get(5, TimeUnit.SECONDS)).isEqualTo(6);
        ScreenshotOnFailure.save(Path.of("target", "screenshots", "wall-map-restored.png"));
    }

    @Test
    void coversClusteredInTheOverlayTheDrillDownRoundTripAndACardForEachClick() throws Exception {
        CityLifeline.load(platform);
        Cases.Case c = file(platform.client("operator"), CityLifeline.ROAD_LNG - 0.004, CityLifeline.ROAD_LAT - 0.008, 1);
        wall = new TestWall(platform.uri(), dir.resolve("console"), "daily", clock).show();
        WallCityMapView city = wall.composition().cityMap();
        MapView map = city.view();
        // (the cover's alarm may have filed a case of its own)
        ConsoleUi.waitOnFx(40, () -> layer(map, "district").features().size() == 2 && city.openCase(c.id()) != null);
        ConsoleUi.waitOnFx(20, () -> map.getOverlay().get("sensor-M01") != null);
        ConsoleUi.waitOnFx(20, map::isComplete);
        MapViewState home = WaitForAsyncUtils.asyncFx(map::getViewState).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.asyncFx(() -> {
            // The covers are items of the clustered overlay, not nodes: the alarmed one at city zoom, in red; the
            // quiet ones from street zoom. The gauge and the underpass keep their labelled marks.
            LiveItem alarmed = map.getOverlay().get("sensor-M01");
            assertThat(alarmed.status()).isEqualTo(LiveStatus.ALARM);
            assertThat(alarmed.shownAt(CityLayers.STREET_ZOOM - 1)).isTrue();
            for (String quiet : List.of("sensor-M02", "sensor-M03")) {
                assertThat(map.getOverlay().get(quiet).shownAt(CityLayers.STREET_ZOOM - 1)).as(quiet).isFalse();
                assertThat(map.getOverlay().get(quiet).shownAt(CityLayers.STREET_ZOOM)).as(quiet).isTrue();
            }
            assertThat(map.getScene().lookup("#sensor-M01")).isNull();
            assertThat(map.getScene().lookup("#sensor-W01")).isNotNull();
            assertThat(map.getScene().lookup("#wallBreadcrumb").isVisible()).isFalse();
        }).get(5, TimeUnit.SECONDS);
        FxRobot robot = new FxRobot();

        // A click on the case opens its card (from what the wall holds); a click on the alarmed cover its trend.
        robot.clickOn(screen(map, c.lng(), c.lat()));
        ConsoleUi.waitOnFx(10, () -> map.getScene().lookup("#pushedCase").isVisible());
        assertThat(wall.composition().cityMap().openCase(c.id())).isNotNull();
        assertThat(title(map, "#pushedCase")).isEqualTo("案件 · " + c.caseNo());
        // At street zoom the quiet covers are there too (the alarmed one shares its spot with the case it filed).
        LiveItem m02 = WaitForAsyncUtils.asyncFx(() -> map.getOverlay().get("sensor-M02")).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.asyncFx(() -> map.setViewState(new MapViewState(m02.lng(), m02.lat(), 17))).get(5, TimeUnit.SECONDS);
        ConsoleUi.waitOnFx(10, map::isComplete);
        robot.clickOn(screen(map, m02.lng(), m02.lat()));
        ConsoleUi.waitOnFx(10, () -> map.getScene().lookup("#sensorTrend").isVisible());
        assertThat(title(map, "#sensorTrend")).contains("平原路井盖2号");
        WaitForAsyncUtils.asyncFx(city::goHome).get(5, TimeUnit.SECONDS);
        ConsoleUi.waitOnFx(10, () -> map.getViewState().equals(home) && map.isComplete());

        // Double-clicks drill into 红旗区 and one of its streets, with the path shown; home again, it is gone.
        robot.doubleClickOn(screen(map, SmallCity.WEST + SmallCity.DISTRICT + 0.006, SmallCity.SOUTH + 0.027));
        ConsoleUi.waitOnFx(10, () -> "新乡市 › 红旗区".equals(breadcrumb(map).getText()) && breadcrumb(map).isVisible());
        // framed on 红旗区 (as tall as the small city, so at the same zoom on a wide monitor)
        ConsoleUi.waitOnFx(10, () -> Math.abs(map.getViewState().lng() - (SmallCity.WEST + 1.5 * SmallCity.DISTRICT)) < 1e-3
                && map.getViewState().zoom() >= home.zoom() && map.isComplete());
        robot.doubleClickOn(screen(map, SmallCity.WEST + SmallCity.DISTRICT + 0.006, SmallCity.SOUTH + 0.027));
        ConsoleUi.waitOnFx(10, () -> "新乡市 › 红旗区 › 人民路街道".equals(breadcrumb(map).getText()));
        ScreenshotOnFailure.save(Path.of("target", "screenshots", "wall-map-drilled.png"));
        WaitForAsyncUtils.asyncFx(city::goHome).get(5, TimeUnit.SECONDS);
        ConsoleUi.waitOnFx(10, () -> !breadcrumb(map).isVisible() && map.getViewState().equals(home));
    }

    /** The title of a floating panel of the wall's map (its first label). */
    private static String title(MapView map, String panel) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> ((javafx.scene.control.Label) ((javafx.scene.layout.VBox) map.getScene()
                .lookup(panel)).getChildren().get(0)).getText()).get(5, TimeUnit.SECONDS);
    }

    private static javafx.scene.control.Label breadcrumb(MapView map) {
        return (javafx.scene.control.Label) map.getScene().lookup("#wallBreadcrumb");
    }

    /** Where a place is on the screen, for the robot (asked on the FX thread). */
    private static Point2D screen(MapView map, double lng, double lat) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            double[] xy = map.toPixel(lng, lat);
            return map.localToScreen(xy[0], xy[1]);
        }).get(5, TimeUnit.SECONDS);
    }

    private static Cases.Case file(PlatformClient operator, double lng, double lat, int i) throws Exception {
        return operator.create(new Cases.NewCase("hotline_12319", "event", "06", "06010", lng, lat,
                "平原路" + (10 + i) + "号", "大屏地图" + i, "normal", "张三", "13812345678", null, false),
                UUID.randomUUID().toString());
    }

    /** Waits until the map drew these labels (the relabelling after events is deferred a little), none overlapping. */
    private static void waitForLabels(MapView map, String... texts) throws Exception {
        ConsoleUi.waitOnFx(20, () -> map.isComplete()
                && map.drawnLabels().stream().map(DrawnLabel::text).toList().containsAll(List.of(texts)));
        assertThat(labelsApart(map)).contains(texts);
    }

    private static List<LiveItem> cases(MapView map) {
        return map.getOverlay().query(-180, -90, 180, 90).stream().filter(i -> i.kind() == LiveKind.CASE).toList();
    }

    /** The texts drawn in the last frame, after checking on the FX thread that no two of their boxes meet. */
    static List<String> labelsApart(MapView map) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            List<DrawnLabel> drawn = map.drawnLabels();
            for (int i = 0; i < drawn.size(); i++) {
                for (int j = i + 1; j < drawn.size(); j++) {
                    assertThat(drawn.get(i).bounds().intersects(drawn.get(j).bounds()))
                            .as("%s overlaps %s", drawn.get(i), drawn.get(j)).isFalse();
                }
            }
            return drawn.stream().map(DrawnLabel::text).toList();
        }).get(5, TimeUnit.SECONDS);
    }

    static FeatureLayer layer(MapView map, String id) {
        return map.getLayers().stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
    }
}
