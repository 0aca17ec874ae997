package cn.tongguan.console.wall;

import cn.tongguan.api.Events;
import cn.tongguan.api.Lifeline;
import cn.tongguan.api.Reference;
import cn.tongguan.console.i18n.Messages;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The wall's lifeline picture, kept from events: each sensor's mark on the map (level colour, depth label,
 * flashing while an alarm is ACTIVE, steady once acknowledged, grey when NODATA, an underpass closed from
 * 25 cm), the water-level panel and the alarm ticker (raised, acknowledged by whom, cleared, no data). Water
 * alarms drive the {@link AlarmResponse}. Plain JavaFX collections, no controls: tested without the toolkit;
 * called on the FX thread.
 */
public final class LifelineViewModel {
    /** One sensor on the map; {@code style} is its CSS class (level-red, sensor-nodata, sensor-closed …). */
    public record SensorMark(String id, String name, String kind, double lng, double lat, Double depth, String level,
                             String state, boolean flashing, boolean closed, String style, String label) {
    }

    /** One gauge of the water panel, deepest first. */
    public record GaugeRow(String id, String name, String kind, double depth, String level, boolean closed,
                           boolean noData) {
    }

    private static final int MAX_TICKER = 50;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));
    private static final Set<String> WATER_KINDS = Set.of("waterlogging", "underpass");

    private final Messages messages;
    private final SensorLevels levels;
    private final AlarmResponse response;
    private final Map<String, Reference.Sensor> sensors = new LinkedHashMap<>();
    private final Map<String, Double> depth = new HashMap<>();
    private final Map<String, String> state = new HashMap<>();
    private final Map<Long, Lifeline.Alarm> alarms = new LinkedHashMap<>();
    private final ObservableMap<String, SensorMark> marks = FXCollections.observableHashMap();
    private final ObservableList<GaugeRow> gauges = FXCollections.observableArrayList();
    private final ObservableList<String> ticker = FXCollections.observableArrayList();

    /** {@code response} may be null (a wall without the rainstorm response, e.g. in tests of the map alone). */
    public LifelineViewModel(Messages messages, SensorLevels levels, AlarmResponse response) {
        this.messages = messages;
        this.levels = levels;
        this.response = response;
    }

    /** The state after a (re)connection: every sensor and the alarms not yet cleared. */
    public void loaded(List<Reference.Sensor> all, List<Lifeline.Alarm> active) {
        sensors.clear();
        all.forEach(s -> sensors.put(s.id(), s));
        all.forEach(s -> {
            if (s.lastValue() != null) {
                depth.put(s.id(), s.lastValue());
            }
        });
        alarms.clear();
        active.stream().filter(a -> !"CLEARED".equals(a.state())).forEach(a -> alarms.put(a.id(), a));
        if (response != null) {
            response.keepOnly(alarms.keySet());
            alarms.values().forEach(a -> response.raised(a, sensors.get(a.sensorId())));
        }
        marks.keySet().retainAll(sensors.keySet());
        sensors.keySet().forEach(this::remark);
        regauge();
    }

    /** A reading of a sensor's main quantity (depth, level) moves its mark; other quantities do not. */
    public void reading(Events.SensorReading r) {
        if (!sensors.containsKey(r.sensorId()) || (r.quantity() != null && !Set.of("depth", "level").contains(r.quantity()))) {
            return;
        }
        depth.put(r.sensorId(), r.value());
        remark(r.sensorId());
        regauge();
    }

    public void sensorStatus(Lifeline.SensorStatus s) {
        Reference.Sensor sensor = sensors.get(s.sensorId());
        if (sensor == null) {
            return;
        }
        String before = state.put(s.sensorId(), s.state());
        Instant at = s.lastHeartbeatAt() != null ? s.lastHeartbeatAt() : s.lastAt();
        if ("NODATA".equals(s.state()) && !"NODATA".equals(before)) {
            tick(messages.text("wall.alarm.nodata", time(at), sensor.name()));
        } else if ("NODATA".equals(before) && !"NODATA".equals(s.state())) {
            tick(messages.text("wall.alarm.back", time(s.lastAt()), sensor.name()));
        }
        if (s.lastValue() != null) {
            depth.put(s.sensorId(), s.lastValue());
        }
        remark(s.sensorId());
        regauge();
    }

    /** {@code alarm.raised}, {@code alarm.acknowledged} or {@code alarm.cleared}. */
    public void alarm(String type, Lifeline.Alarm a) {
        String place = sensors.containsKey(a.sensorId()) ? sensors.get(a.sensorId()).name() : a.sensorId();
        switch (type) {
            case "alarm.raised" -> {
                alarms.put(a.id(), a);
                tick(messages.text("wall.alarm.raised", time(a.raisedAt()), place, kind(a.kind()), a.value(),
                        levelName(a.level())));
                if (response != null) {
                    response.raised(a, sensors.get(a.sensorId()));
                }
            }
            case "alarm.acknowledged" -> {
                alarms.put(a.id(), a);
                tick(messages.text("wall.alarm.acknowledged", time(a.acknowledgedAt()), place, kind(a.kind()),
                        a.acknowledgedBy() == null ? "—" : a.acknowledgedBy()));
            }
            case "alarm.cleared" -> {
                alarms.remove(a.id());
                tick(messages.text("wall.alarm.cleared", time(a.clearedAt()), place, kind(a.kind()),
                        a.clearedBy() == null ? "—" : a.clearedBy()));
                if (response != null) {
                    response.cleared(a);
                }
            }
            default -> {
                return;
            }
        }
        remark(a.sensorId());
        regauge();
    }

    private void remark(String id) {
        Reference.Sensor s = sensors.get(id);
        if (s == null) {
            return;
        }
        boolean water = WATER_KINDS.contains(s.kind());
        Double d = depth.get(id);
        List<Lifeline.Alarm> open = alarms.values().stream().filter(a -> id.equals(a.sensorId())).toList();
        String level = water && d != null ? levels.level(d) : SensorLevels.NONE;
        for (Lifeline.Alarm a : open) {
            level = SensorLevels.max(level, a.level());
        }
        boolean flashing = open.stream().anyMatch(a -> "ACTIVE".equals(a.state()));
        boolean noData = "NODATA".equals(state.get(id));
        boolean closed = !noData && d != null && levels.closed(s.kind(), d);
        String st = noData ? "NODATA" : open.isEmpty() ? "OK" : "ALARM";
        String style = noData ? "sensor-nodata" : closed ? "sensor-closed" : "level-" + level.toLowerCase(java.util.Locale.ROOT);
        String label = noData ? messages.text("wall.sensor.nodata")
                : closed ? messages.text("wall.sensor.closed", d)
                : water && d != null ? messages.text("wall.sensor.depth", d) : "";
        marks.put(id, new SensorMark(id, s.name(), s.kind(), s.lng(), s.lat(), d, level, st, flashing && !noData, closed,
                style, label));
    }

    private void regauge() {
        List<GaugeRow> rows = new ArrayList<>();
        for (Reference.Sensor s : sensors.values()) {
            SensorMark m = marks.get(s.id());
            if (m == null || !WATER_KINDS.contains(s.kind())) {
                continue;
            }
            rows.add(new GaugeRow(s.id(), s.name(), s.kind(), m.depth() == null ? 0 : m.depth(),
                    m.level().toLowerCase(java.util.Locale.ROOT), m.closed(), "NODATA".equals(m.state())));
        }
        rows.sort((a, b) -> Double.compare(b.depth(), a.depth()));
        if (!rows.equals(gauges)) {
            gauges.setAll(rows);
        }
    }

    private void tick(String line) {
        ticker.add(0, line);
        if (ticker.size() > MAX_TICKER) {
            ticker.remove(MAX_TICKER, ticker.size());
        }
    }

    private static String time(Instant at) {
        return at == null ? "—" : CLOCK.format(at);
    }

    private String kind(String kind) {
        return switch (kind == null ? "" : kind) {
            case "WATER_DEPTH" -> messages.text("wall.alarm.kind.waterDepth");
            case "UNDERPASS_LEVEL" -> messages.text("wall.alarm.kind.underpass");
            case "MANHOLE_TILT" -> messages.text("wall.alarm.kind.tilt");
            case "MANHOLE_DISPLACEMENT" -> messages.text("wall.alarm.kind.displacement");
            case "MANHOLE_OVERFLOW" -> messages.text("wall.alarm.kind.overflow");
            case "LOW_BATTERY" -> messages.text("wall.alarm.kind.battery");
            case "NO_DATA" -> messages.text("wall.alarm.kind.noData");
            default -> kind;
        };
    }

    private String levelName(String level) {
        return switch (level == null ? "" : level) {
            case "BLUE" -> messages.text("wall.level.blue");
            case "YELLOW" -> messages.text("wall.level.yellow");
            case "ORANGE" -> messages.text("wall.level.orange");
            case "RED" -> messages.text("wall.level.red");
            default -> "—";
        };
    }

    /** Sensor ids with an alarm not yet cleared. */
    public Set<String> alarmedSensors() {
        return alarms.values().stream().map(Lifeline.Alarm::sensorId).collect(Collectors.toSet());
    }

    public ObservableMap<String, SensorMark> marks() {
        return marks;
    }

    public ObservableList<GaugeRow> gauges() {
        return gauges;
    }

    public ObservableList<String> ticker() {
        return ticker;
    }
}
