package cn.tongguan.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.Cases;
import cn.tongguan.console.support.ConsoleUi;
import cn.tongguan.console.support.SmallCity;
import cn.tongguan.console.support.TestPlatform;
import cn.tongguan.console.testing.ScreenshotOnFailure;
import cn.tongguan.map.DrawnLabel;
import cn.tongguan.map.MapView;
import cn.tongguan.map.MapViewState;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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
 * The case detail's map and the meeting's map on the city's layers (issue 15), on the generated small city: the
 * district names drawn at city zoom, the road named at street zoom, no two labels overlapping; the case's grid
 * selected in the detail. The leader (no seat) keeps the meeting's geography in a file of its own.
 */
@ExtendWith({ApplicationExtension.class, ScreenshotOnFailure.class})
class CityLayersMapsUiTest {
    /** On 平原路 (SmallCity's road), in 卫滨区. */
    private static final double LNG = SmallCity.WEST + 0.021;
    private static final double LAT = SmallCity.SOUTH + SmallCity.DISTRICT / 2 + 0.0034;
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
    void theCaseDetailShowsTheCaseOnTheCityWithItsGridSelected(FxRobot robot) throws Exception {
        Cases.Case c = platform.client("operator").create(new Cases.NewCase("hotline_12319", "event", "06", "06010",
                LNG, LAT, "平原路21号", "详情地图", "normal", "张三", "13812345678", null, false),
                UUID.randomUUID().toString());
        console.open();
        console.signIn("operator");
        console.fillScreen();
        ConsoleUi.waitOnFx(20, () -> robot.lookup("#queueTable").tryQuery()
                .map(n -> !((TableView<?>) n).getItems().isEmpty()).orElse(false));
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#queueTable").queryAs(TableView.class).getSelectionModel()
                .select(0)).get(5, TimeUnit.SECONDS);
        ConsoleUi.waitOnFx(10, () -> robot.lookup("#detailTitle").queryAs(Label.class).getText().contains(c.caseNo()));
        MapView map = robot.lookup("#caseMap").queryAs(MapView.class);
        ConsoleUi.waitOnFx(30, () -> WallMapUiTest.layer(map, "district").features().size() == 2
                && map.selectedProperty().get() != null);
        assertThat(WaitForAsyncUtils.asyncFx(() -> map.selectedProperty().get().text("code")).get(5, TimeUnit.SECONDS))
                .isEqualTo(c.gridCode());
        // The parts of the case's neighbourhood, not the city's, by class.
        ConsoleUi.waitOnFx(20, () -> !WallMapUiTest.layer(map, "parts").features().isEmpty());
        assertThat(WaitForAsyncUtils.asyncFx(() -> WallMapUiTest.layer(map, "parts").features())
                .get(5, TimeUnit.SECONDS)).hasSizeLessThan(SmallCity.PARTS / 4).allSatisfy(f -> {
                    assertThat(f.geometry().getCoordinate().x).isCloseTo(LNG, org.assertj.core.data.Offset.offset(0.0061));
                    assertThat(f.geometry().getCoordinate().y).isCloseTo(LAT, org.assertj.core.data.Offset.offset(0.0061));
                    assertThat(f.text("class")).isIn("污水井盖", "路灯", "垃圾箱");
                });
        // Flown to the case at street zoom: the parts drawn as class symbols there.
        ConsoleUi.waitOnFx(10, () -> Math.abs(map.getViewState().zoom() - 17) < 0.01 && map.isComplete());
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        ScreenshotOnFailure.save(Path.of("target", "screenshots", "detail-map-street.png"));
        streetAndCity(map, "detail-map");
    }

    @Test
    void theMeetingShowsTheCityByItsNames(FxRobot robot) throws Exception {
        console.open();
        console.signIn("leader");
        ConsoleUi.waitOnFx(20, () -> robot.lookup("#meetingMap").tryQuery().isPresent());
        console.fillScreen();
        MapView map = robot.lookup("#meetingMap").queryAs(MapView.class);
        ConsoleUi.waitOnFx(30, () -> WallMapUiTest.layer(map, "district").features().size() == 2
                && WallMapUiTest.layer(map, "road").features().size() == 2);
        streetAndCity(map, "meeting-map");
    }

    /** On 平原路 at street zoom the road is named; over the whole city both districts are; nothing overlaps. */
    private static void streetAndCity(MapView map, String shot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> map.setViewState(new MapViewState(LNG, LAT - 0.0002, 16)))
                .get(5, TimeUnit.SECONDS);
        ConsoleUi.waitOnFx(15, () -> map.isComplete()
                && map.drawnLabels().stream().anyMatch(l -> l.text().equals("平原路")));
        assertThat(WallMapUiTest.labelsApart(map)).contains("平原路");
        WaitForAsyncUtils.asyncFx(() -> map.setViewState(map.fit(new org.locationtech.jts.geom.Envelope(
                SmallCity.WEST, SmallCity.WEST + 2 * SmallCity.DISTRICT, SmallCity.SOUTH,
                SmallCity.SOUTH + SmallCity.DISTRICT)))).get(5, TimeUnit.SECONDS);
        ConsoleUi.waitOnFx(15, () -> map.isComplete() && map.drawnLabels().stream().map(DrawnLabel::text).toList()
                .containsAll(SmallCity.DISTRICT_NAMES));
        assertThat(WallMapUiTest.labelsApart(map)).containsAll(SmallCity.DISTRICT_NAMES);
        ScreenshotOnFailure.save(Path.of("target", "screenshots", shot + ".png"));
    }
}
