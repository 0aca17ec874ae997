package cn.tongguan.platform.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tongguan.platform.evaluation.Periods;
import cn.tongguan.platform.http.ApiException;
import cn.tongguan.reports.model.ReportKind;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReportPeriodTest {
    @Test
    void monthsRunFromMidnightInChinaAndCompareWithTheMonthBeforeAndTheYearBefore() {
        ReportPeriod oct = ReportPeriod.parse(ReportKind.MONTHLY, "2026-10");
        assertThat(oct.from()).isEqualTo(Instant.parse("2026-09-30T16:00:00Z"));
        assertThat(oct.to()).isEqualTo(Instant.parse("2026-10-31T16:00:00Z"));
        assertThat(oct.label()).isEqualTo("2026年10月");
        // The evaluation's month covers the same instants and knows the month before and the year before.
        Periods.Span span = EvaluationReportSource.span(oct);
        assertThat(span.period().from()).isEqualTo(oct.from());
        assertThat(span.period().to()).isEqualTo(oct.to());
        assertThat(span.previous().label()).isEqualTo("month:2026-09");
        assertThat(span.lastYear().label()).isEqualTo("month:2025-10");
        assertThat(EvaluationReportSource.span(ReportPeriod.parse(ReportKind.MONTHLY, "2026-01")).previous().label())
                .isEqualTo("month:2025-12");
    }

    @Test
    void isoWeeksStartOnMondayAcrossTheYearEnd() {
        ReportPeriod w1 = ReportPeriod.parse(ReportKind.WEEKLY, "2026-W01");
        assertThat(w1.first()).isEqualTo(LocalDate.of(2025, 12, 29));
        assertThat(w1.end()).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(EvaluationReportSource.span(w1).previous().label()).isEqualTo("week:2025-W52");
        assertThat(EvaluationReportSource.span(w1).period().from()).isEqualTo(w1.from());
        assertThat(EvaluationReportSource.span(w1).period().to()).isEqualTo(w1.to());
        ReportPeriod day = ReportPeriod.parse(ReportKind.DAILY, "2026-10-10");
        assertThat(EvaluationReportSource.span(day).period().to()).isEqualTo(day.to());
        assertThat(EvaluationReportSource.span(day).lastYear().label()).isEqualTo("day:2025-10-10");
        assertThat(w1.label()).isEqualTo("2026年第1周（12月29日—1月4日）");
        assertThat(ReportPeriod.parse(ReportKind.WEEKLY, "2026-W53").code()).isEqualTo("2026-W53"); // 2026 has 53 weeks
        assertThatThrownBy(() -> ReportPeriod.parse(ReportKind.WEEKLY, "2025-W53")).isInstanceOf(ApiException.class);
    }

    @Test
    void daysAndTheLastCompletePeriodBeforeAnInstant() {
        assertThat(ReportPeriod.parse(ReportKind.DAILY, "2026-02-28").end()).isEqualTo(LocalDate.of(2026, 3, 1));
        Instant mondayAfterMidnight = Instant.parse("2026-11-01T16:05:00Z"); // Mon 2 Nov 00:05 in China
        assertThat(ReportPeriod.lastComplete(ReportKind.DAILY, mondayAfterMidnight).code()).isEqualTo("2026-11-01");
        assertThat(ReportPeriod.lastComplete(ReportKind.WEEKLY, mondayAfterMidnight).code()).isEqualTo("2026-W44");
        assertThat(ReportPeriod.lastComplete(ReportKind.MONTHLY, mondayAfterMidnight).code()).isEqualTo("2026-10");
    }

    @Test
    void malformedPeriodsAreRefusedAsTheFieldPeriod() {
        for (String bad : new String[] {"2026-13", "26-10", "2026-10-32", "2026-W00", "latest"}) {
            ReportKind kind = bad.contains("W") ? ReportKind.WEEKLY : bad.length() == 10 ? ReportKind.DAILY : ReportKind.MONTHLY;
            assertThatThrownBy(() -> ReportPeriod.parse(kind, bad)).as(bad).isInstanceOf(ApiException.class)
                    .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(400));
        }
    }

    @Test
    void chineseFileNamesAreEncodedPerRfc5987WithAnAsciiFallback() {
        assertThat(ReportRoutes.contentDisposition("2026年10月 通报.pdf", "report-monthly-2026-10.pdf")).isEqualTo(
                "attachment; filename=\"report-monthly-2026-10.pdf\"; filename*=UTF-8''2026%E5%B9%B410%E6%9C%88%20%E9%80%9A%E6%8A%A5.pdf");
    }
}
