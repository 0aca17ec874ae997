package cn.tongguan.reports.model;

/** How a figure is written: a count ("1,234") or a fraction shown as a percentage ("96.93%"). */
public enum Unit {
    COUNT, PERCENT, SCORE
}
