package cn.tongguan.map.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HudTest {
    @ParameterizedTest
    @CsvSource({"137, 100", "260, 200", "999, 500", "5300, 5000", "1.7, 1", "0.3, 0.2"})
    void theScaleBarShowsTheLargestRoundLengthThatFits(double maxMetres, double expected) {
        assertThat(Hud.niceLength(maxMetres)).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-9));
    }
}
