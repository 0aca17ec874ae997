package cn.tongguan.console.citymap;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.Cases;
import cn.tongguan.console.support.CityLifeline;
import cn.tongguan.console.support.ConsoleUi;
import cn.tongguan.console.support.SmallCity;
import cn.tongguan.console.support.TestPlatform;
import cn.tongguan.console.sync.PlatformClient;
import cn.tongguan.console.testing.ScreenshotOnFailure;
import cn.tongguan.map.Feature;
import cn.tongguan.map.FeatureLayer;
import cn.tongguan.map.MapView;
import cn.tongguan.map.MapViewState;
import cn.tongguan.map.OverlayHit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The seat's 一张图 on a generated small city served by a real platform: Ctrl+M opens it with the boundaries and
 * their labels, every open case of the cache on the map, a drill into a district and back, and a click on a case
 * opens its detail. Photographs the view to {@code target/screenshots/seat-citymap.png}. With the small city's
 * lifeline: covers hidden at city zoom unless alarmed and shown from street zoom, gauges always, cameras with cones
 * from street zoom; a click on a sensor opens its card with the trend, on a camera its card whose 播放 opens the
 * player; district → street → community → grid shows that grid's parts alone, a click on one opens its card,
 * Backspace goes back; the heat layer colours the grid with cases.
 */
@ExtendWith({ApplicationExtension.class, ScreenshotOnFailure.class})
class CityMapUiTest {
    @TempDir
    Path dir;
    private TestPlatform platform;
    private ConsoleUi console;

    @BeforeEach
    void start(FxRobot robot) throws Exception {
        platform = new TestPlatform(dir.resolve("platform")).start();
        SmallCity.load(platform);
        FxToolkit.registerPrimaryStage();
        console = new ConsoleUi(robot, platform, dir.resolve("console"));
    }

    @AfterEach
    void stop() throws Exception {
        console.close();
        platform.close();
    }

    @Test
    void theCityWithItsCasesDrillDownAndACaseOpened(FxRobot robot) throws Exception {
        PlatformClient operator = platform.client("operator");
        PlatformClient leader = platform.client("shift_leader");
        PlatformClient dispatcher = platform.client("dispatcher");
        List<Cases.Case> open = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Cases.Case c = operator.create(new Cases.NewCase("hotline_12319", "event", "06", "06010",
                    SmallCity.WEST + 0.006 + i * 0.0095, SmallCity.SOUTH + 0.005 + (i % 4) * 0.009,
                    "平原路" + (10 + i) + "号", "垃圾堆放" + i, "normal", "张三", "13812345678", null, false),
                    UUID.randomUUID().toString());
            if (i < 5) {
                platform.act(operator, c.id(), "accept", null);
                platform.act(leader, c.id(), "file", null);
                platform.act(dispatcher, c.id(), "dispatch", "D01");
            }
            open.add(c);
        }
        console.open();
        console.signIn("dispatcher");
        ConsoleUi.waitOnFx(15, () -> robot.lookup("#queueTable").tryQuery().map(javafx.scene.Node::isFocused).orElse(false));
        console.fillScreen();
        robot.press(KeyCode.CONTROL).type(KeyCode.M).release(KeyCode.CONTROL);
        ConsoleUi.waitOnFx(15, () -> robot.lookup("#cityMap").tryQuery().isPresent());
        MapView map = robot.lookup("#cityMap").queryAs(MapView.class);

