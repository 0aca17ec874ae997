package cn.tongguan.map.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Where cluster counts go: in their bubble, beside it when a name covers it, never pushing another count out. */
class CountPlacerTest {
    private final CountPlacer placer = new CountPlacer(LabelPlacer.ESTIMATE);

    @Test
    void aCountMovedByANameDoesNotPushTheNextBubblesCountOutOfItsBubble() {
        double h = LabelPlacer.ESTIMATE.height(CountPlacer.FONT_SIZE);
        double shift = 20 + h / 2 + 1;
        OverlayRenderer.CountLabel covered = new OverlayRenderer.CountLabel(100, 100, 417, 20);
        // the next bubble down sits exactly where the covered count would first be moved to
        OverlayRenderer.CountLabel below = new OverlayRenderer.CountLabel(100, 100 + shift, 439, 20);
        List<double[]> names = List.<double[]>of(new double[] {70, 92, 130, 108});

        List<CountPlacer.Placed> placed = placer.place(List.of(covered, below), names, 400, 400);

        assertThat(placed).extracting(CountPlacer.Placed::text).containsExactlyInAnyOrder("417", "439");
        CountPlacer.Placed b = placed.stream().filter(p -> p.text().equals("439")).findFirst().orElseThrow();
        assertThat(b.y()).as("in its own bubble").isEqualTo(below.y());
        CountPlacer.Placed a = placed.stream().filter(p -> p.text().equals("417")).findFirst().orElseThrow();
        assertThat(a.y()).as("above its bubble, the only free side").isEqualTo(100 - shift);
    }

    @Test
    void aCountWithNoFreePlaceIsLeftOutAndNoBoxesOverlap() {
        OverlayRenderer.CountLabel only = new OverlayRenderer.CountLabel(100, 100, 28_000, 24);
        List<double[]> names = List.<double[]>of(new double[] {0, 0, 400, 400});
        assertThat(placer.place(List.of(only), names, 400, 400)).isEmpty();
        assertThat(CountPlacer.text(28_000)).isEqualTo("28k");
    }
}
