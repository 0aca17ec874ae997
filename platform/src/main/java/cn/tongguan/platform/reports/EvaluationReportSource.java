package cn.tongguan.platform.reports;

import cn.tongguan.api.Evaluation;
import cn.tongguan.platform.cases.CaseQueries;
import cn.tongguan.platform.evaluation.EvaluationModel;
import cn.tongguan.platform.evaluation.EvaluationService;
import cn.tongguan.platform.evaluation.EvaluationSettings;
import cn.tongguan.platform.evaluation.Periods;
import cn.tongguan.platform.storage.Database;
import cn.tongguan.reports.model.ClassCount;
import cn.tongguan.reports.model.Column;
import cn.tongguan.reports.model.Grade;
import cn.tongguan.reports.model.HotSpot;
import cn.tongguan.reports.model.Kpi;
import cn.tongguan.reports.model.RankRow;
import cn.tongguan.reports.model.Ranking;
import cn.tongguan.reports.model.Report;
import cn.tongguan.reports.model.ReportKind;
import cn.tongguan.reports.model.TrendPoint;
import cn.tongguan.reports.model.Unit;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Maps the evaluation (综合评价, {@link EvaluationService}) into a report, so that the PDF and XLSX show the
 * figures, composites, grades, ranks and last three the meeting view and {@code GET /api/v1/evaluation} show for
 * the same period: the summary (headline figures with 环比 and 同比, trend, classes, hot grids) and one ranking per
 * {@link #TABLES} entry. The ledger comes from the difficult-case ledger ({@link ReportLedger}). Rates arrive in
 * percent and go into the report model as fractions; composites stay on the 0..100 scale, unrounded.
 */
public final class EvaluationReportSource implements ReportSource {
    /** A ranking table: evaluation subject type, title, name-column header and the indicators shown as columns. */
    public record Table(String subject, String title, String unitLabel, List<String> columns) {
    }

    public static final List<Table> TABLES = List.of(
            new Table("department", "专业部门综合评价排名", "部门", List.of("filed", "disposeRate", "inTimeDisposeRate", "reworkRate")),
            new Table("district", "城区综合评价排名", "城区", List.of("filed", "closeRate", "inTimeCloseRate", "inspectorReportRate")),
            new Table("street", "街道综合评价排名", "街道", List.of("filed", "closeRate", "inTimeCloseRate", "inspectorReportRate")));
    /** The office that issues the reports (the red head of the PDF). */
    public static final String ISSUER = "新乡市城市运行管理服务中心";
    /** Titles by kind, after the period label: 2026年10月 + 城市运行管理服务月度考核通报. */
    static final Map<ReportKind, String> TITLES = Map.of(ReportKind.DAILY, "城市运行管理服务日统计",
            ReportKind.WEEKLY, "城市运行管理服务周通报", ReportKind.MONTHLY, "城市运行管理服务月度考核通报");
    /** Evaluation period kinds of the report kinds ({@code month:2026-10} for the monthly report 2026-10). */
    static final Map<ReportKind, String> PERIOD_KINDS = Map.of(ReportKind.DAILY, "day", ReportKind.WEEKLY, "week",
            ReportKind.MONTHLY, "month");

    private final EvaluationService evaluation;
    private final EvaluationSettings settings;
    private final ReportQueries queries;
    private final ReportLedger ledger;
    private final String issuer;

    public EvaluationReportSource(EvaluationService evaluation, EvaluationSettings settings, CaseQueries cases, Database db,
                                  String issuer) {
        this.evaluation = evaluation;
        this.settings = settings;
        this.queries = new ReportQueries(db);
        this.ledger = new ReportLedger(cases);
        this.issuer = issuer;
    }

    /** The evaluation's period for a report's period (same days; 同比 of a week follows the evaluation: same ISO week). */
    static Periods.Span span(ReportPeriod p) {
        return Periods.parse(PERIOD_KINDS.get(p.kind()) + ":" + p.code());
    }

    @Override
    public Report build(ReportPeriod p, Instant generatedAt) {
        Periods.Span span = span(p);
        ReportQueries.Names names = queries.names();
        Evaluation.Summary summary = evaluation.summary(span);
        EvaluationModel model = evaluation.model();
        List<Kpi> kpis = new ArrayList<>();
        for (Evaluation.Figure f : summary.figures()) {
            boolean rate = model.indicators().get(f.id()).denominator() != null;
            kpis.add(new Kpi(f.name(), rate ? Unit.PERCENT : Unit.COUNT, fraction(f.value(), rate),
                    fraction(f.previous(), rate), fraction(f.lastYear(), rate), !Evaluation.lowerIsBetter(f.id())));
        }
        List<Ranking> rankings = new ArrayList<>();
        for (Table t : TABLES) {
            rankings.add(ranking(t, evaluation.report(t.subject(), span), model));
        }
        List<TrendPoint> trend = summary.trend().stream()
                .map(d -> new TrendPoint(LocalDate.parse(d.date()), d.received(), d.closed())).toList();
        List<ClassCount> classes = summary.topClasses().stream()
                .map(c -> new ClassCount(c.key(), c.name() != null ? c.name() : names.of(names.classes(), c.key()), c.count()))
                .toList();
        Map<String, ReportQueries.Place> places = queries.places(
                summary.hotGrids().stream().map(Evaluation.Top::key).toList(), p.from(), p.to());
        List<HotSpot> spots = summary.hotGrids().stream().map(g -> {
            ReportQueries.Place at = places.get(g.key());
            return new HotSpot(g.key(), at == null ? "—" : ReportLedger.place(names, at.districtCode(), at.streetCode()),
                    g.count());
        }).toList();
        return new Report(p.kind(), p.label() + TITLES.get(p.kind()), issuer, p.label(), generatedAt, kpis, rankings,
                trend, classes, spots, ledger.of(p, names), notes(model));
    }

    private static Double fraction(Double v, boolean rate) {
        if (v == null || !rate) {
            return v; // (a ternary here would unbox the null)
        }
        return v / 100;
    }

    /** The evaluation's rows with a composite, in its order, with its rank and grade; the meeting's last three marked. */
    static Ranking ranking(Table t, Evaluation.Report report, EvaluationModel model) {
        List<Column> columns = t.columns().stream().map(id -> {
            EvaluationModel.IndicatorDef d = model.indicators().get(id);
            return new Column(d.name(), d.denominator() == null ? Unit.COUNT : Unit.PERCENT);
        }).toList();
        List<Evaluation.Row> rows = report.rows().stream().filter(r -> r.composite() != null).toList();
        List<RankRow> out = new ArrayList<>(rows.size());
        boolean[] last = Evaluation.lastPlaces(rows.stream().map(Evaluation.Row::composite).toList());
        for (int i = 0; i < rows.size(); i++) {
            Evaluation.Row r = rows.get(i);
            List<Double> values = new ArrayList<>();
            for (String id : t.columns()) {
                values.add(fraction(r.rates().get(id), model.indicators().get(id).denominator() != null));
            }
            boolean worst = last[i];
            out.add(new RankRow(r.rank(), r.key(), r.name() == null ? r.key() : r.name(), values, r.composite(),
                    grade(r.grade()), worst));
        }
        return new Ranking(t.title(), t.unitLabel(), columns, out);
    }

    /** The report model knows grades A–E; bands the administrator named otherwise make generation fail loudly. */
    private static Grade grade(String g) {
        try {
            return Grade.valueOf(g);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException("grade " + g + " is not one of A–E, which reports can show", e);
        }
    }

    /** The method notes, written from the formulas and the weights and grade bands in force. */
    private List<String> notes(EvaluationModel model) {
        List<String> out = new ArrayList<>();
        out.add("统计口径：按案件上报时间统计当期案件（综合评价口径，与月联席会议及综合评价接口一致）；比率为分子数/分母数，分母为零时不计。");
        for (Table t : TABLES) {
            Map<String, Double> weights = settings.weights(t.subject());
            List<EvaluationModel.Component> parts = model.subjects().get(t.subject()).composite();
            double total = parts.stream().mapToDouble(c -> weights.getOrDefault(c.id(), c.weight())).sum();
            String formula = parts.stream().filter(c -> weights.getOrDefault(c.id(), c.weight()) > 0).map(c -> {
                String name = model.indicators().get(c.indicator()).name();
                String term = c.table() != null ? name + "分值" : c.invert() ? "（100－" + name + "）" : name;
                return term + "×" + String.format(Locale.ROOT, "%.0f%%", 100 * weights.getOrDefault(c.id(), c.weight()) / total);
            }).collect(Collectors.joining("＋"));
            out.add(model.subjects().get(t.subject()).name() + "综合指标值＝" + formula + "（缺少数据的分项不计，其余权重按比例放大）。");
        }
        out.add("评价等级：" + settings.grades().stream()
                .map(g -> g.grade() + "≥" + String.format(Locale.ROOT, "%.0f", g.min()) + "分").collect(Collectors.joining("，"))
                + "；每张排名表红色标注后三位（不足四个单位时不标注，与前一位并列者不标注）。");
        return out;
    }
}
