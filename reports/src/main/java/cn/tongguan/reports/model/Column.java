package cn.tongguan.reports.model;

import java.util.Objects;

/** A figure column of a ranking table: its header and how its values are written. */
public record Column(String name, Unit unit) {
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
    }
}
