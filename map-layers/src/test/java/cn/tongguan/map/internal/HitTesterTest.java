package cn.tongguan.map.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.map.Feature;
import cn.tongguan.map.FeatureHit;
import cn.tongguan.map.FeatureLayer;
import cn.tongguan.map.Style;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

class HitTesterTest {
    private final Feature district = new Feature("410702", Layers.wkt(
            "POLYGON ((113.80 35.20, 114.00 35.20, 114.00 35.40, 113.80 35.40, 113.80 35.20),"
                    + " (113.95 35.35, 113.99 35.35, 113.99 35.39, 113.95 35.39, 113.95 35.35))"),
            Map.of("name", "红旗区"));
    private final FeatureLayer districts = new FeatureLayer("d", "区县", List.of(district),
            Style.polygons(Color.BLUE, Color.WHITE, 1));

    private List<FeatureHit> hitsAt(List<CompiledLayer> layers, int level, double lng, double lat) {
        return HitTester.hits(layers, level, WebMercator.x(lng), WebMercator.y(lat),
                5 / WebMercator.worldSize(level));
    }

    @Test
    void aPointInsideThePolygonHitsIt() {
        List<FeatureHit> hits = hitsAt(List.of(Layers.compile(districts)), 12, 113.9, 35.3);
        assertThat(hits).extracting(h -> h.feature().id()).containsExactly("410702");
    }

    @Test
    void aPointInTheHoleHitsNothing() {
        assertThat(hitsAt(List.of(Layers.compile(districts)), 12, 113.97, 35.37)).isEmpty();
    }

    @Test
    void theTopLayerAndTheNearestPartComeFirst() {
        List<Feature> parts = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            parts.add(Layers.point("p" + i, 113.85 + i * 1e-4, 35.3, "井盖"));
        }
        List<CompiledLayer> layers = List.of(Layers.compile(districts), Layers.compile(Layers.parts(parts, 16)));
        List<FeatureHit> hits = hitsAt(layers, 18, 113.85 + 500 * 1e-4 + 1e-6, 35.3);
        assertThat(hits).extracting(h -> h.feature().id()).containsExactly("p500", "410702");
    }

    @Test
    void aggregatedPartsAreNotHitOneByOne() {
        List<CompiledLayer> layers = List.of(Layers.compile(Layers.parts(
                List.of(Layers.point("p", 113.9, 35.3, "井盖")), 16)));
        assertThat(hitsAt(layers, 12, 113.9, 35.3)).isEmpty();
        assertThat(hitsAt(layers, 17, 113.9, 35.3)).hasSize(1);
    }
}
