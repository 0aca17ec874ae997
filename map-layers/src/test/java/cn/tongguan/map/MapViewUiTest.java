package cn.tongguan.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.tongguan.map.harness.XinxiangData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.locationtech.jts.geom.Point;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A real map window in the X server (Xvfb in CI), drawing the real Xinxiang districts. */
@ExtendWith(ApplicationExtension.class)
class MapViewUiTest {
    private static final Color RED = Color.rgb(255, 0, 0);
    private ExecutorService workers;
    // background work is held back while paused, to see what the map shows before tiles arrive
    private volatile boolean paused;
    private final List<Runnable> held = java.util.Collections.synchronizedList(new ArrayList<>());
    private MapView map;
    /** The map's clock: fixed, so what blinks depends on the test, not on the hour it runs. */
    private static final java.time.Clock CLOCK = java.time.Clock.fixed(Instant.parse("2026-06-15T02:30:00Z"), java.time.ZoneOffset.UTC);
    private FeatureLayer districts;
    private Feature hongqi;

    @Start
    void start(Stage stage) {
        workers = Executors.newFixedThreadPool(2);
        map = new MapView(task -> {
            if (paused) {
                held.add(task);
            } else {
                workers.execute(task);
            }
        }, CLOCK);
        List<Feature> features = XinxiangData.districts().features();
        hongqi = features.stream().filter(f -> f.id().equals("410702")).findFirst().orElseThrow();
        districts = new FeatureLayer("districts", "区县", features, Style.polygons(RED, Color.TRANSPARENT, 1));
        map.getLayers().add(districts);
        map.setDrillDownLayers(List.of(districts));
        map.setViewState(new MapViewState(centre().getX(), centre().getY(), 12));
        stage.setScene(new Scene(map, 800, 600));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        fx(() -> {
            map.dispose();
            map.getScene().getWindow().hide();
            return null;
        });
        workers.shutdownNow();
    }

    private Point centre() {
        return hongqi.geometry().getInteriorPoint();
    }

    private static <T> T fx(Callable<T> call) throws Exception {
        return WaitForAsyncUtils.asyncFx(call).get(10, TimeUnit.SECONDS);
    }

