package cn.tongguan.reports.model;

/** A high-incidence case class (高发问题): its code, name and number of cases in the period. */
public record ClassCount(String code, String name, long count) {
}