        // Boundaries with labels at every level, and every open case on the map.
        ConsoleUi.waitOnFx(15, () -> layer(map, "district").features().size() == 2
                && layer(map, "street").features().size() == 4 && layer(map, "community").features().size() == 8
                && layer(map, "grid").features().size() == 72 && layer(map, "parts").features().size() == SmallCity.PARTS
                && layer(map, "road").features().size() == 2 && map.getOverlay().size() == open.size());
        WaitForAsyncUtils.asyncFx(() -> {
            for (String level : List.of("district", "street", "community")) {
                assertThat(layer(map, level).style().labelAttribute()).isEqualTo("name");
                assertThat(layer(map, level).features()).allMatch(f -> !f.text("name").isEmpty());
            }
            assertThat(layer(map, "district").features()).extracting(f -> f.text("name"))
                    .containsExactlyInAnyOrderElementsOf(SmallCity.DISTRICT_NAMES);
            for (Cases.Case c : open) {
                assertThat(map.getOverlay().get(CityMapView.id(c.id()))).as("case %s", c.caseNo()).isNotNull();
            }
        }).get(5, TimeUnit.SECONDS);
        ConsoleUi.waitOnFx(15, map::isComplete);
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        Path shot = ScreenshotOnFailure.save(Path.of("target", "screenshots", "seat-citymap.png"));
        assertThat(Files.size(shot)).isGreaterThan(20_000);
        // City zoom: the district names are drawn, and no two drawn labels overlap.
        assertThat(labelsApart(map)).containsAll(SmallCity.DISTRICT_NAMES);

        // Street zoom on 平原路: the road is named along its course, still without an overlap.
        MapViewState cityView = WaitForAsyncUtils.asyncFx(map::getViewState).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.asyncFx(() -> map.setViewState(new MapViewState(SmallCity.WEST + SmallCity.DISTRICT * 0.5,
                SmallCity.SOUTH + SmallCity.DISTRICT / 2 + 0.0035, 16))).get(5, TimeUnit.SECONDS);
        ConsoleUi.waitOnFx(10, () -> Math.abs(map.getViewState().zoom() - 16) < 0.01);
        ConsoleUi.waitOnFx(15, map::isComplete);
        ConsoleUi.waitOnFx(10, () -> map.drawnLabels().stream().anyMatch(l -> l.text().equals("平原路")));
        assertThat(labelsApart(map)).contains("平原路");
        WaitForAsyncUtils.asyncFx(() -> map.setViewState(cityView)).get(5, TimeUnit.SECONDS);
        ConsoleUi.waitOnFx(10, () -> Math.abs(map.getViewState().zoom() - cityView.zoom()) < 0.01);
        ConsoleUi.waitOnFx(15, map::isComplete);

        // Drill into 红旗区 (the east district) by a double-click, then back up by the breadcrumb.
        Point2D east = screen(map, SmallCity.WEST + SmallCity.DISTRICT * 1.5, SmallCity.SOUTH + SmallCity.DISTRICT * 0.75 + 0.004);
        robot.doubleClickOn(east);
        ConsoleUi.waitOnFx(10, () -> crumbs(robot).equals(List.of("新乡市", "红旗区")));
        ConsoleUi.waitOnFx(10, () -> map.getViewState().zoom() > 13);
        // Back up by the breadcrumb's first link.
        robot.clickOn("#crumb-0");
        ConsoleUi.waitOnFx(10, () -> crumbs(robot).equals(List.of("新乡市")));
        // And by the keyboard: Backspace goes one level up.
        robot.doubleClickOn(east);
        ConsoleUi.waitOnFx(10, () -> crumbs(robot).equals(List.of("新乡市", "红旗区")));
        robot.type(KeyCode.BACK_SPACE);
        ConsoleUi.waitOnFx(10, () -> crumbs(robot).equals(List.of("新乡市")));

