package cn.tongguan.reports.model;

import java.time.LocalDate;

/** One day of the trend series: cases received and closed that day. */
public record TrendPoint(LocalDate day, long received, long closed) {
}
