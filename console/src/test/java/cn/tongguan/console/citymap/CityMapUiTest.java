package cn.tongguan.console.citymap;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.Cases;
import cn.tongguan.console.support.ConsoleUi;
import cn.tongguan.console.support.SmallCity;
import cn.tongguan.console.support.TestPlatform;
import cn.tongguan.console.sync.PlatformClient;
import cn.tongguan.console.testing.ScreenshotOnFailure;
import cn.tongguan.map.FeatureLayer;
import cn.tongguan.map.MapView;
import cn.tongguan.map.MapViewState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
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
 * The seat's 一张图 on a generated small city served by a real platform: Ctrl+M opens it with the boundaries and
 * their labels, every open case of the cache on the map, a drill into a district and back, and a click on a case
 * opens its detail. Photographs the view to {@code target/screenshots/seat-citymap.png}.
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
