package cn.tongguan.map.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.map.Feature;
import cn.tongguan.map.FeatureLayer;
import cn.tongguan.map.Style;
import java.util.List;
import java.util.Map;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

class LabelPlacerTest {
    private static Feature square(String name, double lng, double lat, double size) {
        return new Feature(name, Layers.wkt(String.format(java.util.Locale.ROOT,
                "POLYGON ((%f %f, %f %f, %f %f, %f %f, %f %f))", lng, lat, lng + size, lat, lng + size, lat + size,
                lng, lat + size, lng, lat)), Map.of("name", name));
    }

    private static CompiledLayer labelled(Feature... features) {
        return Layers.compile(new FeatureLayer("l", "社区", List.of(features),
                Style.polygons(Color.BLUE, Color.WHITE, 1).withLabel("name", Color.WHITE)));
    }

    @Test
    void overlappingLabelsKeepOnlyTheBiggerPolygon() {
        CompiledLayer layer = labelled(square("大社区", 113.90, 35.30, 0.02), square("小社区", 113.905, 35.305, 0.012));
        Viewport vp = new Viewport(WebMercator.x(113.91), WebMercator.y(35.31), 12, 800, 600);
        List<LabelPlacer.Placed> placed = new LabelPlacer(100).place(vp, List.of(layer), 12);
        assertThat(placed).extracting(LabelPlacer.Placed::text).containsExactly("大社区");
    }

    @Test
    void labelsApartAreAllPlaced() {
        CompiledLayer layer = labelled(square("东", 113.90, 35.30, 0.01), square("西", 113.95, 35.30, 0.01));
        Viewport vp = new Viewport(WebMercator.x(113.93), WebMercator.y(35.30), 13, 1200, 600);
        assertThat(new LabelPlacer(100).place(vp, List.of(layer), 13)).hasSize(2);
    }

    @Test
    void aPolygonTooNarrowForItsNameIsNotLabelled() {
        CompiledLayer layer = labelled(square("一个很长很长的社区名字", 113.90, 35.30, 0.0005));
        Viewport vp = new Viewport(WebMercator.x(113.90), WebMercator.y(35.30), 12, 800, 600);
        assertThat(new LabelPlacer(100).place(vp, List.of(layer), 12)).isEmpty();
    }
}
