package cn.tongguan.reports.bench;

import cn.tongguan.reports.ReportFonts;
import cn.tongguan.reports.ReportRenderer;
import cn.tongguan.reports.SampleReports;
import cn.tongguan.reports.model.ClassCount;
import cn.tongguan.reports.model.HotSpot;
import cn.tongguan.reports.model.Kpi;
import cn.tongguan.reports.model.LedgerRow;
import cn.tongguan.reports.model.RankRow;
import cn.tongguan.reports.model.Ranking;
import cn.tongguan.reports.model.Report;
import cn.tongguan.reports.model.TrendPoint;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Monthly report generation (docs/benchmarks.md, "Reports (issue 9)"): the sample monthly assessment (9
 * departments, 4 districts, 30 streets, 30-day trend, 108 ledger rows) rendered as PDF and as XLSX, against the
 * same tables written as CSV in the same run. Run with {@code reports/bench.sh [iterations]}.
 */
public final class ReportBench {
    private static final Logger LOG = LoggerFactory.getLogger(ReportBench.class);

    private ReportBench() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        Report report = SampleReports.monthly();
        long t0 = System.nanoTime();
        ReportFonts fonts = ReportFonts.system();
        double fontMs = (System.nanoTime() - t0) / 1e6;
        ReportRenderer renderer = new ReportRenderer(fonts);
        Result pdf = measure(n, () -> renderer.pdf(report));
        Result xlsx = measure(n, () -> renderer.xlsx(report));
        Result csv = measure(n, () -> csv(report));
        LOG.info("fonts loaded once per process in {} ms", String.format("%.0f", fontMs));
        LOG.info("{} iterations after 3 warm-ups; median (min–max) ms, bytes, ratio of median to CSV's", n);
        log("PDF", pdf, csv);
        log("XLSX", xlsx, csv);
        log("PDF+XLSX", new Result(pdf.median + xlsx.median, pdf.min + xlsx.min, pdf.max + xlsx.max,
                pdf.bytes + xlsx.bytes), csv);
        log("CSV (baseline)", csv, csv);
    }

    private record Result(double median, double min, double max, long bytes) {
    }

    private static void log(String what, Result r, Result base) {
        LOG.info(String.format("%-15s median %8.1f ms (%.1f–%.1f)  %,9d bytes  time ×%.0f  size ×%.1f", what, r.median,
                r.min, r.max, r.bytes, r.median / base.median, (double) r.bytes / base.bytes));
    }

    private static Result measure(int n, Supplier<byte[]> work) {
        for (int i = 0; i < 3; i++) {
            work.get();
        }
        double[] ms = new double[n];
        long bytes = 0;
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            bytes = work.get().length;
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return new Result(ms[n / 2], ms[0], ms[n - 1], bytes);
    }

    /** The baseline: every table of the report as CSV text, nothing laid out, no charts. */
    static byte[] csv(Report r) {
        StringBuilder sb = new StringBuilder(64 * 1024);
        sb.append("指标,本期,上期,上年同期\n");
        for (Kpi k : r.kpis()) {
            sb.append(k.name()).append(',').append(k.current()).append(',').append(k.previous()).append(',')
                    .append(k.lastYear()).append('\n');
        }
        for (Ranking rk : r.rankings()) {
            sb.append('\n').append(rk.title()).append('\n');
            for (RankRow row : rk.rows()) {
                sb.append(row.rank()).append(',').append(row.name());
                row.values().forEach(v -> sb.append(',').append(v));
                sb.append(',').append(row.score()).append(',').append(row.grade()).append(',').append(row.worst()).append('\n');
            }
        }
        for (TrendPoint p : r.trend()) {
            sb.append(p.day()).append(',').append(p.received()).append(',').append(p.closed()).append('\n');
        }
        for (ClassCount c : r.classes()) {
            sb.append(c.code()).append(',').append(c.name()).append(',').append(c.count()).append('\n');
        }
        for (HotSpot h : r.hotSpots()) {
            sb.append(h.gridCode()).append(',').append(h.place()).append(',').append(h.count()).append('\n');
        }
        for (LedgerRow l : r.ledger().rows()) {
            sb.append(l.caseNo()).append(',').append(l.problem()).append(',').append(l.place()).append(',')
                    .append(l.department()).append(',').append(l.listed()).append(',').append(l.assigned()).append(',')
                    .append(l.state()).append(',').append(l.overdue()).append(',').append(l.note()).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