    private void awaitComplete() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(map::isComplete));
    }

    private Point2D screenOf(double lng, double lat) throws Exception {
        return fx(() -> {
            double[] p = map.toPixel(lng, lat);
            return map.localToScreen(p[0], p[1]);
        });
    }

    @Test
    void theDistrictIsPaintedRedAtItsOwnCoordinates() throws Exception {
        awaitComplete();
        int pixel = fx(() -> {
            double[] p = map.toPixel(centre().getX(), centre().getY());
            return map.pixelAt((int) p[0], (int) p[1]);
        });
        assertThat(pixel).isEqualTo(0xffff0000);
    }

    @Test
    void farFromXinxiangThereIsOnlyBackground() throws Exception {
        fx(() -> {
            map.setViewState(new MapViewState(100, 30, 12));
            return null;
        });
        awaitComplete();
        assertThat(fx(() -> map.pixelAt(400, 300))).isEqualTo(0xff0d1b2a);
    }

    @Test
    void clickingTheDistrictReportsAndSelectsIt(FxRobot robot) throws Exception {
        awaitComplete();
        AtomicReference<List<FeatureHit>> clicked = new AtomicReference<>();
        fx(() -> {
            map.setOnFeatureClicked(clicked::set);
            return null;
        });
        robot.clickOn(screenOf(centre().getX(), centre().getY()), MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(clicked.get()).extracting(h -> h.feature().id()).containsExactly("410702");
        assertThat(fx(() -> map.selectedProperty().get())).isSameAs(hongqi);
    }

    @Test
    void hoveringShowsTheDistrictNameAndTheCursorPosition(FxRobot robot) throws Exception {
        awaitComplete();
        robot.moveTo(screenOf(centre().getX(), centre().getY()));
        robot.moveBy(1, 0);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.Label tooltip = robot.lookup("#mapTooltip").queryAs(javafx.scene.control.Label.class);
        javafx.scene.control.Label coordinates = robot.lookup("#mapCoordinates")
                .queryAs(javafx.scene.control.Label.class);
        assertThat(tooltip.isVisible()).isTrue();
        assertThat(tooltip.getText()).isEqualTo("区县 · 红旗区");
        double shownLng = Double.parseDouble(coordinates.getText().substring(0, coordinates.getText().indexOf('°')));
        assertThat(shownLng).isCloseTo(centre().getX(), within(1e-3));
        assertThat(robot.lookup("#mapScale").queryAs(javafx.scene.control.Label.class).getText()).endsWith("km");
    }

    @Test
    void doubleClickDrillsDownAndFliesIntoTheDistrict(FxRobot robot) throws Exception {
        awaitComplete();
        fx(() -> {
            map.setViewState(new MapViewState(centre().getX(), centre().getY(), 9));
            return null;
        });
        AtomicReference<DrillDown> drill = new AtomicReference<>();
        fx(() -> {
            map.setOnDrillDown(drill::set);
            return null;
        });
        robot.doubleClickOn(screenOf(centre().getX(), centre().getY()), MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> drill.get() != null);
        assertThat(drill.get().level()).isZero();
        assertThat(drill.get().feature().text("name")).isEqualTo("红旗区");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> map.getViewState().zoom()) > 10);
    }

    @Test
    void draggingPansByThePixelsDragged(FxRobot robot) throws Exception {
        MapViewState before = fx(map::getViewState);
        Point2D from = fx(() -> map.localToScreen(400, 300));
        robot.drag(from, MouseButton.PRIMARY).moveBy(-100, 0).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        MapViewState after = fx(map::getViewState);
        double degreesPerPixel = 360 / (256 * Math.pow(2, 12));
        assertThat(after.lng() - before.lng()).isCloseTo(100 * degreesPerPixel, within(3 * degreesPerPixel));
        assertThat(after.lat()).isCloseTo(before.lat(), within(1e-3));
    }

    @Test
    void plusKeyZoomsInOneLevelSmoothly(FxRobot robot) throws Exception {
        robot.clickOn(map);
        robot.type(KeyCode.ADD);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> map.getViewState().zoom()) == 13.0);
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(map::getViewState).lng()).isGreaterThan(centre().getX());
    }

    @Test
    void wheelAndPinchZoomAroundThePointer(FxRobot robot) throws Exception {
        robot.moveTo(fx(() -> map.localToScreen(400, 300)));
        robot.scroll(2, javafx.geometry.VerticalDirection.UP);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> map.getViewState().zoom()) != 12.0);
        double afterWheel = fx(() -> map.getViewState().zoom());
        fx(() -> {
            javafx.event.Event.fireEvent(map, new javafx.scene.input.ZoomEvent(javafx.scene.input.ZoomEvent.ZOOM,
                    400, 300, 0, 0, false, false, false, false, false, false, 2.0, 2.0, null));
            return null;
        });
        // a pinch that doubles the scale adds exactly one zoom level (the wheel animation may still add some)
        assertThat(fx(() -> map.getViewState().zoom())).isGreaterThanOrEqualTo(afterWheel + 1 - 1e-9);
    }

    @Test
    void whileNewTilesRenderTheOldImageIsShownScaledNeverBlank() throws Exception {
        awaitComplete();
        paused = true;
        fx(() -> {
            map.setViewState(new MapViewState(centre().getX(), centre().getY(), 13.4));
            map.paintNow();
            return null;
        });
        int pixel = fx(() -> {
            double[] p = map.toPixel(centre().getX(), centre().getY());
            return map.pixelAt((int) p[0], (int) p[1]);
        });
        // no level-13 tile could be rendered, yet the scaled level-12 image stands in: red, not background
        assertThat(fx(map::isComplete)).isFalse();
        assertThat(pixel).isEqualTo(0xffff0000);
        paused = false;
        fx(() -> {
            held.forEach(workers::execute);
            held.clear();
            map.paintNow();
            return null;
        });
        awaitComplete();
    }

    @Test
    void homeShowsAllOfXinxiang(FxRobot robot) throws Exception {
        awaitComplete();
        robot.clickOn(map);
        robot.type(KeyCode.HOME);
        WaitForAsyncUtils.sleep(1200, TimeUnit.MILLISECONDS);
        MapViewState all = fx(map::getViewState);
        // Xinxiang spans 113.38–115.02°E, 34.88–35.84°N; 1.63° of longitude plus a 20 % margin across 800 px:
        // log2(800 / (1.634 / 360 × 256 × 1.2)) = 9.16
        assertThat(all.lng()).isCloseTo(114.2, within(0.01));
        assertThat(all.lat()).isCloseTo(35.36, within(0.01));
        assertThat(all.zoom()).isCloseTo(9.16, within(0.02));
    }

    @Test
    void theViewStateRestoresExactly() throws Exception {
        MapViewState saved = new MapViewState(114.0123, 35.2345, 14.5);
        MapViewState restored = fx(() -> {
            map.setViewState(saved);
            return map.getViewState();
        });
        assertThat(restored.lng()).isCloseTo(saved.lng(), within(1e-9));
        assertThat(restored.lat()).isCloseTo(saved.lat(), within(1e-9));
        assertThat(restored.zoom()).isEqualTo(14.5);
    }

    @Test
    void liveItemsClusterAtCityZoomAndSplitAtStreetZoom() throws Exception {
        double lng = centre().getX();
        double lat = centre().getY();
        List<LiveItem> items = new ArrayList<>();
        Instant old = CLOCK.instant().minusSeconds(3600);
        for (int i = 0; i < 20; i++) {
            items.add(LiveItem.of("c" + i, LiveKind.CASE, lng + i * 2e-4, lat, LiveStatus.OVERDUE, old));
        }
        fx(() -> {
            map.getOverlay().putAll(items);
            return null;
        });
        awaitComplete();
        int overdue = 0xff000000 | (int) (0xff * LiveStatus.OVERDUE.colour().getRed()) << 16
                | (int) Math.round(0xff * LiveStatus.OVERDUE.colour().getGreen()) << 8
                | (int) Math.round(0xff * LiveStatus.OVERDUE.colour().getBlue());
        // one bubble at zoom 12 (decision 0121): a dark centre at the members' mean position, ringed in overdue
        // red, the whole ring since every member is overdue
        OverlayHit hit = fx(() -> {
            double[] p = map.toPixel(lng + 19 * 1e-4, lat);
            return map.overlayAt(p[0], p[1]);
        }).orElseThrow();
        assertThat(hit.cluster()).isTrue();
        assertThat(hit.count(LiveStatus.OVERDUE)).isEqualTo(hit.members().size());
        double[] mean = fx(() -> map.toPixel(hit.members().stream().mapToDouble(LiveItem::lng).average()
                .orElseThrow(), lat));
        assertThat(fx(() -> map.pixelAt((int) mean[0], (int) mean[1]))).isEqualTo(0xff101820);
        for (int dx : new int[] {1, -1}) {
            int ring = fx(() -> {
                for (int d = 0; d < 24; d++) {
                    int pixel = map.pixelAt((int) mean[0] + dx * d, (int) mean[1]);
                    if (pixel == overdue) {
                        return d;
                    }
                }
                return -1;
            });
            assertThat(ring).isBetween(4, 21);
        }
        fx(() -> {
            map.setViewState(new MapViewState(lng, lat, 18));
            return null;
        });
        awaitComplete();
        // at street zoom the first case is drawn on its own, and the bubble's centre is map again
        int single = fx(() -> {
            double[] p = map.toPixel(lng, lat);
            return map.pixelAt((int) p[0], (int) p[1]);
        });
        int between = fx(() -> {
            double[] p = map.toPixel(lng + 1e-4, lat);
            return map.pixelAt((int) p[0], (int) p[1]);
        });
        assertThat(single).isEqualTo(overdue);
        assertThat(between).isEqualTo(0xffff0000);
    }

    @Test
    void hidingOrRemovingALayerTakesItOffTheMap() throws Exception {
        awaitComplete();
        Callable<Integer> centrePixel = () -> {
            double[] p = map.toPixel(centre().getX(), centre().getY());
            return map.pixelAt((int) p[0], (int) p[1]);
        };
        fx(() -> {
            districts.setVisible(false);
            return null;
        });
        awaitComplete();
        assertThat(fx(centrePixel)).isEqualTo(0xff0d1b2a);
        fx(() -> {
            districts.setVisible(true);
            return null;
        });
        awaitComplete();
        assertThat(fx(centrePixel)).isEqualTo(0xffff0000);
        fx(() -> map.getLayers().remove(districts));
        awaitComplete();
        assertThat(fx(centrePixel)).isEqualTo(0xff0d1b2a);
    }

    @Test
    void changingTheDataRedrawsTheTiles() throws Exception {
        awaitComplete();
        fx(() -> {
            districts.setStyle(Style.polygons(Color.rgb(0, 0, 255), Color.TRANSPARENT, 1));
            return null;
        });
        WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
        awaitComplete();
        int pixel = fx(() -> {
            double[] p = map.toPixel(centre().getX(), centre().getY());
            return map.pixelAt((int) p[0], (int) p[1]);
        });
        assertThat(pixel).isEqualTo(0xff0000ff);
        Platform.runLater(() -> { });
    }
}
