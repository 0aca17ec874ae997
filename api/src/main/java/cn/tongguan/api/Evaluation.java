package cn.tongguan.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluation (综合评价, domain.md §4) on the wire: per-subject figures, the month's summary, the cases behind
 * a figure, and the administrator's overrides of weights and grade bands. Rates and scores are percentages
 * (0..100); a rate is absent when its denominator is zero. Which cases count where: ADR 0070.
 */
public final class Evaluation {
    private Evaluation() {
    }

    /**
     * Rates where a rise is bad (返工率, 延期率, 超期待处置率): the one list the meeting's arrows, the reports' colours
     * and the platform's composite (which scores these as 100 − rate; its formula file is checked against this set
     * when loaded) all read. Ids of {@code indicators.json}.
     */
    public static final Set<String> LOWER_IS_BETTER = Set.of("reworkRate", "delayRate", "overdueRate");

    /** Whether a lower value of {@code indicator} is the better one. */
    public static boolean lowerIsBetter(String indicator) {
        return LOWER_IS_BETTER.contains(indicator);
    }

    /**
     * Which units of a ranking are marked as last places (末位), best first in {@code composites}: the last three,
     * or the last half of a shorter list (two of four districts, not three), and only those strictly below the
     * unit just above the marked group, so that a tie is never singled out. One rule for the meeting and reports.
     */
    public static boolean[] lastPlaces(List<Double> composites) {
        int n = composites.size();
        int marked = Math.min(3, n / 2);
        boolean[] out = new boolean[n];
        if (marked == 0) {
            return out;
        }
        double above = composites.get(n - marked - 1);
        for (int i = n - marked; i < n; i++) {
            out[i] = composites.get(i) < above;
        }
        return out;
    }

    /** A period in Asia/Shanghai days: {@code label} as asked ({@code month:2026-10}), [from, to) as instants. */
    public record Period(String label, Instant from, Instant to) {
    }

    /** What an indicator is: a count (numerator only) or numerator / denominator, both named measures. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Indicator(String id, String name, String numerator, String denominator) {
    }

    /** One subject's figures: counts by measure id, rates by indicator id, composite score, grade and rank. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(String key, String name, Map<String, Long> counts, Map<String, Double> rates,
                      Double composite, String grade, Integer rank) {
    }

    /** {@code GET /api/v1/evaluation}: every subject of one type over a period, ranked by composite. */
    public record Report(String subject, Period period, List<Indicator> indicators, List<Row> rows) {
    }

    /** One headline figure this period, the previous period and the same period a year before. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Figure(String id, String name, Double value, Double previous, Double lastYear) {
    }

    /** One day of the trend (Asia/Shanghai date). */
    public record Day(String date, long received, long filed, long closed) {
    }

    /** A ranked group (class or grid) with its count of received cases. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Top(String key, String name, long count) {
    }

    /** {@code GET /api/v1/evaluation/summary}: the period at a glance. */
    public record Summary(Period period, Period previous, Period lastYear, List<Figure> figures, List<Day> trend,
                          List<Top> topClasses, List<Top> hotGrids) {
    }

    /**
     * A case behind a figure (no personal data: the wall reads these too); seq/action for per-step measures; lng/lat
     * put it on the meeting's map.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TraceItem(long caseId, String caseNo, String state, String kind, String smallCode,
                            String districtCode, String streetCode, String gridCode, String departmentCode,
                            Instant reportedAt, Integer seq, String action, String actor, Instant at, Double lng,
                            Double lat) {
    }

    /** {@code GET /api/v1/evaluation/cases}: one page of the cases behind a numerator or denominator. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TracePage(String indicator, String measure, String subject, String part, Period period, long total,
                            List<TraceItem> items, String nextCursor) {
    }

    /** A grade band: scores {@code >= min} earn {@code grade} (bands tried from the highest min). */
    public record GradeBand(String grade, double min) {
        public GradeBand {
            Invalid.required("grade", grade);
            if (Double.isNaN(min) || min < 0 || min > 100) {
                throw new Invalid("min", "out_of_range");
            }
        }
    }

    /**
     * The administrator's overrides ({@code PUT /api/v1/evaluation/settings}): composite weights by subject type
     * then component id, and grade bands; anything absent keeps the shipped default.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Settings(Map<String, Map<String, Double>> weights, List<GradeBand> grades) {
    }

    /** The composite formulas in force (defaults with overrides applied), for display and the reports. */
    public record Composite(String subject, Map<String, Double> weights) {
    }

    /** {@code GET /api/v1/evaluation/settings}: what is in force and what was overridden. */
    public record SettingsView(List<Composite> composites, List<GradeBand> grades, Settings overrides) {
    }
}
