package cn.tongguan.platform.lifeline;

import cn.tongguan.api.Lifeline;
import cn.tongguan.platform.http.ApiException;
import cn.tongguan.platform.http.Call;
import cn.tongguan.platform.storage.Database;
import cn.tongguan.platform.storage.Sql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The thresholds of V5 (defaults per sensor kind, overrides per sensor), alarm kinds and sensor kinds, held in
 * memory so that a reading is judged without reading them back; replaced as a whole after an administrator's
 * change (copy on write: readers never see half a change).
 */
public final class ThresholdTable {
    /** An alarm kind: what it watches, which way is bad, its hysteresis and the case it files. */
    public record AlarmKind(String kind, String quantity, String direction, double hysteresis, String caseFromLevel,
                            String caseKind, String caseBigCode, String caseSmallCode, String caseUrgency, String name) {
        boolean above() {
            return "above".equals(direction);
        }
    }

    private record Data(Map<String, String> mainQuantity, Map<String, AlarmKind> kinds, List<Lifeline.Threshold> rules) {
    }

    private final Database db;
    private volatile Data data;

    public ThresholdTable(Database db) {
        this.db = db;
        reload();
        // Rules replaced on another platform instance on the same database (ADR 0101).
        db.reloadOnChange(TOPIC, () -> loadedVersion, this::reload);
    }

    private static final String TOPIC = "thresholds";
    /** The {@link #TOPIC} version {@link #data} was read at. */
    private volatile long loadedVersion;

    public static int rank(String level) {
        return Lifeline.LEVELS.indexOf(level);
    }

