package cn.tongguan.platform.reports;

import cn.tongguan.reports.model.Report;
import java.time.Instant;

/**
 * Where a report's figures come from: {@link EvaluationReportSource} maps the evaluation (综合评价) and the
 * difficult-case ledger into the renderer's model, so the renderer and the routes know nothing of either.
 */
public interface ReportSource {
    Report build(ReportPeriod period, Instant generatedAt);
}
