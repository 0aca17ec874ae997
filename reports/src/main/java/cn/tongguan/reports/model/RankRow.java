package cn.tongguan.reports.model;

import java.util.List;
import java.util.Objects;

/**
 * One ranked unit (department, district or street): its figures in the ranking's column order (null = no data),
 * its composite score (综合指标值, 0..100), grade, rank (1 = best) and whether it is among the worst marked.
 */
public record RankRow(int rank, String code, String name, List<Double> values, double score, Grade grade, boolean worst) {
    public RankRow {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(grade, "grade");
        values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
    }
}