    public void reload() {
        data = db.read(tx -> {
            loadedVersion = Database.topicVersion(tx, TOPIC);
            Map<String, String> main = new LinkedHashMap<>();
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT kind, main_quantity FROM sensor_kinds");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    main.put(rs.getString(1), rs.getString(2));
                }
            }
            Map<String, AlarmKind> kinds = new LinkedHashMap<>();
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT kind, quantity, direction, hysteresis, "
                    + "case_from_level, case_kind, case_big_code, case_small_code, case_urgency, name FROM alarm_kinds ORDER BY kind");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    kinds.put(rs.getString(1), new AlarmKind(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDouble(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10)));
                }
            }
            List<Lifeline.Threshold> rules = new ArrayList<>();
            try (PreparedStatement ps = tx.connection().prepareStatement("SELECT sensor_kind, sensor_id, alarm_kind, level, rule, "
                    + "threshold, window_s FROM alarm_thresholds");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rules.add(new Lifeline.Threshold(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getDouble(6), Sql.getInt(rs, "window_s")));
                }
            }
            rules.sort(Comparator.comparing(Lifeline.Threshold::sensorKind).thenComparing(Lifeline.Threshold::sensorId)
                    .thenComparing(Lifeline.Threshold::alarmKind).thenComparing(t -> rank(t.level())));
            return new Data(Map.copyOf(main), kinds, List.copyOf(rules));
        });
    }

    /** The quantity a reading without one measures, for a sensor kind (null for an unknown kind). */
    public String mainQuantity(String sensorKind) {
        return data.mainQuantity.get(sensorKind);
    }

    public Optional<AlarmKind> alarmKind(String kind) {
        return Optional.ofNullable(data.kinds.get(kind));
    }

    /** Every quantity some alarm kind watches, plus heartbeat. */
    public boolean knownQuantity(String quantity) {
        return "heartbeat".equals(quantity) || data.mainQuantity.containsValue(quantity)
                || data.kinds.values().stream().anyMatch(k -> k.quantity().equals(quantity));
    }

    /** The rules in force for one sensor: its own rules for an alarm kind replace the kind's defaults. */
    public List<Lifeline.Threshold> effective(String sensorKind, String sensorId) {
        Map<String, List<Lifeline.Threshold>> own = new LinkedHashMap<>();
        Map<String, List<Lifeline.Threshold>> defaults = new LinkedHashMap<>();
        for (Lifeline.Threshold t : data.rules) {
            if (!t.sensorKind().equals(sensorKind)) {
                continue;
            }
            if (t.sensorId().equals(sensorId)) {
                own.computeIfAbsent(t.alarmKind(), k -> new ArrayList<>()).add(t);
            } else if ("*".equals(t.sensorId())) {
                defaults.computeIfAbsent(t.alarmKind(), k -> new ArrayList<>()).add(t);
            }
        }
        List<Lifeline.Threshold> out = new ArrayList<>();
        defaults.forEach((k, rules) -> out.addAll(own.getOrDefault(k, rules)));
        own.forEach((k, rules) -> {
            if (!defaults.containsKey(k)) {
                out.addAll(rules);
            }
        });
        return out;
    }

    /** The rules of one alarm kind in force for a sensor, lowest level first. */
    public List<Lifeline.Threshold> rules(String sensorKind, String sensorId, String alarmKind) {
        return effective(sensorKind, sensorId).stream().filter(t -> t.alarmKind().equals(alarmKind)).toList();
    }

    /**
     * Replaces the rules of {@code scope} ("*" = the defaults of the sensor kind, else one sensor) for every alarm
     * kind named in {@code rules}; an empty list for a sensor removes all of its overrides.
     */
    public void replace(String sensorKind, String scope, List<Lifeline.ThresholdRule> rules) {
        validate(rules);
        db.write(tx -> {
            if (rules.isEmpty() && !"*".equals(scope)) {
                Sql.update(tx.connection(), "DELETE FROM alarm_thresholds WHERE sensor_kind = ? AND sensor_id = ?", sensorKind, scope);
            }
            for (String kind : rules.stream().map(Lifeline.ThresholdRule::alarmKind).distinct().toList()) {
                Sql.update(tx.connection(), "DELETE FROM alarm_thresholds WHERE sensor_kind = ? AND sensor_id = ? AND alarm_kind = ?",
                        sensorKind, scope, kind);
            }
            for (Lifeline.ThresholdRule r : rules) {
                Sql.update(tx.connection(), "INSERT INTO alarm_thresholds (sensor_kind, sensor_id, alarm_kind, level, rule, "
                        + "threshold, window_s) VALUES (?, ?, ?, ?, ?, ?, ?)", sensorKind, scope, r.alarmKind(), r.level(),
                        r.rule(), r.value(), r.windowSeconds() == null ? Sql.NullOf.INTEGER : r.windowSeconds());
            }
            Database.changed(tx, TOPIC);
            return null;
        });
        reload();
    }

    /** Known alarm kinds, the rule that fits the kind, no level twice, and value thresholds ordered by level. */
    private void validate(List<Lifeline.ThresholdRule> rules) {
        Map<String, Lifeline.ThresholdRule> seen = new LinkedHashMap<>();
        for (Lifeline.ThresholdRule r : rules) {
            AlarmKind kind = data.kinds.get(r.alarmKind());
            if (kind == null) {
                throw Call.invalid("alarmKind", "unknown_value");
            }
            boolean missed = "missed".equals(kind.direction());
            if (missed != "missed".equals(r.rule()) || ("rise".equals(r.rule()) && !kind.above())) {
                throw Call.invalid("rule", "unknown_value");
            }
            if (seen.put(r.alarmKind() + "|" + r.level() + "|" + r.rule(), r) != null) {
                throw Call.invalid("level", "duplicate");
            }
        }
        Map<String, List<Lifeline.ThresholdRule>> byKind = new LinkedHashMap<>();
        rules.stream().filter(r -> "value".equals(r.rule()))
                .forEach(r -> byKind.computeIfAbsent(r.alarmKind(), k -> new ArrayList<>()).add(r));
        byKind.forEach((k, list) -> {
            boolean above = data.kinds.get(k).above();
            List<Lifeline.ThresholdRule> sorted = list.stream().sorted(Comparator.comparingInt(r -> rank(r.level()))).toList();
            for (int i = 1; i < sorted.size(); i++) {
                double prev = sorted.get(i - 1).value();
                double cur = sorted.get(i).value();
                if (above ? cur <= prev : cur >= prev) {
                    throw ApiException.unprocessable("thresholds_out_of_order", Map.of("alarmKind", k), k);
                }
            }
        });
    }
}
