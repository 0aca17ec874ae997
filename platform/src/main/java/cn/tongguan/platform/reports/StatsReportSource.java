package cn.tongguan.platform.reports;

import cn.tongguan.api.Cases;
import cn.tongguan.api.Stats;
import cn.tongguan.platform.auth.Principal;
import cn.tongguan.platform.auth.Role;
import cn.tongguan.platform.cases.CaseQueries;
import cn.tongguan.platform.stats.StatsService;
import cn.tongguan.reports.model.ClassCount;
import cn.tongguan.reports.model.Column;
import cn.tongguan.reports.model.GradeBands;
import cn.tongguan.reports.model.HotSpot;
import cn.tongguan.reports.model.Kpi;
import cn.tongguan.reports.model.Ledger;
import cn.tongguan.reports.model.LedgerRow;
import cn.tongguan.reports.model.Ranking;
import cn.tongguan.reports.model.Rankings;
import cn.tongguan.reports.model.Report;
import cn.tongguan.reports.model.ReportKind;
import cn.tongguan.reports.model.TrendPoint;
import cn.tongguan.reports.model.Unit;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The one place that maps the platform's present figures into a report (until the evaluation service replaces
 * it): totals and rankings from {@link StatsService}, the ledger from {@link CaseQueries#difficult}, the trend,
 * classes and hot spots from {@link ReportQueries}. Composite scores follow domain.md §4.2 with the weights and
 * thresholds below as data; a rate with no denominator counts as full marks (nothing to fault).
 */
public final class StatsReportSource implements ReportSource {
    /** One weighted figure of a composite score; {@code lowerIsBetter} figures score (1 − rate). */
    public record Term(String label, double weight, boolean lowerIsBetter, ToDoubleFunction<Stats.Row> figure) {
    }

    /** 立案数分值 (domain.md §4.2, 专业部门): at most {@code upTo} cases filed earns {@code points}; beyond the last, 0. */
    public record Step(long upTo, double points) {
    }

    public static final List<Step> FILED_POINTS = List.of(new Step(50, 100), new Step(100, 90), new Step(200, 75),
            new Step(500, 60), new Step(1000, 40));
    /** 专业部门 = 立案数分值×10% + 处置率×30% + 按期处置率×30% + (100 − 返工率)×30% (domain.md §4.2). */
    public static final List<Term> DEPARTMENT_SCORE = List.of(
            new Term("立案数分值", 0.10, false, r -> points(r.filed()) / 100),
            new Term("处置率", 0.30, false, r -> full(r.disposeRate())),
            new Term("按期处置率", 0.30, false, r -> full(r.inTimeDisposeRate())),
            new Term("返工率", 0.30, true, r -> nil(r.reworkRate())));
    /**
     * 区域: 结案率×40% + 按期结案率×40% + (100 − 返工率)×20%. Provisional: the standard's 监督举报率 and the
     * region-class 立案数分值 need the evaluation service (domain.md §4.2 notes the source's weights as doubtful).
     */
    public static final List<Term> AREA_SCORE = List.of(
            new Term("结案率", 0.40, false, r -> full(r.closeRate())),
            new Term("按期结案率", 0.40, false, r -> full(r.inTimeCloseRate())),
            new Term("返工率", 0.20, true, r -> nil(r.reworkRate())));
    /** The office that issues the reports (the red head of the PDF). */
    public static final String ISSUER = "新乡市城市运行管理服务中心";
    /** Titles by kind, after the period label: 2026年10月 + 城市运行管理服务月度考核通报. */
    static final Map<ReportKind, String> TITLES = Map.of(ReportKind.DAILY, "城市运行管理服务日统计",
            ReportKind.WEEKLY, "城市运行管理服务周通报", ReportKind.MONTHLY, "城市运行管理服务月度考核通报");
    static final int WORST_MARKED = 3;
    static final int TOP_CLASSES = 10;
    static final int TOP_GRIDS = 10;
    static final Map<String, String> STATE_NAMES = Map.ofEntries(Map.entry("reported", "待受理"),
            Map.entry("verifying", "核实中"), Map.entry("accepted", "已受理"), Map.entry("filed", "已立案"),
            Map.entry("dispatched", "已派遣"), Map.entry("handling", "处置中"), Map.entry("feedback", "已反馈"),
            Map.entry("checking", "核查中"), Map.entry("checked", "已核查"), Map.entry("closed", "已结案"),
            Map.entry("suspended", "挂账"), Map.entry("suspension_requested", "申请挂账"),
            Map.entry("extension_requested", "申请延期"), Map.entry("back_requested", "申请回退"),
            Map.entry("cancelled", "已作废"), Map.entry("void", "已作废"), Map.entry("void_requested", "申请作废"),
            Map.entry("self_handled", "自处理"));
    /** The ledger is read as the hall's leaders see it (no masking of their own view). */
    private static final Principal READER = new Principal("reports", "报表", Role.LEADER, null);

    private final StatsService stats;
    private final CaseQueries cases;
    private final ReportQueries queries;
    private final String issuer;

    public StatsReportSource(StatsService stats, CaseQueries cases, cn.tongguan.platform.storage.Database db, String issuer) {
        this.stats = stats;
        this.cases = cases;
        this.queries = new ReportQueries(db);
        this.issuer = issuer;
    }

    @Override
    public Report build(ReportPeriod p, Instant generatedAt) {
        ReportQueries.Names names = queries.names();
        Totals now = totals(p);
        Totals prev = totals(p.previous());
        Totals year = totals(p.lastYear());
        List<Kpi> kpis = List.of(
                Kpi.count("受理", now.reported, prev.reported, year.reported),
                Kpi.count("立案", now.filed, prev.filed, year.filed),
                Kpi.count("派遣", now.dispatched, prev.dispatched, year.dispatched),
                Kpi.count("结案", now.closed, prev.closed, year.closed),
                Kpi.rate("处置率", now.disposeRate(), prev.disposeRate(), year.disposeRate(), true),
                Kpi.rate("结案率", now.closeRate(), prev.closeRate(), year.closeRate(), true),
                Kpi.rate("按期结案率", now.inTimeCloseRate(), prev.inTimeCloseRate(), year.inTimeCloseRate(), true),
                Kpi.rate("返工率", now.reworkRate(), prev.reworkRate(), year.reworkRate(), false));
        List<Column> deptColumns = List.of(new Column("立案数", Unit.COUNT), new Column("处置率", Unit.PERCENT),
                new Column("按期处置率", Unit.PERCENT), new Column("返工率", Unit.PERCENT));
        List<Column> areaColumns = List.of(new Column("立案数", Unit.COUNT), new Column("结案率", Unit.PERCENT),
                new Column("按期结案率", Unit.PERCENT), new Column("返工率", Unit.PERCENT));
        List<Ranking> rankings = List.of(
                ranking("专业部门综合评价排名", "部门", deptColumns, stats.report("department", p.from(), p.to()).rows(),
                        DEPARTMENT_SCORE, r -> java.util.Arrays.asList((double) r.filed(), r.disposeRate(), r.inTimeDisposeRate(),
                                r.reworkRate())),
                ranking("城区综合评价排名", "城区", areaColumns, stats.report("district", p.from(), p.to()).rows(),
                        AREA_SCORE, StatsReportSource::areaValues),
                ranking("街道综合评价排名", "街道", areaColumns, stats.report("street", p.from(), p.to()).rows(),
                        AREA_SCORE, StatsReportSource::areaValues));
        List<TrendPoint> trend = queries.daily(p.from(), p.to()).stream()
                .map(d -> new TrendPoint(d.day(), d.received(), d.closed())).toList();
        List<ClassCount> classes = queries.classes(p.from(), p.to(), TOP_CLASSES).stream()
                .map(c -> new ClassCount(c.code(), names.of(names.classes(), c.code()), c.count())).toList();
        List<HotSpot> spots = queries.grids(p.from(), p.to(), TOP_GRIDS).stream()
                .map(c -> new HotSpot(c.code(), place(names, c.districtCode(), c.streetCode()), c.count())).toList();
        String title = p.label() + TITLES.get(p.kind());
        return new Report(p.kind(), title, issuer, p.label(), generatedAt, kpis, rankings, trend, classes, spots,
                ledger(p, names), List.of(
                        "统计口径：按案件上报时间统计；处置率＝处置数/应处置数，结案率＝结案数/应结案数，按期结案率＝按期结案数/应结案数，返工率＝返工数/应结案数。",
                        "专业部门综合指标值＝立案数分值×10%＋处置率×30%＋按期处置率×30%＋（1－返工率）×30%；城区、街道综合指标值＝结案率×40%＋按期结案率×40%＋（1－返工率）×20%。",
                        "评价等级：A≥90分，B≥75分，C≥60分，D≥40分，E<40分；每张排名表红色标注后三位（不足六个单位时标注后一半）。"));
    }

    private static List<Double> areaValues(Stats.Row r) {
        return java.util.Arrays.asList((double) r.filed(), r.closeRate(), r.inTimeCloseRate(), r.reworkRate());
    }

    private static Ranking ranking(String title, String unit, List<Column> columns, List<Stats.Row> rows, List<Term> score,
                                   java.util.function.Function<Stats.Row, List<Double>> values) {
        List<Rankings.Scored> units = new ArrayList<>();
        for (Stats.Row r : rows) {
            double s = 0;
            for (Term t : score) {
                double f = t.figure().applyAsDouble(r);
                s += t.weight() * 100 * (t.lowerIsBetter() ? 1 - f : f);
            }
            units.add(new Rankings.Scored(r.key(), r.name() == null ? r.key() : r.name(), new ArrayList<>(values.apply(r)),
                    Math.round(s * 100) / 100.0));
        }
        return new Ranking(title, unit, columns, Rankings.rank(units, GradeBands.STANDARD, WORST_MARKED));
    }

    static double points(long filed) {
        for (Step s : FILED_POINTS) {
            if (filed <= s.upTo()) {
                return s.points();
            }
        }
        return 0;
    }

    private static double full(Double rate) {
        return rate == null ? 1 : rate;
    }

    private static double nil(Double rate) {
        return rate == null ? 0 : rate;
    }

    private Ledger ledger(ReportPeriod p, ReportQueries.Names names) {
        List<LedgerRow> rows = new ArrayList<>();
        long assigned = 0;
        long closed = 0;
        long overdue = 0;
        for (Cases.DifficultCase d : cases.difficult(READER)) {
            if (!d.listedAt().isBefore(p.to())) {
                continue; // listed after the period: not yet in this report's ledger
            }
            Cases.Case c = d.item();
            boolean isClosed = "closed".equals(c.state());
            assigned += d.assignedAt() != null && d.assignedAt().isBefore(p.to()) ? 1 : 0;
            closed += isClosed ? 1 : 0;
            overdue += c.overdue() ? 1 : 0;
            rows.add(new LedgerRow(c.caseNo(), names.of(names.classes(), c.smallCode()),
                    place(names, c.districtCode(), c.streetCode()),
                    names.of(names.departments(), c.departmentCode()), day(d.listedAt()),
                    d.assignedAt() == null || !d.assignedAt().isBefore(p.to()) ? null : day(d.assignedAt()),
                    STATE_NAMES.getOrDefault(c.state(), c.state()), c.overdue(), d.note()));
        }
        rows.sort(java.util.Comparator.comparing(LedgerRow::listed).thenComparing(LedgerRow::caseNo));
        return new Ledger(rows.size(), assigned, closed, overdue, rows);
    }

    /** 红旗区西街街道; a missing level is left out rather than shown as a dash. */
    private static String place(ReportQueries.Names names, String district, String street) {
        String d = district == null ? "" : names.of(names.divisions(), district);
        String s = street == null ? "" : names.of(names.divisions(), street);
        return d.isEmpty() && s.isEmpty() ? "—" : d + s;
    }

    private static LocalDate day(Instant i) {
        return LocalDate.ofInstant(i, ReportPeriod.ZONE);
    }

    /** City totals of a period, summed over districts (a case without a district is not in any figure). */
    private record Totals(long reported, long filed, long dispatched, long disposed, long shouldClose, long closed,
                          long closedInTime, long rework) {
        Double disposeRate() {
            return dispatched == 0 ? null : (double) disposed / dispatched;
        }

        Double closeRate() {
            return shouldClose == 0 ? null : (double) closed / shouldClose;
        }

        Double inTimeCloseRate() {
            return shouldClose == 0 ? null : (double) closedInTime / shouldClose;
        }

        Double reworkRate() {
            return shouldClose == 0 ? null : (double) rework / shouldClose;
        }
    }

    private Totals totals(ReportPeriod p) {
        long[] t = new long[8];
        for (Stats.Row r : stats.report("district", p.from(), p.to()).rows()) {
            t[0] += r.reported();
            t[1] += r.filed();
            t[2] += r.dispatched();
            t[3] += r.disposed();
            t[4] += r.shouldClose();
            t[5] += r.closed();
            t[6] += r.closedInTime();
            t[7] += r.rework();
        }
        return new Totals(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7]);
    }
}
