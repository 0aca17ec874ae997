package cn.tongguan.democity.bench;

import cn.tongguan.api.Evaluation;
import cn.tongguan.democity.DemoCityMain;
import cn.tongguan.platform.PlatformConfig;
import cn.tongguan.platform.PlatformServer;
import cn.tongguan.platform.evaluation.EvaluationService;
import cn.tongguan.platform.evaluation.Periods;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 9's benchmark: the monthly evaluation over the demo city's two years (910,000 cases) for each of the
 * 24 months — the summary (three periods, trend, top classes, hot grids) plus all eight subject types, i.e.
 * everything the monthly meeting shows — against a baseline in the same run and on the same database: a plain
 * {@code COUNT(*)} of the month's cases through the same index. Loads the city first unless the data directory
 * already holds it (so a {@code ./dev demo} data directory can be reused).
 * <pre>democity/eval-bench.sh [DATA_DIR]</pre>
 */
public final class EvaluationBench {
    private static final Logger LOG = LoggerFactory.getLogger(EvaluationBench.class);
    private static final List<String> SUBJECTS = List.of("department", "district", "street", "community", "inspector",
            "operator", "shift_leader", "dispatcher");

    private EvaluationBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/evaluation-bench");
        if (!Files.exists(dir.resolve("democity.loaded"))) {
            int code = new picocli.CommandLine(new DemoCityMain()).execute("load", "--data", dir.toString());
            if (code != 0) {
                throw new IllegalStateException("load failed");
            }
        }
        PlatformServer server = new PlatformServer(new PlatformConfig("127.0.0.1", 0, null, null, null, dir, null,
                10L << 20, 1L << 20, true, null), java.time.Clock.systemUTC());
        server.start();
        try (Connection c = DriverManager.getConnection(PlatformServer.embeddedUrl(dir))) {
            run(server.evaluation(), c);
        } finally {
            server.stop();
        }
    }

    private static void run(EvaluationService evaluation, Connection c) throws Exception {
        YearMonth last = YearMonth.now(Periods.ZONE);
        List<YearMonth> months = new ArrayList<>();
        for (int i = 23; i >= 0; i--) {
            months.add(last.minusMonths(i));
        }
        // Warm-up: JIT and the database's page cache, on months other than the first measured ones.
        for (YearMonth m : months.subList(0, Integer.getInteger("bench.warmup", 3))) {
            meeting(evaluation, Periods.parse("month:" + m));
            count(c, Periods.parse("month:" + m));
        }
        // Where the time goes, on one month: each subject type and the summary alone.
        Periods.Span probe = Periods.parse("month:" + months.get(months.size() - 7));
        StringBuilder parts = new StringBuilder();
        for (String subject : SUBJECTS) {
            long t = System.nanoTime();
            evaluation.report(subject, probe);
            parts.append(subject).append(' ').append(ms((System.nanoTime() - t) / 1_000)).append(" ms; ");
        }
        long t = System.nanoTime();
        evaluation.summary(probe);
        LOG.info("month {} by part: {}summary {} ms", probe.label(), parts, ms((System.nanoTime() - t) / 1_000));
        List<Long> full = new ArrayList<>();
        List<Long> dept = new ArrayList<>();
        List<Long> base = new ArrayList<>();
        for (YearMonth m : months.subList(0, Integer.getInteger("bench.months", months.size()))) {
            Periods.Span span = Periods.parse("month:" + m);
            long t0 = System.nanoTime();
            long n = count(c, span);
            long t1 = System.nanoTime();
            evaluation.report("department", span);
            long t2 = System.nanoTime();
            Evaluation.Summary s = meeting(evaluation, span);
            long t3 = System.nanoTime();
            base.add((t1 - t0) / 1_000);
            dept.add((t2 - t1) / 1_000);
            full.add((t3 - t2) / 1_000);
            LOG.info("month {}: {} cases; COUNT(*) {} ms, department {} ms, whole meeting {} ms; 处置率 {} 结案率 {}", m, n,
                    ms(base.get(base.size() - 1)), ms(dept.get(dept.size() - 1)), ms(full.get(full.size() - 1)),
                    figure(s, "disposeRate"), figure(s, "closeRate"));
        }
        LOG.info("RESULT monthly evaluation over {} months: whole meeting (summary + 8 subject types) p50 {} ms, max {} ms; "
                        + "department only p50 {} ms, max {} ms; baseline COUNT(*) of the month p50 {} ms, max {} ms; "
                        + "ratio (p50 whole / p50 COUNT) {}", months.size(), ms(p50(full)), ms(max(full)), ms(p50(dept)),
                ms(max(dept)), ms(p50(base)), ms(max(base)), String.format("%.0f", (double) p50(full) / Math.max(1, p50(base))));
    }

    private static Evaluation.Summary meeting(EvaluationService evaluation, Periods.Span span) {
        for (String s : SUBJECTS) {
            evaluation.report(s, span);
        }
        return evaluation.summary(span);
    }

    private static long count(Connection c, Periods.Span span) throws Exception {
        Evaluation.Period p = span.period();
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM cases WHERE reported_at >= ? AND reported_at < ?")) {
            ps.setLong(1, p.from().toEpochMilli());
            ps.setLong(2, p.to().toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String figure(Evaluation.Summary s, String id) {
        return s.figures().stream().filter(f -> f.id().equals(id)).findFirst()
                .map(f -> f.value() == null ? "—" : String.format("%.2f %%", f.value())).orElse("—");
    }

    private static long p50(List<Long> v) {
        List<Long> s = new ArrayList<>(v);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }

    private static long max(List<Long> v) {
        return Collections.max(v);
    }

    private static String ms(long micros) {
        return String.format("%.1f", micros / 1000.0);
    }
}
