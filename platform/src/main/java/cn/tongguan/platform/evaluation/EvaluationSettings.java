package cn.tongguan.platform.evaluation;

import cn.tongguan.api.Evaluation;
import cn.tongguan.platform.http.ApiException;
import cn.tongguan.platform.storage.Database;
import cn.tongguan.platform.storage.Sql;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The administrator's overrides of composite weights and grade bands, kept as one JSON row of the
 * {@code settings} table (name {@code evaluation.overrides}) so they change without a release; read on each
 * evaluation (one primary-key read) so every platform process sees a change at once.
 */
public final class EvaluationSettings {
    static final String NAME = "evaluation.overrides";
    private static final int MAX_CHARS = 2000;

    private final Database db;
    private final ObjectMapper mapper;
    private final EvaluationModel model;

    public EvaluationSettings(Database db, ObjectMapper mapper, EvaluationModel model) {
        this.db = db;
        this.mapper = mapper;
        this.model = model;
    }

    public Evaluation.Settings overrides() {
        String json = db.read(tx -> {
            try (PreparedStatement ps = Sql.prepare(tx.connection(), "SELECT val FROM settings WHERE name = ?", NAME);
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
        if (json == null) {
            return new Evaluation.Settings(Map.of(), null);
        }
        try {
            return mapper.readValue(json, Evaluation.Settings.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("settings " + NAME + " is not valid JSON", e);
        }
    }

    /** Component id → weight in force for a subject type. */
    public Map<String, Double> weights(String subject) {
        Map<String, Double> out = new LinkedHashMap<>();
        model.subjects().get(subject).composite().forEach(c -> out.put(c.id(), c.weight()));
        Evaluation.Settings o = overrides();
        if (o.weights() != null && o.weights().get(subject) != null) {
            out.putAll(o.weights().get(subject));
        }
        return out;
    }

    /** Grade bands in force, highest first. */
    public List<Evaluation.GradeBand> grades() {
        Evaluation.Settings o = overrides();
        return o.grades() == null || o.grades().isEmpty() ? model.grades() : sorted(o.grades());
    }

    private static List<Evaluation.GradeBand> sorted(List<Evaluation.GradeBand> bands) {
        List<Evaluation.GradeBand> out = new ArrayList<>(bands);
        out.sort(Comparator.comparingDouble(Evaluation.GradeBand::min).reversed());
        return List.copyOf(out);
    }

    public Evaluation.SettingsView view() {
        List<Evaluation.Composite> composites = new ArrayList<>();
        model.subjects().keySet().forEach(s -> composites.add(new Evaluation.Composite(s, weights(s))));
        return new Evaluation.SettingsView(composites, grades(), overrides());
    }

    /** Replaces the overrides (an empty object restores the defaults); 400 on unknown subjects or components. */
    public Evaluation.SettingsView replace(Evaluation.Settings s) {
        if (s.weights() != null) {
            s.weights().forEach((subject, weights) -> {
                EvaluationModel.Subject def = model.subjects().get(subject);
                if (def == null || weights == null) {
                    throw invalid("weights." + subject, "unknown_value");
                }
                weights.forEach((component, w) -> {
                    if (def.composite().stream().noneMatch(c -> c.id().equals(component))) {
                        throw invalid("weights." + subject + "." + component, "unknown_value");
                    }
                    if (w == null || w.isNaN() || w < 0 || w > 100) {
                        throw invalid("weights." + subject + "." + component, "out_of_range");
                    }
                });
            });
        }
        if (s.grades() != null && s.grades().stream().noneMatch(g -> g.min() == 0)) {
            // Every score must earn some grade: the lowest band starts at 0.
            throw invalid("grades", "out_of_range");
        }
        String json;
        try {
            json = mapper.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (json.length() > MAX_CHARS) {
            throw new ApiException(400, "settings_too_large", Map.of("maxChars", MAX_CHARS));
        }
        db.write(tx -> {
            Sql.update(tx.connection(), "DELETE FROM settings WHERE name = ?", NAME);
            Sql.update(tx.connection(), "INSERT INTO settings (name, val) VALUES (?, ?)", NAME, json);
            return null;
        });
        return view();
    }

    private static ApiException invalid(String field, String reason) {
        return new ApiException(400, "invalid_field", Map.of("field", field, "reason", reason), field, reason);
    }
}
