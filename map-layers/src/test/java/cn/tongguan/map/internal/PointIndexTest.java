package cn.tongguan.map.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PointIndexTest {
    @Test
    void windowQueryFindsExactlyWhatABruteForceScanFinds() {
        Random random = new Random(7);
        int n = 20_000;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            // clustered like a city: most points near one centre
            xs[i] = 0.8 + random.nextGaussian() * 0.001;
            ys[i] = 0.4 + random.nextGaussian() * 0.001;
        }
        PointIndex index = new PointIndex(xs, ys, n);
        for (int q = 0; q < 50; q++) {
            double x0 = 0.8 + random.nextGaussian() * 0.001;
            double y0 = 0.4 + random.nextGaussian() * 0.001;
            double size = random.nextDouble() * 0.001;
            List<Integer> found = new ArrayList<>();
            index.query(x0, y0, x0 + size, y0 + size, found::add);
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (xs[i] >= x0 && xs[i] <= x0 + size && ys[i] >= y0 && ys[i] <= y0 + size) {
                    expected.add(i);
                }
            }
            assertThat(found).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void anEmptyIndexAnswersNothing() {
        PointIndex index = new PointIndex(new double[0], new double[0], 0);
        List<Integer> found = new ArrayList<>();
        index.query(0, 0, 1, 1, found::add);
        assertThat(found).isEmpty();
    }
}
