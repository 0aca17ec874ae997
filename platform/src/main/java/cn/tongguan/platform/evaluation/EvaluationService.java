package cn.tongguan.platform.evaluation;

import cn.tongguan.api.Evaluation;
import cn.tongguan.platform.http.ApiException;
import cn.tongguan.platform.storage.Database;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 综合评价 (domain.md §4): figures per subject type for any period, ranked by composite with a grade; the
 * period's summary against the previous period and the same period last year; the cases behind any figure.
 * Formulas come from {@link EvaluationModel}; weights and grade bands from {@link EvaluationSettings}.
 */
public final class EvaluationService {
    private static final int TOP = 10;

    private final EvaluationModel model;
    private final EvaluationQueries queries;
    private final EvaluationSettings settings;
    private final Clock clock;

    public EvaluationService(Database db, EvaluationModel model, EvaluationSettings settings, Clock clock) {
        this.model = model;
        this.queries = new EvaluationQueries(db, model);
        this.settings = settings;
        this.clock = clock;
    }

    public EvaluationModel model() {
        return model;
    }

    private EvaluationModel.Subject subject(String type) {
        EvaluationModel.Subject s = type == null ? null : model.subjects().get(type);
        if (s == null) {
            throw new ApiException(400, "invalid_parameter", Map.of("parameter", "subject", "allowed",
                    List.copyOf(model.subjects().keySet())), "subject");
        }
        return s;
    }

    public Evaluation.Report report(String type, Periods.Span span) {
        EvaluationModel.Subject s = subject(type);
        Evaluation.Period period = span.period();
        List<String> measures = model.measuresOf(type);
        Map<String, long[]> counts = queries.counts(s.key(), s.step(), s.role(), measures, period.from(), period.to(),
                clock.millis());
        Map<String, String> names = queries.names(s.names());
        Map<String, Double> weights = settings.weights(type);
        List<Evaluation.GradeBand> grades = settings.grades();
        List<Evaluation.Row> rows = new ArrayList<>();
        counts.forEach((key, v) -> {
            Map<String, Long> byMeasure = new LinkedHashMap<>();
            for (int i = 0; i < measures.size(); i++) {
                byMeasure.put(measures.get(i), v[i]);
            }
            Map<String, Double> rates = new LinkedHashMap<>();
            for (String ind : s.indicators()) {
                Double value = value(ind, byMeasure);
                if (value != null) {
                    rates.put(ind, value); // absent on a zero denominator, as documented
                }
            }
            Double composite = composite(s, weights, byMeasure);
            rows.add(new Evaluation.Row(key, names.get(key), byMeasure, rates, composite, grade(composite, grades), null));
        });
        rows.sort(Comparator.comparing(Evaluation.Row::composite, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Evaluation.Row::key));
        List<Evaluation.Row> ranked = new ArrayList<>(rows.size());
        for (Evaluation.Row r : rows) {
            Integer rank = null;
            if (r.composite() != null) {
                rank = 1 + (int) rows.stream().filter(o -> o.composite() != null && o.composite() > r.composite()).count();
            }
            ranked.add(new Evaluation.Row(r.key(), r.name(), r.counts(), r.rates(), r.composite(), r.grade(), rank));
        }
        List<Evaluation.Indicator> defs = new ArrayList<>();
        for (String ind : s.indicators()) {
            EvaluationModel.IndicatorDef d = model.indicators().get(ind);
            defs.add(new Evaluation.Indicator(ind, d.name(), d.numerator(), d.denominator()));
        }
        return new Evaluation.Report(type, period, defs, ranked);
    }

    /** An indicator's value: the count, or numerator / denominator in percent (null on a zero denominator). */
    private Double value(String indicator, Map<String, Long> counts) {
        return model.indicators().get(indicator).value(counts);
    }

    /** Σ weight × score over the components that have a value, divided by the weights of those components. */
    private Double composite(EvaluationModel.Subject s, Map<String, Double> weights, Map<String, Long> counts) {
        double sum = 0;
        double weight = 0;
        for (EvaluationModel.Component c : s.composite()) {
            Double v = value(c.indicator(), counts);
            double w = weights.getOrDefault(c.id(), c.weight());
            if (v == null || w == 0) {
                continue;
            }
            double score;
            if (c.table() != null) {
                score = model.scoreTables().get(c.table()).stream().filter(b -> b.holds(v)).findFirst()
                        .map(EvaluationModel.Band::score).orElse(0.0);
            } else {
                score = c.invert() ? 100 - v : v;
            }
            sum += w * score;
            weight += w;
        }
        return weight == 0 ? null : sum / weight;
    }

