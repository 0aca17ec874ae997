package cn.tongguan.console.wall;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.Cases;
import cn.tongguan.console.citymap.CityGeography;
import cn.tongguan.console.i18n.Messages;
import cn.tongguan.console.testing.ScreenshotOnFailure;
import cn.tongguan.map.DrawnLabel;
import cn.tongguan.map.Feature;
import cn.tongguan.map.MapView;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The wall's map with a real city's density of open cases (3,000 over four districts, clustered into a bubble in
 * every cell at city zoom): the district names with their counts are still drawn, none overlapping. Before the
 * names went over the overlay (ADR 0125) 300 cases were enough to hide them all.
 */
@ExtendWith({ApplicationExtension.class, ScreenshotOnFailure.class})
class WallCityMapViewDenseUiTest {
    private static final String[] NAMES = {"卫滨区", "红旗区", "牧野区", "凤泉区"};
    private final ExecutorService background = Executors.newFixedThreadPool(2);
    private Stage stage;

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> stage.close()).get(5, TimeUnit.SECONDS);
        background.shutdownNow();
    }

    @Test
    void districtNamesAndCountsStayOverThousandsOfClusteredCases() throws Exception {
        FxToolkit.registerPrimaryStage();
        Clock clock = Clock.fixed(Instant.parse("2026-06-15T02:30:00Z"), ZoneOffset.UTC);
        WallCityMapView[] city = new WallCityMapView[1];
        MapView map = WaitForAsyncUtils.asyncFx(() -> {
            MapView m = new MapView(background, clock);
            city[0] = new WallCityMapView(m, Messages.load(Locale.SIMPLIFIED_CHINESE), clock);
            stage = new Stage();
            stage.setScene(new Scene(new StackPane(m), 1920, 1080));
            stage.show();
            city[0].show(new CityGeography(districts(), List.of(), List.of(), List.of(), List.of(), List.of(),
                    List.of(), List.of(), Map.of()));
            Random random = new Random(1);
            List<Cases.Case> open = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                int d = i % 4;
                open.add(new WallCaseMark(i, 113.80 + d * 0.08 + random.nextDouble() * 0.08,
                        35.25 + random.nextDouble() * 0.1, "d" + d, "reported", null, null, null, clock.instant())
                        .toCase());
            }
            city[0].openCases(open);
            return m;
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> map.isComplete()
                && map.drawnLabels().size() >= 4).get(5, TimeUnit.SECONDS));
        List<DrawnLabel> drawn = WaitForAsyncUtils.asyncFx(map::drawnLabels).get(5, TimeUnit.SECONDS);
        assertThat(drawn).extracting(DrawnLabel::text).containsExactlyInAnyOrder("卫滨区  750 件在办",
                "红旗区  750 件在办", "牧野区  750 件在办", "凤泉区  750 件在办");
        for (int i = 0; i < drawn.size(); i++) {
            for (int j = i + 1; j < drawn.size(); j++) {
                assertThat(drawn.get(i).bounds().intersects(drawn.get(j).bounds())).isFalse();
            }
        }
        assertThat(WaitForAsyncUtils.asyncFx(() -> map.getOverlay().size()).get(5, TimeUnit.SECONDS)).isEqualTo(3000);
        ScreenshotOnFailure.save(Path.of("target", "screenshots", "wall-map-dense.png"));
    }

    @Test
    void movedAwayFromTheCityTheUnattendedMapGoesBackToItByItself() throws Exception {
        FxToolkit.registerPrimaryStage();
        Clock clock = Clock.fixed(Instant.parse("2026-06-15T02:30:00Z"), ZoneOffset.UTC);
        MapView map = WaitForAsyncUtils.asyncFx(() -> {
            MapView m = new MapView(background, clock);
            WallCityMapView city = new WallCityMapView(m, Messages.load(Locale.SIMPLIFIED_CHINESE), clock,
                    javafx.util.Duration.seconds(1.5));
            stage = new Stage();
            stage.setScene(new Scene(new StackPane(m), 1280, 720));
            stage.show();
            city.show(new CityGeography(districts(), List.of(), List.of(), List.of(), List.of(), List.of(),
                    List.of(), List.of(), Map.of()));
            return m;
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(map::isComplete)
                .get(5, TimeUnit.SECONDS));
        cn.tongguan.map.MapViewState homeView = WaitForAsyncUtils.asyncFx(map::getViewState).get(5, TimeUnit.SECONDS);
        cn.tongguan.map.MapViewState street = new cn.tongguan.map.MapViewState(113.85, 35.30, 16.5);
        WaitForAsyncUtils.asyncFx(() -> map.setViewState(street)).get(5, TimeUnit.SECONDS);
        assertThat(WaitForAsyncUtils.asyncFx(() -> map.getViewState().zoom()).get(5, TimeUnit.SECONDS))
                .isEqualTo(16.5);
        // left alone, it frames the whole city again (1.5 s here, two minutes on the wall)
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> map.getViewState().equals(homeView)).get(5, TimeUnit.SECONDS));
        // and stays there: home is not a move away from home
        Thread.sleep(2_500);
        assertThat(WaitForAsyncUtils.asyncFx(map::getViewState).get(5, TimeUnit.SECONDS)).isEqualTo(homeView);
    }

    /** Four districts side by side, 0.08° × 0.1° each (about the urban districts' size). */
    private static List<Feature> districts() {
        GeometryFactory g = new GeometryFactory();
        List<Feature> districts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            double x = 113.80 + i * 0.08;
            districts.add(new Feature("d" + i, g.createPolygon(new Coordinate[] {new Coordinate(x, 35.25),
                new Coordinate(x + 0.08, 35.25), new Coordinate(x + 0.08, 35.35), new Coordinate(x, 35.35),
                new Coordinate(x, 35.25)}), Map.of("code", "d" + i, "name", NAMES[i])));
        }
        return districts;
    }
}
