package cn.tongguan.platform.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tongguan.api.Evaluation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The formula home: an indicator's value from measure counts, and the checks on the formula file when loaded. */
class EvaluationModelTest {
    private final EvaluationModel model = EvaluationModel.load();

    @Test
    void aRateIsNumeratorOverDenominatorInPercentOrAsAFraction() {
        EvaluationModel.IndicatorDef closeRate = model.indicators().get("closeRate");
        Map<String, Long> counts = Map.of("archive", 911L, "needArchive", 972L);
        assertThat(closeRate.value(counts)).isEqualTo(100.0 * 911 / 972);
        assertThat(closeRate.fraction(counts)).isEqualTo(911.0 / 972);
    }

    @Test
    void aZeroDenominatorGivesNoRateAndACountIsItsNumerator() {
        EvaluationModel.IndicatorDef reworkRate = model.indicators().get("reworkRate");
        assertThat(reworkRate.value(Map.of("rework", 0L, "needArchive", 0L))).isNull();
        assertThat(reworkRate.fraction(Map.of("rework", 0L, "needArchive", 0L))).isNull();
        EvaluationModel.IndicatorDef filed = model.indicators().get("filed");
        assertThat(filed.value(Map.of("register", 996L))).isEqualTo(996.0);
        assertThat(filed.fraction(Map.of("register", 996L))).isNull();
    }

    @Test
    void theWallsReworkRateIsTheEvaluationsNotAnyReworkedCase() {
        // 返工数 counts cases that must close (filed, not voided): the wall's own SQL counted every reworked case.
        assertThat(model.indicators().get("reworkRate").denominator()).isEqualTo("needArchive");
        assertThat(model.measures().get("rework").where()).contains("c.filed_at IS NOT NULL").contains("c.state <> 'void'");
        StatsService.COUNTS.forEach(m -> assertThat(model.measures()).containsKey(m));
        StatsService.RATES.forEach(r -> assertThat(model.indicators().get(r).denominator()).as(r).isNotNull());
    }

    @Test
    void theCompositeInvertsExactlyTheRatesWhereLowerIsBetter() throws IOException {
        assertThat(Evaluation.LOWER_IS_BETTER).isNotEmpty().allMatch(model.indicators()::containsKey);
        assertThatThrownBy(() -> read(shipped().replace(
                "{\"id\": \"reworkRate\", \"indicator\": \"reworkRate\", \"invert\": true, \"weight\": 30}",
                "{\"id\": \"reworkRate\", \"indicator\": \"reworkRate\", \"weight\": 30}")))
                .hasMessageContaining("component reworkRate invert");
        assertThatThrownBy(() -> read(shipped().replace(
                "{\"id\": \"disposeRate\", \"indicator\": \"disposeRate\", \"weight\": 30}",
                "{\"id\": \"disposeRate\", \"indicator\": \"disposeRate\", \"invert\": true, \"weight\": 30}")))
                .hasMessageContaining("component disposeRate invert");
        assertThat(read(shipped()).indicators()).containsKeys("reworkRate", "delayRate", "overdueRate");
    }

    @Test
    void aLowerIsBetterIndicatorMissingFromTheFileStopsTheLoad() {
        assertThatThrownBy(() -> read(shipped().replace("\"delayRate\":", "\"delayRateRenamed\":")
                .replace("\"delayRate\", \"overdueRate\"]", "\"delayRateRenamed\", \"overdueRate\"]")))
                .hasMessageContaining("lower-is-better indicator delayRate");
    }

    private static String shipped() throws IOException {
        try (InputStream in = EvaluationModel.class.getResourceAsStream(EvaluationModel.RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static EvaluationModel read(String json) throws IOException {
        return EvaluationModel.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
