package cn.tongguan.map;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.map.internal.Raster;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Heat per grid on a real map window: each grid in the colour of its class, redrawn when the values change. */
@ExtendWith(ApplicationExtension.class)
class ChoroplethUiTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-15T02:30:00Z"), ZoneOffset.UTC);
    private static final Color[] FILLS = {Color.rgb(40, 160, 80), Color.rgb(240, 200, 40), Color.rgb(220, 30, 30)};
    private static final double LNG = 113.9;
    private static final double LAT = 35.29;
    private static final double SIDE = 0.001;
    private ExecutorService workers;
    private MapView map;
    private FeatureLayer grids;

    @Start
    void start(Stage stage) {
        workers = Executors.newFixedThreadPool(2);
        map = new MapView(workers, CLOCK);
        grids = new FeatureLayer("grids", "网格案件", grids(2, 10, 30, Double.NaN),
                Style.choropleth("cases", new double[] {5, 20}, FILLS, Color.WHITE, 1));
        map.getLayers().add(grids);
        map.setViewState(new MapViewState(LNG + 2 * SIDE, LAT + SIDE / 2, 16));
        stage.setScene(new Scene(new HBox(new MapLegend(map.getLayers()), map), 1000, 600));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        UiMaps.close(map, workers);
    }

    /** Four grids side by side with these case counts (NaN: no attribute). */
    private static List<Feature> grids(double... cases) {
        GeometryFactory factory = new GeometryFactory();
        List<Feature> features = new ArrayList<>();
        for (int i = 0; i < cases.length; i++) {
            double x = LNG + i * SIDE;
            Coordinate[] ring = {new Coordinate(x, LAT), new Coordinate(x + SIDE, LAT),
                new Coordinate(x + SIDE, LAT + SIDE), new Coordinate(x, LAT + SIDE), new Coordinate(x, LAT)};
            features.add(new Feature("g" + i, factory.createPolygon(ring),
                    Double.isNaN(cases[i]) ? Map.of() : Map.of("cases", cases[i])));
        }
        return features;
    }

    private int pixelOfGrid(int i) throws Exception {
        return UiMaps.fx(() -> {
            double[] p = map.toPixel(LNG + (i + 0.5) * SIDE, LAT + SIDE / 2);
            return map.pixelAt((int) p[0], (int) p[1]);
        });
    }

    @Test
    void eachGridTakesTheColourOfItsClassAndTheLegendListsTheClasses(FxRobot robot) throws Exception {
        UiMaps.showComplete(map, map.getViewState());
        for (int i = 0; i < 3; i++) {
            assertThat(pixelOfGrid(i)).as("grid %d", i).isEqualTo(Raster.argb(FILLS[i]));
        }
        assertThat(pixelOfGrid(3)).as("no value: unfilled").isEqualTo(0xff0d1b2a);
        assertThat(robot.lookup(".map-legend-entry").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("< 5", "5–20", "≥ 20");
    }

    @Test
    void newValuesRedrawTheGrids() throws Exception {
        UiMaps.showComplete(map, map.getViewState());
        assertThat(pixelOfGrid(0)).isEqualTo(Raster.argb(FILLS[0]));
        UiMaps.fx(() -> {
            grids.setFeatures(grids(50, 1, 7, 3));
            return null;
        });
        UiMaps.showComplete(map, map.getViewState());
        assertThat(pixelOfGrid(0)).isEqualTo(Raster.argb(FILLS[2]));
        assertThat(pixelOfGrid(1)).isEqualTo(Raster.argb(FILLS[0]));
        assertThat(pixelOfGrid(2)).isEqualTo(Raster.argb(FILLS[1]));
        assertThat(pixelOfGrid(3)).isEqualTo(Raster.argb(FILLS[0]));
    }
}
