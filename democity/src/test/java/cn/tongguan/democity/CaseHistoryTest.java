package cn.tongguan.democity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two full years of cases at the seed's scale, checked against the seed's figures. */
class CaseHistoryTest {
    static final Instant END = Instant.parse("2026-11-24T16:00:00Z");
    static final LocalDate FIRST = LocalDate.of(2024, 11, 25);
    /** Plain clock hours and days: the real working calendar is the platform's (checked end to end). */
    static final DeadlineCalendar CLOCK = (start, amount, unit) -> start.plus(
            unit.endsWith("day") ? Duration.ofDays(amount) : Duration.ofHours(amount));

    private static final List<HistoricCase> cases = new ArrayList<>();
    private static DemoCity city;

    @BeforeAll
    static void generate() {
        city = new DemoCityGenerator().generate(20210721L, 100_000, DemoCityGenerator.DEFAULT_CAMERA_URL);
        new CaseHistoryGenerator(city, CodeTables.load().categories(), CLOCK, FIRST, END, CaseHistoryGenerator.CASES, 20210721L)
                .generate(cases::add);
    }

    @Test
    void aboutNineHundredTenThousandCasesInReportOrder() {
        assertThat(cases).hasSize(CaseHistoryGenerator.CASES);
        for (int i = 1; i < cases.size(); i++) {
            assertThat(cases.get(i).reportedAt()).isAfterOrEqualTo(cases.get(i - 1).reportedAt());
        }
        assertThat(cases.stream().map(HistoricCase::caseNo).distinct().count()).isEqualTo(cases.size());
    }

    @Test
    void hotlineCountsMatchTheSeed() {
        Map<String, Long> bySource = cases.stream().collect(Collectors.groupingBy(HistoricCase::source, Collectors.counting()));
        assertThat(bySource.get("hotline_12319")).isCloseTo(18_803L, within(600L));
        assertThat(bySource.get("hotline_12345")).isCloseTo(22_951L, within(600L));
        assertThat(bySource.get("inspector")).isGreaterThan(bySource.get("video_ai"));
    }

    @Test
    void disposalAndClosureRatesWithinTwoTenthsOfAPointOfTheSeed() {
        long dispatched = cases.stream().filter(c -> c.at("dispatch") != null).count();
        long disposed = cases.stream().filter(c -> c.at("dispatch") != null && c.disposedAt() != null).count();
        long shouldClose = cases.stream().filter(c -> c.at("file") != null && !"void".equals(c.state())).count();
        long closed = cases.stream().filter(c -> c.at("file") != null && "closed".equals(c.state())).count();
        assertThat(100.0 * disposed / dispatched).isCloseTo(96.9, within(0.2));
        assertThat(100.0 * closed / shouldClose).isCloseTo(96.93, within(0.2));
    }

    @Test
    void everyTimelineIsAChainOfStatesInTime() {
        for (HistoricCase c : cases) {
            List<CaseStep> steps = c.steps();
            assertThat(steps.get(0).fromState()).isNull();
            for (int i = 1; i < steps.size(); i++) {
                assertThat(steps.get(i).fromState()).isEqualTo(steps.get(i - 1).toState());
                assertThat(steps.get(i).at()).isAfterOrEqualTo(steps.get(i - 1).at());
            }
            assertThat(c.updatedAt()).isBeforeOrEqualTo(END);
        }
    }

    @Test
    void recentCasesAreStillOpenAndOldOnesMostlyClosed() {
        List<HistoricCase> recent = cases.stream().filter(c -> c.reportedAt().isAfter(END.minus(Duration.ofHours(2)))).toList();
        Set<String> ended = Set.of("closed", "cancelled", "void");
        assertThat(recent).hasSizeGreaterThan(20);
        assertThat(recent.stream().filter(c -> !ended.contains(c.state())).count()).isGreaterThan(recent.size() * 8L / 10);
        List<HistoricCase> old = cases.stream().filter(c -> c.reportedAt().isBefore(END.minus(Duration.ofDays(60)))).toList();
        assertThat(old.stream().filter(c -> ended.contains(c.state())).count()).isGreaterThan(old.size() * 95L / 100);
        assertThat(cases.stream().filter(c -> "suspended".equals(c.state())).count()).isGreaterThan(1_000);
    }

    @Test
    void difficultCaseLedgerAsInTheSeed() {
        assertThat(cases.stream().filter(HistoricCase::difficult)).hasSize(CaseHistoryGenerator.DIFFICULT);
        assertThat(cases.stream().filter(HistoricCase::meetingAssigned)).hasSize(CaseHistoryGenerator.DIFFICULT_ASSIGNED);
        assertThat(cases.stream().filter(HistoricCase::difficult)).allMatch(c -> "suspended".equals(c.state()));
    }

    @Test
    void partCasesPointAtARealPartOfTheirClass() {
        Map<String, Part> parts = city.parts().stream().collect(Collectors.toMap(Part::code, p -> p));
        cases.stream().filter(c -> "part".equals(c.kind())).limit(20_000).forEach(c -> {
            Part p = parts.get(c.partCode());
            assertThat(p).isNotNull();
            assertThat(p.gridCode()).isEqualTo(c.gridCode());
        });
    }
}