    static String grade(Double score, List<Evaluation.GradeBand> bands) {
        if (score == null) {
            return null;
        }
        for (Evaluation.GradeBand b : bands) {
            if (score >= b.min() - 1e-9) {
                return b.grade();
            }
        }
        return bands.get(bands.size() - 1).grade();
    }

    public Evaluation.Summary summary(Periods.Span span) {
        long now = clock.millis();
        Periods.Span prevSpan = span.previous();
        Periods.Span lastSpan = span.lastYear();
        List<String> measures = model.summaryMeasures();
        Map<String, Long> cur = cityCounts(span, measures, now);
        Map<String, Long> prev = cityCounts(prevSpan, measures, now);
        Map<String, Long> last = cityCounts(lastSpan, measures, now);
        List<Evaluation.Figure> figures = new ArrayList<>();
        for (String ind : model.summary()) {
            figures.add(new Evaluation.Figure(ind, model.indicators().get(ind).name(), value(ind, cur), value(ind, prev),
                    value(ind, last)));
        }
        Evaluation.Period p = span.period();
        Map<Long, long[]> daily = queries.daily(p.from(), p.to(), now);
        List<Evaluation.Day> trend = new ArrayList<>();
        for (LocalDate d = span.first(); !d.isAfter(span.last()); d = d.plusDays(1)) {
            long[] v = daily.getOrDefault(d.toEpochDay(), new long[3]);
            trend.add(new Evaluation.Day(d.toString(), v[0], v[1], v[2]));
        }
        List<Evaluation.Top> classes = queries.top("c.small_code", "SELECT code, name FROM categories WHERE level = 'small'",
                p.from(), p.to(), TOP);
        List<Evaluation.Top> grids = queries.placed(queries.top("c.grid_code", null, p.from(), p.to(), TOP));
        return new Evaluation.Summary(p, prevSpan.period(), lastSpan.period(), figures, trend, classes, grids);
    }

    private Map<String, Long> cityCounts(Periods.Span span, List<String> measures, long now) {
        Evaluation.Period p = span.period();
        long[] v = queries.counts(null, false, null, measures, p.from(), p.to(), now).get("");
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < measures.size(); i++) {
            out.put(measures.get(i), v[i]);
        }
        return out;
    }

    /**
     * The cases behind an indicator's numerator or denominator, for one subject ({@code type:key}) or the whole
     * city; the total equals the figure {@link #report} or {@link #summary} shows for the same period.
     */
    public Evaluation.TracePage trace(String indicator, String subject, String part, Periods.Span span, String cursor,
                                      int limit) {
        EvaluationModel.IndicatorDef d = indicator == null ? null : model.indicators().get(indicator);
        if (d == null) {
            throw new ApiException(400, "invalid_parameter", Map.of("parameter", "indicator"), "indicator");
        }
        String which = part == null ? "numerator" : part;
        String measure = switch (which) {
            case "numerator" -> d.numerator();
            case "denominator" -> d.denominator();
            default -> throw new ApiException(400, "invalid_parameter", Map.of("parameter", "part"), "part");
        };
        if (measure == null) {
            throw new ApiException(400, "invalid_parameter", Map.of("parameter", "part"), "part");
        }
        EvaluationModel.Measure m = model.measures().get(measure);
        String key = null;
        String subjectKey = null;
        if (subject != null) {
            int colon = subject.indexOf(':');
            EvaluationModel.Subject s = subject(colon < 0 ? subject : subject.substring(0, colon));
            if (colon < 0 || colon == subject.length() - 1) {
                throw new ApiException(400, "invalid_parameter", Map.of("parameter", "subject"), "subject");
            }
            if (s.step() != m.step() || (s.step() && !s.role().equals(m.role()))) {
                throw new ApiException(400, "not_for_subject", Map.of("indicator", indicator, "subject", subject),
                        indicator, subject);
            }
            key = s.key();
            subjectKey = subject.substring(colon + 1);
        }
        Evaluation.Period p = span.period();
        EvaluationQueries.Trace t = queries.trace(measure, key, subjectKey, p.from(), p.to(), clock.millis(), cursor, limit);
        return new Evaluation.TracePage(indicator, measure, subject, which, p, t.total(), t.items(), t.nextCursor());
    }
}
