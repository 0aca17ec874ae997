package cn.tongguan.reports.model;

/** The three reports of the hall (issue 9): 日统计, 周通报, 月考核. {@code code} is the wire value. */
public enum ReportKind {
    DAILY("daily", "日统计", "日"), WEEKLY("weekly", "周通报", "周"), MONTHLY("monthly", "月考核", "月");

    private final String code;
    private final String chinese;
    private final String unit;

    ReportKind(String code, String chinese, String unit) {
        this.code = code;
        this.chinese = chinese;
        this.unit = unit;
    }

    public String code() {
        return code;
    }

    public String chinese() {
        return chinese;
    }

    /** 日/周/月: used in "较上月", "上年同月" and the like. */
    public String unit() {
        return unit;
    }

    public static ReportKind of(String code) {
        for (ReportKind k : values()) {
            if (k.code.equals(code)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown report kind " + code);
    }
}
