package cn.tongguan.reports.model;

import java.util.List;

/**
 * Score thresholds of the grades, best first: a score at or above {@code minimums[i]} earns grade i (A, B, …);
 * below the last, E. Data, not code, so that a city can set its own bands (domain.md §4.2: 90/75/60/40).
 */
public record GradeBands(List<Double> minimums) {
    public static final GradeBands STANDARD = new GradeBands(List.of(90.0, 75.0, 60.0, 40.0));

    public GradeBands {
        minimums = List.copyOf(minimums);
        if (minimums.size() != Grade.values().length - 1) {
            throw new IllegalArgumentException("need " + (Grade.values().length - 1) + " thresholds");
        }
    }

    public Grade grade(double score) {
        for (int i = 0; i < minimums.size(); i++) {
            if (score >= minimums.get(i)) {
                return Grade.values()[i];
            }
        }
        return Grade.E;
    }
}
