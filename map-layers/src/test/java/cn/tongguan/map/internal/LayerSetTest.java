package cn.tongguan.map.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.map.Feature;
import cn.tongguan.map.FeatureLayer;
import java.util.ArrayDeque;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

/** Layer preparation with a hand-cranked background executor and an inline "FX" executor. */
class LayerSetTest {
    private final ArrayDeque<Runnable> background = new ArrayDeque<>();
    private final ObservableList<FeatureLayer> layers = FXCollections.observableArrayList();
    private final LayerSet set = new LayerSet(layers, background::add, Runnable::run, () -> { }, e -> { });

    private static List<Feature> parts(int n) {
        return java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> Layers.point("p" + i, 113.9 + i * 1e-4, 35.3, "井盖")).toList();
    }

    private void runAll() {
        while (!background.isEmpty()) {
            background.poll().run();
        }
    }

    @Test
    void rapidDataChangesCostOneJobNowAndOneWithTheLatestData() {
        FeatureLayer layer = Layers.parts(parts(1), 16);
        layers.add(layer);
        for (int n = 2; n <= 6; n++) {
            layer.setFeatures(parts(n));
        }
        assertThat(background).hasSize(1);
        background.poll().run();
        // the first result is outdated and dropped; exactly one more job, with the latest data, follows
        assertThat(background).hasSize(1);
        runAll();
        assertThat(set.busy()).isFalse();
        assertThat(set.visibleCompiled()).singleElement().extracting(CompiledLayer::pointCount).isEqualTo(6);
    }

    @Test
    void hiddenLayersAreLeftOutOfTheSceneAndEveryChangeBumpsItsVersion() {
        FeatureLayer layer = Layers.parts(parts(3), 16);
        layers.add(layer);
        runAll();
        long before = set.sceneVersion();
        layer.setVisible(false);
        assertThat(set.visibleCompiled()).isEmpty();
        assertThat(set.sceneVersion()).isGreaterThan(before);
    }
}
