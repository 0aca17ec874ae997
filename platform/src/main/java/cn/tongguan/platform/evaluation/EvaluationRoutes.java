package cn.tongguan.platform.evaluation;

import cn.tongguan.api.Evaluation;
import cn.tongguan.platform.auth.Role;
import cn.tongguan.platform.http.Call;
import cn.tongguan.platform.http.Router;

/**
 * HTTP routes of the evaluation: figures per subject type, the period's summary, the cases behind a figure, and
 * the weights and grade bands (read by the meeting's people, replaced by the administrator). Departments are
 * not admitted: they would see every other department's row (ADR 0070).
 */
public final class EvaluationRoutes {
    private final EvaluationService service;
    private final EvaluationSettings settings;

    public EvaluationRoutes(EvaluationService service, EvaluationSettings settings) {
        this.service = service;
        this.settings = settings;
    }

    private static Periods.Span span(Call c) {
        return Periods.parse(c.query("period"), c.query("from"), c.query("to"));
    }

    /** The wall shows no personal data (docs/design.md): per-user rows keep their account key, not the person's name. */
    private static Evaluation.Report withoutNames(Evaluation.Report r) {
        return new Evaluation.Report(r.subject(), r.period(), r.indicators(), r.rows().stream()
                .map(x -> new Evaluation.Row(x.key(), null, x.counts(), x.rates(), x.composite(), x.grade(), x.rank()))
                .toList());
    }

    public void register(Router r) {
        r.get("/api/v1/evaluation", Role.STATS, c -> {
            Periods.Span span = span(c);
            Evaluation.Report report = service.report(c.query("subject"), span);
            return c.principal().role() == Role.WALL && service.model().subjects().get(report.subject()).step()
                    ? withoutNames(report) : report;
        });
        r.get("/api/v1/evaluation/summary", Role.STATS, c -> service.summary(span(c)));
        r.get("/api/v1/evaluation/cases", Role.STATS, c -> {
            Integer limit = c.queryInt("limit", 1, 1000);
            Periods.Span span = span(c);
            return service.trace(c.query("indicator"), c.query("subject"), c.query("part"), span, c.query("cursor"),
                    limit == null ? 100 : limit);
        });
        r.get("/api/v1/evaluation/settings", Role.STATS, c -> settings.view());
        r.put("/api/v1/evaluation/settings", Role.ADMIN_ONLY, c -> settings.replace(c.body(Evaluation.Settings.class)));
    }
}
