package cn.tongguan.console.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Runs {@link CityMapBench} under surefire when {@code -Dcitymap.parts=N} is given (docs/benchmarks.md). */
@EnabledIfSystemProperty(named = "citymap.parts", matches = "\\d+")
class CityMapBenchTest {
    @Test
    void openTheLayersColdAndWarm() throws Exception {
        CityMapBench.main(new String[0]);
    }
}
