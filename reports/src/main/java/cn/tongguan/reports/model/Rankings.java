package cn.tongguan.reports.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns scored units into ranked rows: best score first (ties by name, so the order is stable), grades from the
 * bands, and the last {@code markWorst} rows marked (后三位) — never more than half of the table, so a table of
 * four does not mark three of them.
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
        List<RankRow> out = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            Scored s = sorted.get(i);
            out.add(new RankRow(i + 1, s.code(), s.name(), s.values(), s.score(), bands.grade(s.score()),
                    i >= sorted.size() - marked));
        }
        return out;
    }
}
