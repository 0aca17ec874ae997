package cn.tongguan.platform.evaluation;

import cn.tongguan.api.Stats;
import cn.tongguan.platform.storage.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The figures of {@code GET /api/v1/stats} (the wall's today panel, a table per department, district or street)
 * for the cases reported in [from, to), per group and for the whole city. No formula of its own: every count is
 * one of the evaluation's measures and every rate one of its indicators ({@code indicators.json}), counted by the
 * evaluation's own query, so the wall and the meeting show the same figure for the same cases (ADR 0142).
 */
public final class StatsService {
    /** The measure behind each count of {@link Stats.Row}, in the record's order. */
    static final List<String> COUNTS = List.of("report", "register", "dispatch", "dispose", "inTimeDispose", "needArchive",
            "archive", "inTimeArchive", "rework", "delay", "overdueOpen", "void");
    /** The indicator behind each rate of {@link Stats.Row}, in the record's order (延期率 is its extensionRate). */
    static final List<String> RATES = List.of("disposeRate", "inTimeDisposeRate", "closeRate", "inTimeCloseRate",
            "reworkRate", "delayRate", "overdueRate");

    private final EvaluationModel model;
    private final EvaluationQueries queries;
    private final Clock clock;
    private final List<String> measures;

    public StatsService(Database db, EvaluationModel model, Clock clock) {
        this.model = model;
        this.queries = new EvaluationQueries(db, model);
        this.clock = clock;
        Set<String> all = new LinkedHashSet<>(COUNTS);
        for (String rate : RATES) {
            EvaluationModel.IndicatorDef d = model.indicators().get(rate);
            if (d == null || !d.rate()) {
                throw new IllegalStateException(EvaluationModel.RESOURCE + " has no rate " + rate + " for /api/v1/stats");
            }
            all.add(d.numerator());
            all.add(d.denominator());
        }
        for (String m : all) {
            if (!model.measures().containsKey(m) || model.measures().get(m).step()) {
                throw new IllegalStateException(EvaluationModel.RESOURCE + " has no case measure " + m + " for /api/v1/stats");
            }
        }
        this.measures = List.copyOf(all);
    }

    /** {@code groupBy} is one of the evaluation's case subjects: department, district or street. */
    public Stats.Report report(String groupBy, Instant from, Instant to) {
        EvaluationModel.Subject s = model.subjects().get(groupBy);
        long now = clock.millis();
        Map<String, String> names = queries.names(s.names());
        List<Stats.Row> rows = new ArrayList<>();
        queries.counts(s.key(), false, null, measures, from, to, now)
                .forEach((key, v) -> rows.add(row(key, names.get(key), v)));
        rows.sort(Comparator.comparing(Stats.Row::key));
        Stats.Row total = row(null, null, queries.counts(null, false, null, measures, from, to, now).get(""));
        return new Stats.Report(groupBy, from, to, rows, total);
    }

    private Stats.Row row(String key, String name, long[] v) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < measures.size(); i++) {
            counts.put(measures.get(i), v[i]);
        }
        long[] c = COUNTS.stream().mapToLong(counts::get).toArray();
        Double[] r = RATES.stream().map(id -> model.indicators().get(id).fraction(counts)).toArray(Double[]::new);
        return new Stats.Row(key, name, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10], c[11],
                r[0], r[1], r[2], r[3], r[4], r[5], r[6]);
    }
}
