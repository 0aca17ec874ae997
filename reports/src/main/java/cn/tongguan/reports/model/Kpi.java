package cn.tongguan.reports.model;

import java.util.Objects;

/**
 * One headline figure with its comparisons: this period, the previous period (环比) and the same period last year
 * (同比). Percent figures are fractions 0..1. {@code null} = no data (a zero denominator, or no history yet).
 * {@code higherIsBetter} decides which way a change is good (返工率 rising is bad).
 */
public record Kpi(String name, Unit unit, Double current, Double previous, Double lastYear, boolean higherIsBetter) {
    public Kpi {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
    }

    public static Kpi count(String name, long current, Long previous, Long lastYear) {
        return new Kpi(name, Unit.COUNT, (double) current, previous == null ? null : previous.doubleValue(),
                lastYear == null ? null : lastYear.doubleValue(), true);
    }

    public static Kpi rate(String name, Double current, Double previous, Double lastYear, boolean higherIsBetter) {
        return new Kpi(name, Unit.PERCENT, current, previous, lastYear, higherIsBetter);
    }
}
