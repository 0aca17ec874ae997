package cn.tongguan.platform.reports;

import cn.tongguan.reports.model.Report;
import java.time.Instant;

/**
 * Where a report's figures come from. Today {@link StatsReportSource} maps what the platform has (StatsService,
 * the difficult-case ledger); the evaluation service (综合评价) will take its place without the renderer or
 * the routes changing.
 */
public interface ReportSource {
    Report build(ReportPeriod period, Instant generatedAt);
}
