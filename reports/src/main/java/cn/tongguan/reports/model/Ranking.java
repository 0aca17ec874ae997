package cn.tongguan.reports.model;

import java.util.List;
import java.util.Objects;

/**
 * A ranking table (e.g. 专业部门综合评价排名): {@code unitLabel} heads the name column (部门, 区, 街道), {@code columns}
 * the figures; rows come ranked, best first. Every row must carry one value per column.
 */
public record Ranking(String title, String unitLabel, List<Column> columns, List<RankRow> rows) {
    public Ranking {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(unitLabel, "unitLabel");
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        for (RankRow r : rows) {
            if (r.values().size() != columns.size()) {
                throw new IllegalArgumentException(title + ": row " + r.name() + " has " + r.values().size()
                        + " values for " + columns.size() + " columns");
            }
        }
    }

    public List<RankRow> worst() {
        return rows.stream().filter(RankRow::worst).toList();
    }
}
