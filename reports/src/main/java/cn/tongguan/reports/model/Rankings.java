package cn.tongguan.reports.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns scored units into ranked rows: best score first (ties by name, so the order is stable), grades from the
 * bands, and the last {@code markWorst} rows marked (后三位) — never more than half of the table, so a table of
 * four does not mark three of them, and never a unit tied with one that is not marked.
 */
public final class Rankings {
    private Rankings() {
    }

    /** A unit before ranking: its figures in column order and its composite score. */
    public record Scored(String code, String name, List<Double> values, double score) {
    }

    public static List<RankRow> rank(List<Scored> units, GradeBands bands, int markWorst) {
        List<Scored> sorted = new ArrayList<>(units);
        sorted.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::name));
        int marked = Math.min(markWorst, sorted.size() / 2);
        // A unit tied with one above the cut is not marked: a tie cannot make one of them "worse".
        double cut = marked == 0 ? Double.NEGATIVE_INFINITY : sorted.get(sorted.size() - marked - 1).score();
        List<RankRow> out = new ArrayList<>(sorted.size());
        int rank = 0;
        for (int i = 0; i < sorted.size(); i++) {
            Scored s = sorted.get(i);
            // Equal scores share a rank (1, 2, 2, 4), as published rankings do.
            rank = i > 0 && s.score() == sorted.get(i - 1).score() ? rank : i + 1;
            out.add(new RankRow(rank, s.code(), s.name(), s.values(), s.score(), bands.grade(s.score()),
                    i >= sorted.size() - marked && s.score() < cut));
        }
        return out;
    }
}
