package cn.tongguan.platform.evaluation;

import cn.tongguan.api.Evaluation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The evaluation formulas as data ({@code evaluation/indicators.json}): measures (what a case or a step must be
 * to count), indicators (numerator / denominator), score tables, composites per subject type and grade bands.
 * Checked when loaded, so a broken formula file stops the platform at start rather than answering nonsense.
 */
public record EvaluationModel(Map<String, Measure> measures, Map<String, IndicatorDef> indicators,
                              Map<String, List<Band>> scoreTables, Map<String, Subject> subjects, Region region,
                              List<String> summary, List<Evaluation.GradeBand> grades) {
    public static final String RESOURCE = "/evaluation/indicators.json";
    private static final Pattern WORD = Pattern.compile("[a-z_]+");

    /** A count: {@code fact} "case" (cohort cases, alias c) or "step" (their steps by {@code role}, alias t). */
    public record Measure(String name, String fact, String where, String role, List<String> actions, Within within) {
        boolean step() {
            return "step".equals(fact);
        }
    }

    /** The step was done at most {@code minutes} after the step just before it, itself one of the {@code after} actions. */
    public record Within(List<String> after, int minutes) {
    }

    /**
     * A count (no denominator) or a rate in percent. The one formula of every figure: the evaluation, the meeting,
     * the reports and {@code /api/v1/stats} (the wall) all take an indicator's value from here (ADR 0142).
     */
    public record IndicatorDef(String name, String numerator, String denominator) {
        boolean rate() {
            return denominator != null;
        }

        /** The value over measure counts: the count, or numerator / denominator in percent; null on a zero denominator. */
        public Double value(Map<String, Long> counts) {
            long n = counts.get(numerator);
            if (!rate()) {
                return (double) n;
            }
            long den = counts.get(denominator);
            return den == 0 ? null : 100.0 * n / den;
        }

        /** A rate as a fraction 0..1, the unit of {@code /api/v1/stats}; null on a zero denominator or for a count. */
        public Double fraction(Map<String, Long> counts) {
            if (!rate()) {
                return null;
            }
            long den = counts.get(denominator);
            return den == 0 ? null : (double) counts.get(numerator) / den;
        }
    }

    /** A score-table line: first line whose bound holds gives the score (no bound = otherwise). */
    public record Band(Double min, Double max, double score) {
        boolean holds(double v) {
            return (min == null || v >= min) && (max == null || v <= max);
        }
    }

    /** One part of a composite: the indicator's value (or 100 − it, or its count's score) times the weight. */
    public record Component(String id, String indicator, String table, boolean invert, double weight) {
    }

    /** A subject type: how cases or steps are grouped ({@code key}), names, its indicators and composite. */
    public record Subject(String name, String fact, String role, String key, String names, List<String> indicators,
                          List<Component> composite, boolean region) {
        boolean step() {
            return "step".equals(fact);
        }
    }

    /** Indicators and composite shared by district, street and community. */
    public record Region(List<String> indicators, List<Component> composite) {
    }

    public static EvaluationModel load() {
        try (InputStream in = EvaluationModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A formula file read and checked (tests hand in altered copies of the shipped one). */
    static EvaluationModel read(InputStream in) throws IOException {
        ObjectMapper m = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return m.readValue(in, EvaluationModel.class).resolved().validated();
    }

    /** Region subjects take the shared region indicators and composite. */
    private EvaluationModel resolved() {
        Map<String, Subject> out = new LinkedHashMap<>();
        subjects.forEach((id, s) -> out.put(id, s.region()
                ? new Subject(s.name(), s.fact(), s.role(), s.key(), s.names(), region.indicators(), region.composite(), true)
                : s));
        List<Evaluation.GradeBand> sorted = new ArrayList<>(grades);
        sorted.sort(Comparator.comparingDouble(Evaluation.GradeBand::min).reversed());
        return new EvaluationModel(measures, indicators, scoreTables, out, region, summary, List.copyOf(sorted));
    }

    private EvaluationModel validated() {
        measures.forEach((id, ms) -> {
            check(List.of("case", "step").contains(ms.fact()), "measure " + id + ": fact");
            if (ms.step()) {
                check(ms.role() != null && WORD.matcher(ms.role()).matches(), "measure " + id + ": role");
                check(ms.actions() != null && !ms.actions().isEmpty(), "measure " + id + ": actions");
                ms.actions().forEach(a -> check(WORD.matcher(a).matches(), "measure " + id + ": action " + a));
                if (ms.within() != null) {
                    ms.within().after().forEach(a -> check(WORD.matcher(a).matches(), "measure " + id + ": after " + a));
                }
            } else {
                check(ms.where() != null, "measure " + id + ": where");
            }
        });
        indicators.forEach((id, ind) -> {
            check(measures.containsKey(ind.numerator()), "indicator " + id + ": numerator " + ind.numerator());
            check(ind.denominator() == null || measures.containsKey(ind.denominator()),
                    "indicator " + id + ": denominator " + ind.denominator());
        });
        subjects.forEach((id, s) -> {
            for (String ind : s.indicators()) {
                check(indicators.containsKey(ind), "subject " + id + ": indicator " + ind);
            }
            for (Component c : s.composite()) {
                check(indicators.containsKey(c.indicator()), "subject " + id + ": component " + c.id());
                check(c.table() == null || scoreTables.containsKey(c.table()), "subject " + id + ": table " + c.table());
                // The composite scores a rate where lower is better as 100 − rate: the same set the meeting's
                // arrows and the reports' colours read (api Evaluation.LOWER_IS_BETTER), so the two cannot part.
                check(c.table() != null || c.invert() == Evaluation.lowerIsBetter(c.indicator()),
                        "subject " + id + ": component " + c.id() + " invert (lower is better: "
                                + Evaluation.LOWER_IS_BETTER + ")");
            }
            for (String measure : measuresOf(id)) {
                Measure ms = measures.get(measure);
                check(ms.step() == s.step() && (!s.step() || ms.role().equals(s.role())),
                        "subject " + id + ": measure " + measure + " is of another fact or role");
            }
        });
        Evaluation.LOWER_IS_BETTER.forEach(ind -> check(indicators.containsKey(ind) && indicators.get(ind).rate(),
                "lower-is-better indicator " + ind));
        summary.forEach(ind -> check(indicators.containsKey(ind) && !measures.get(indicators.get(ind).numerator()).step(),
                "summary: " + ind));
        check(!grades.isEmpty(), "grades");
        return this;
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("evaluation/indicators.json: bad " + what);
        }
    }

    /** Every measure a subject type's indicators and composite need, in a stable order. */
    public List<String> measuresOf(String subject) {
        Subject s = subjects.get(subject);
        Set<String> out = new LinkedHashSet<>();
        List<String> inds = new ArrayList<>(s.indicators());
        s.composite().forEach(c -> inds.add(c.indicator()));
        for (String ind : inds) {
            IndicatorDef d = indicators.get(ind);
            out.add(d.numerator());
            if (d.denominator() != null) {
                out.add(d.denominator());
            }
        }
        return List.copyOf(out);
    }

    /** Measures of the city-wide summary figures. */
    public List<String> summaryMeasures() {
        Set<String> out = new LinkedHashSet<>();
        for (String ind : summary) {
            IndicatorDef d = indicators.get(ind);
            out.add(d.numerator());
            if (d.denominator() != null) {
                out.add(d.denominator());
            }
        }
        out.add("register");
        out.add("archive");
        return List.copyOf(out);
    }
}
