package cn.tongguan.map;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.map.harness.CityLayers;
import cn.tongguan.map.harness.SyntheticCity;
import cn.tongguan.map.harness.Views;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.scene.Scene;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Names on a real map window over a generated city (districts, streets, communities, roads with names): at city,
 * district and street zoom labels are drawn, and no two drawn text boxes intersect, measured on the text nodes.
 */
@ExtendWith(ApplicationExtension.class)
class MapLabelsUiTest {
    private static final java.time.Clock CLOCK = java.time.Clock.fixed(Instant.parse("2026-06-15T02:30:00Z"),
            java.time.ZoneOffset.UTC);
    private ExecutorService workers;
    private MapView map;

    @Start
    void start(Stage stage) {
        workers = Executors.newFixedThreadPool(2);
        map = new MapView(workers, CLOCK);
        SyntheticCity city = new SyntheticCity(7, 3000, CLOCK.instant());
        CityLayers layers = new CityLayers(city);
        layers.roads.setStyle(layers.roads.style().withLabel("name", Color.WHITE));
        map.getLayers().setAll(layers.all());
        map.getOverlay().putAll(city.live);
        map.setViewState(Views.CITY);
        stage.setScene(new Scene(map, 1280, 720));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        UiMaps.close(map, workers);
    }

    private List<DrawnLabel> labelsAt(MapViewState view) throws Exception {
        UiMaps.showComplete(map, view);
        return UiMaps.fx(map::drawnLabels);
    }

    private static void assertNoneOverlap(List<DrawnLabel> labels) {
        for (int i = 0; i < labels.size(); i++) {
            for (int j = i + 1; j < labels.size(); j++) {
                assertThat(labels.get(i).bounds().intersects(labels.get(j).bounds()))
                        .as("%s overlaps %s", labels.get(i).text(), labels.get(j).text()).isFalse();
            }
        }
    }

    @Test
    void namesAtEveryZoomNeverOverlap() throws Exception {
        List<DrawnLabel> city = labelsAt(Views.CITY);
        assertThat(city).extracting(DrawnLabel::text).contains("新乡县", "辉县市");
        assertNoneOverlap(city);

        List<DrawnLabel> district = labelsAt(Views.DISTRICT);
        assertThat(district).hasSizeGreaterThan(5);
        assertNoneOverlap(district);

        List<DrawnLabel> street = labelsAt(Views.STREET);
        assertNoneOverlap(street);
        // at street zoom the roads carry their names, turned along them where they are not level
        assertThat(street).anyMatch(l -> l.text().startsWith("道路"));
    }

    @Test
    void theScaleBarCanBeHidden() throws Exception {
        javafx.scene.Node scale = UiMaps.fx(() -> map.lookup("#mapScale"));
        assertThat(UiMaps.fx(scale::isVisible)).isTrue();
        UiMaps.fx(() -> {
            map.setScaleBarVisible(false);
            return null;
        });
        assertThat(UiMaps.fx(scale::isVisible)).isFalse();
        assertThat(UiMaps.fx(map::isScaleBarVisible)).isFalse();
    }
}