        // A click on a case opens it in the seat's detail, in place of the map.
        Cases.Case target = open.get(2);
        WaitForAsyncUtils.asyncFx(() -> map.setViewState(new MapViewState(target.lng(), target.lat(), 17)))
                .get(5, TimeUnit.SECONDS);
        ConsoleUi.waitOnFx(10, () -> Math.abs(map.getViewState().zoom() - 17) < 0.01);
        ConsoleUi.waitOnFx(15, map::isComplete);
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        ScreenshotOnFailure.save(Path.of("target", "screenshots", "seat-citymap-street.png"));
        robot.clickOn(screen(map, target.lng(), target.lat()));
        ConsoleUi.waitOnFx(10, () -> robot.lookup("#cityMap").tryQuery().map(n -> n.getScene() == null).orElse(true)
                && robot.lookup("#detailTitle").queryAs(Label.class).getText().contains(target.caseNo()));
    }

    @Test
    void sensorsCamerasTheirCardsAGridsPartsAndHeat(FxRobot robot) throws Exception {
        CityLifeline.load(platform);
        // Three cases in one grid of 卫滨区 (the heat), away from the lifeline.
        double hotLng = SmallCity.WEST + 0.005;
        double hotLat = SmallCity.SOUTH + 0.004;
        var operator = platform.client("operator");
        for (int i = 0; i < 3; i++) {
            operator.create(new Cases.NewCase("hotline_12319", "event", "06", "06010", hotLng + i * 0.0003, hotLat,
                    "平原路" + i + "号", "垃圾" + i, "normal", "张三", "13812345678", null, false), UUID.randomUUID().toString());
        }
        console.open();
        console.signIn("dispatcher");
        ConsoleUi.waitOnFx(15, () -> robot.lookup("#queueTable").tryQuery().map(Node::isFocused).orElse(false));
        console.fillScreen();
        robot.press(KeyCode.CONTROL).type(KeyCode.M).release(KeyCode.CONTROL);
        ConsoleUi.waitOnFx(15, () -> robot.lookup("#cityMap").tryQuery().isPresent());
        MapView map = robot.lookup("#cityMap").queryAs(MapView.class);
        // The cases (3, and the one the tilted cover's alarm files when it has), the five sensors and the two cameras.
        ConsoleUi.waitOnFx(20, () -> layer(map, "grid").features().size() == 72 && map.getOverlay().size() >= 3 + 5 + 2
                && List.of("sensor-W01", "sensor-U01", "sensor-M01", "sensor-M02", "sensor-M03", "camera-C01", "camera-C02")
                .stream().allMatch(id -> map.getOverlay().get(id) != null));
        ConsoleUi.waitOnFx(15, map::isComplete);

        // City zoom: the quiet covers and the cameras are not drawn, the alarmed cover and the gauges are.
        // (The small city fills the screen above street zoom; Xinxiang's urban area at 1080p is at about 12.)
        double cityZoom = 12;
        go(map, SmallCity.WEST + SmallCity.DISTRICT, SmallCity.SOUTH + SmallCity.DISTRICT / 2, cityZoom);
        for (String shown : List.of("sensor-W01", "sensor-U01", "sensor-M01")) {
            assertThat(fx(() -> map.getOverlay().get(shown).shownAt(cityZoom))).as(shown).isTrue();
        }
        for (String hidden : List.of("sensor-M02", "sensor-M03", "camera-C01", "camera-C02")) {
            assertThat(fx(() -> map.getOverlay().get(hidden).shownAt(cityZoom))).as(hidden).isFalse();
        }
        assertThat(hitAt(map, CityLifeline.ROAD_LNG + 0.0085, CityLifeline.ROAD_LAT + 0.0003)
                .map(h -> h.members().stream().anyMatch(m -> m.id().equals("sensor-M02"))).orElse(false)).isFalse();

        // Street zoom on the covers: each quiet cover is there on its own, and a click opens its card with the trend.
        go(map, CityLifeline.ROAD_LNG + 0.0085, CityLifeline.ROAD_LAT, 17.5);
        assertThat(hitAt(map, CityLifeline.ROAD_LNG + 0.0085, CityLifeline.ROAD_LAT + 0.0003))
                .hasValueSatisfying(h -> assertThat(h.item().id()).isEqualTo("sensor-M02"));
        go(map, CityLifeline.ROAD_LNG, CityLifeline.ROAD_LAT, 17.5);
        robot.clickOn(screen(map, CityLifeline.ROAD_LNG, CityLifeline.ROAD_LAT + 0.0004));
        ConsoleUi.waitOnFx(10, () -> cardTitle(robot).equals("积水点·平原路"));
        ConsoleUi.waitOnFx(10, () -> robot.lookup("#cityMapTrend").tryQuery().map(Node::isVisible).orElse(false));
        ConsoleUi.waitOnFx(10, () -> robot.lookup("#cityMapTrend").<javafx.scene.chart.LineChart<?, ?>>query()
                .getData().stream().mapToInt(s -> s.getData().size()).sum() == 2);

        // The camera by the road, its cone drawn from street zoom; its card plays it in the seat's player.
        assertThat(fx(() -> map.getOverlay().get("camera-C01").fovDeg())).isPositive();
        robot.clickOn(screen(map, CityLifeline.ROAD_LNG + 0.002, CityLifeline.ROAD_LAT + 0.0002));
        ConsoleUi.waitOnFx(10, () -> cardTitle(robot).equals("平原路与胜利路交叉口"));
        assertThat(robot.lookup("#cityMapTrend").tryQuery()).isEmpty();
        ScreenshotOnFailure.save(Path.of("target", "screenshots", "seat-citymap-live.png"));
        robot.clickOn("#cityMapPlay");
        ConsoleUi.waitOnFx(10, () -> player().isPresent());
        assertThat(fx(() -> player().get().getTitle())).contains("平原路与胜利路交叉口");
        WaitForAsyncUtils.asyncFx(() -> player().ifPresent(Stage::close)).get(5, TimeUnit.SECONDS);

        // Drill down to the grid of (hotLng, hotLat): street, community, grid; the grid shows its parts alone.
        go(map, hotLng, hotLat, cityZoom);
        double[] in = {SmallCity.WEST + SmallCity.DISTRICT / 6 * 1.5, SmallCity.SOUTH + SmallCity.DISTRICT / 6 * 1.5};
        for (int level = 1; level <= 4; level++) {
            robot.doubleClickOn(screen(map, in[0], in[1]));
            int depth = level + 1;
            ConsoleUi.waitOnFx(10, () -> crumbs(robot).size() == depth);
            ConsoleUi.waitOnFx(10, map::isComplete);
            WaitForAsyncUtils.sleep(700, TimeUnit.MILLISECONDS);
        }
        List<String> crumbs = crumbs(robot);
        assertThat(crumbs.get(crumbs.size() - 1)).startsWith("网格");
        int gridParts = fx(() -> layer(map, "parts").features().size());
        assertThat(gridParts).isPositive().isLessThan(SmallCity.PARTS);
        Feature part = fx(() -> layer(map, "parts").features().get(0));
        Coordinate at = part.geometry().getCoordinate();
        robot.clickOn(screen(map, at.x, at.y));
        ConsoleUi.waitOnFx(10, () -> robot.lookup("#cityMapCard").tryQuery().map(Node::isVisible).orElse(false)
                && robot.lookup("#cityMapCard").queryAs(javafx.scene.layout.VBox.class).lookupAll(".label").stream()
                .anyMatch(n -> ((Label) n).getText().equals("编码：" + part.id())));
        robot.type(KeyCode.BACK_SPACE);
        ConsoleUi.waitOnFx(10, () -> crumbs(robot).size() == 4);
        ConsoleUi.waitOnFx(10, () -> layer(map, "parts").features().size() == SmallCity.PARTS);
        robot.clickOn("#crumb-0");
        ConsoleUi.waitOnFx(10, () -> crumbs(robot).size() == 1);

        // Heat: the grid with three cases gets the top class's colour, a grid without any stays unfilled.
        go(map, hotLng, hotLat, 15);
        Point2D probe = fx(() -> {
            double[] p = map.toPixel(hotLng + 0.001, hotLat + 0.0025);
            return new Point2D(p[0], p[1]);
        });
        int before = fx(() -> map.pixelAt((int) probe.getX(), (int) probe.getY()));
        robot.clickOn("#heatMenu");
        robot.clickOn("显示网格热力");
        FeatureLayer heat = fx(() -> layer(map, HeatLayer.ID));
        ConsoleUi.waitOnFx(10, () -> heat.isVisible() && heat.features().size() == 72
                && heat.features().stream().anyMatch(f -> Long.valueOf(3).equals(f.attributes().get("heat"))));
        Feature hot = fx(() -> heat.features().stream().filter(f -> Long.valueOf(3).equals(f.attributes().get("heat")))
                .findFirst().orElseThrow());
        assertThat(hot.geometry().covers(new org.locationtech.jts.geom.GeometryFactory()
                .createPoint(new Coordinate(hotLng, hotLat)))).isTrue();
        assertThat(heat.style().choropleth().fillOf(hot)).isEqualTo(HeatLayer.FILLS[HeatLayer.FILLS.length - 1]);
        Feature cold = fx(() -> heat.features().stream().filter(f -> Long.valueOf(0).equals(f.attributes().get("heat")))
                .findFirst().orElseThrow());
        assertThat(heat.style().choropleth().fillOf(cold).getOpacity()).isZero();
        ConsoleUi.waitOnFx(15, map::isComplete);
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        int after = fx(() -> map.pixelAt((int) probe.getX(), (int) probe.getY()));
        assertThat(red(after) - blue(after)).as("heat over the hot grid: %08x → %08x", before, after)
                .isGreaterThan(red(before) - blue(before) + 40);
        ScreenshotOnFailure.save(Path.of("target", "screenshots", "seat-citymap-heat.png"));
    }

    private static int red(int argb) {
        return (argb >> 16) & 0xff;
    }

    private static int blue(int argb) {
        return argb & 0xff;
    }

    private static Optional<Stage> player() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage && w.isShowing()
                && w.getScene() != null && "cameraPlayer".equals(w.getScene().getRoot().getId()))
                .map(w -> (Stage) w).findFirst();
    }

    private static void go(MapView map, double lng, double lat, double zoom) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> map.setViewState(new MapViewState(lng, lat, zoom))).get(5, TimeUnit.SECONDS);
        ConsoleUi.waitOnFx(10, () -> Math.abs(map.getViewState().zoom() - zoom) < 0.01);
        ConsoleUi.waitOnFx(15, map::isComplete);
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
    }

    private static Optional<OverlayHit> hitAt(MapView map, double lng, double lat) throws Exception {
        return fx(() -> {
            double[] p = map.toPixel(lng, lat);
            return map.overlayAt(p[0], p[1]);
        });
    }

    private static <T> T fx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
    }

    private static String cardTitle(FxRobot robot) {
        return robot.lookup("#cityMapCard").tryQuery().filter(Node::isVisible)
                .map(n -> ((Label) n.lookup(".city-map-card-title")).getText()).orElse("");
    }

    /** The texts the map drew in its last frame, after checking on the FX thread that no two of their boxes meet. */
    private static List<String> labelsApart(MapView map) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            List<cn.tongguan.map.DrawnLabel> drawn = map.drawnLabels();
            for (int i = 0; i < drawn.size(); i++) {
                for (int j = i + 1; j < drawn.size(); j++) {
                    assertThat(drawn.get(i).bounds().intersects(drawn.get(j).bounds()))
                            .as("%s overlaps %s", drawn.get(i), drawn.get(j)).isFalse();
                }
            }
            return drawn.stream().map(cn.tongguan.map.DrawnLabel::text).toList();
        }).get(5, TimeUnit.SECONDS);
    }

    private static FeatureLayer layer(MapView map, String id) {
        return map.getLayers().stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
    }

    private static Point2D screen(MapView map, double lng, double lat) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            double[] p = map.toPixel(lng, lat);
            return map.localToScreen(p[0], p[1]);
        }).get(5, TimeUnit.SECONDS);
    }

    private static List<String> crumbs(FxRobot robot) {
        HBox bar = robot.lookup(".city-map-breadcrumb").queryAs(HBox.class);
        return bar.getChildren().stream().filter(n -> n.getId() != null && n.getId().startsWith("crumb-"))
                .map(n -> n instanceof Label l ? l.getText() : ((javafx.scene.control.Hyperlink) n).getText()).toList();
    }
}
