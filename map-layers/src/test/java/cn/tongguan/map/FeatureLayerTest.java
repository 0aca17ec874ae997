package cn.tongguan.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

class FeatureLayerTest {
    private final GeometryFactory factory = new GeometryFactory();

    @Test
    void classifiedPointsGiveOneLegendLinePerClassInOrder() {
        Map<String, PointSymbol> classes = new LinkedHashMap<>();
        classes.put("井盖", new PointSymbol(Color.BLUE, SymbolShape.CIRCLE));
        classes.put("消防栓", new PointSymbol(Color.RED, SymbolShape.DIAMOND));
        FeatureLayer parts = new FeatureLayer("parts", "城市部件", List.of(),
                Style.points(Color.ORANGE, 3).withClasses("class", classes));
        assertThat(parts.legend()).containsExactly(new LegendEntry("井盖", Color.BLUE, SymbolShape.CIRCLE),
                new LegendEntry("消防栓", Color.RED, SymbolShape.DIAMOND));
    }

    @Test
    void changingDataOrStyleBumpsTheVersionAndCopiesTheList() {
        List<Feature> mine = new ArrayList<>();
        mine.add(new Feature("p", factory.createPoint(new Coordinate(113.9, 35.3)), Map.of()));
        FeatureLayer layer = new FeatureLayer("l", "层", mine, Style.points(Color.ORANGE, 3));
        long before = layer.versionProperty().get();
        mine.clear();
        assertThat(layer.features()).hasSize(1);
        layer.setFeatures(mine);
        layer.setStyle(Style.points(Color.RED, 3));
        assertThat(layer.versionProperty().get()).isEqualTo(before + 2);
    }

    @Test
    void aLayerIsShownOnlyInsideItsZoomRangeAndWhenVisible() {
        FeatureLayer grids = new FeatureLayer("g", "网格", List.of(), Style.points(Color.ORANGE, 3)).zoomRange(15, 20);
        assertThat(grids.isShownAt(14.9)).isFalse();
        assertThat(grids.isShownAt(15)).isTrue();
        grids.setVisible(false);
        assertThat(grids.isShownAt(16)).isFalse();
    }
}
