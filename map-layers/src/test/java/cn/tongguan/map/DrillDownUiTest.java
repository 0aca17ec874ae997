package cn.tongguan.map;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.map.harness.CityLayers;
import cn.tongguan.map.harness.SyntheticCity;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.locationtech.jts.geom.Point;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** District → street → community → grid → parts, by double-clicks in a real window, on the synthetic city. */
@ExtendWith(ApplicationExtension.class)
class DrillDownUiTest {
    private static final SyntheticCity CITY = new SyntheticCity(42, 2_000, java.time.Instant.parse("2026-06-15T02:30:00Z"));
    private ExecutorService workers;
    private MapView map;
    private final List<DrillDown> drills = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        workers = Executors.newFixedThreadPool(2);
        map = new MapView(workers, java.time.Clock.fixed(java.time.Instant.parse("2026-06-15T02:30:00Z"), java.time.ZoneOffset.UTC));
        CityLayers layers = new CityLayers(CITY);
        map.getLayers().setAll(layers.all());
        map.setDrillDownLayers(layers.drillDown());
        map.setOnDrillDown(drills::add);
        map.setViewState(new MapViewState(113.9, 35.3, 9));
        stage.setScene(new Scene(map, 800, 600));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        fx(() -> {
            map.dispose();
            return null;
        });
        workers.shutdownNow();
    }

    private static <T> T fx(Callable<T> call) throws Exception {
        return WaitForAsyncUtils.asyncFx(call).get(10, TimeUnit.SECONDS);
    }

    private void doubleClickAndAwaitTheFlight(FxRobot robot, Point target, int expectedDrills) throws Exception {
        Point2D screen = fx(() -> {
            double[] p = map.toPixel(target.getX(), target.getY());
            return map.localToScreen(p[0], p[1]);
        });
        robot.doubleClickOn(screen, MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> drills.size() == expectedDrills);
        // the flight lasts 0.9 s; then the layers of the new zoom must be prepared and drawn
        WaitForAsyncUtils.sleep(1200, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(map::isComplete));
    }

    @Test
    void doubleClicksDrillThroughEveryLevelDownToThePartsAndBackspaceGoesBackUp(FxRobot robot) throws Exception {
        Feature grid = CITY.grids.get(CITY.grids.size() / 2);
        Point inside = grid.geometry().getInteriorPoint();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(map::isComplete));
        List<MapViewState> before = new java.util.ArrayList<>();
        for (int level = 0; level < 4; level++) {
            before.add(fx(map::getViewState));
            doubleClickAndAwaitTheFlight(robot, inside, level + 1);
        }
        assertThat(drills).extracting(DrillDown::level).containsExactly(0, 1, 2, 3);
        assertThat(drills).extracting(d -> d.layer().id()).containsExactly("districts", "streets", "communities",
                "grids");
        assertThat(drills.get(3).feature()).isSameAs(grid);
        String community = drills.get(2).feature().id();
        assertThat(grid.id()).startsWith(community);
        assertThat(community).startsWith(drills.get(1).feature().id()).startsWith(drills.get(0).feature().id());
        // the grid fills the view at a zoom where parts are drawn one by one (they aggregate below 16)
        assertThat(fx(() -> map.getViewState().zoom())).isGreaterThanOrEqualTo(16);

        robot.type(javafx.scene.input.KeyCode.BACK_SPACE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> drills.size() == 5);
        assertThat(drills.get(4).level()).isEqualTo(2);
        assertThat(drills.get(4).feature()).isSameAs(drills.get(2).feature());
        WaitForAsyncUtils.sleep(1200, TimeUnit.MILLISECONDS);
        assertThat(fx(() -> map.getViewState().zoom())).isEqualTo(before.get(3).zoom());
        for (int i = 0; i < 3; i++) {
            assertThat(fx(map::drillUp)).isTrue();
        }
        assertThat(drills.get(7).level()).isEqualTo(-1);
        assertThat(drills.get(7).feature()).isNull();
        assertThat(fx(map::drillUp)).isFalse();
        assertThat(fx(() -> map.selectedProperty().get())).isNull();
    }
}
