package cn.tongguan.console.wall;

import cn.tongguan.api.Events;
import cn.tongguan.api.Lifeline;
import cn.tongguan.console.i18n.Messages;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The trend of one sensor, opened by a click on its mark: the stored readings of the last hours (read in the
 * background) followed by the live readings as they arrive. A panel on the map, never a modal dialog.
 */
public final class SensorTrendViewModel {
    /** Reads a sensor's stored readings in {@code [from, to)} (blocking, on the background executor). */
    public interface History {
        List<Lifeline.Reading> readings(String sensorId, Instant from, Instant to) throws IOException;
    }

    static final Duration WINDOW = Duration.ofHours(6);
    /**
     * What a trend plots for each sensor kind, in the legend's order. A sensor stores every quantity it reports
     * (heartbeats, battery) in one history; plotting them together would draw a cover's 60 % battery as a spike
     * beside its 20° tilt. Gauges plot their depth; covers what their alarms watch (tilt in degrees,
     * displacement and the water under the lid in centimetres, as the platform's alarm kinds do).
     */
    static final Map<String, List<String>> PLOTTED = Map.of(
            "waterlogging", List.of("depth"),
            "underpass", List.of("level"),
            "manhole", List.of("tilt", "displacement", "overflow"));
    private static final List<String> WATER = List.of("depth", "level");
    private static final int MAX_POINTS = 2_000;

    private final Messages messages;
    private final History history;
    private final Executor background;
    private final Executor ui;
    private final Clock clock;
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper axis = new ReadOnlyStringWrapper("");
    private final ObservableList<Lifeline.Reading> points = FXCollections.observableArrayList();
    private final AtomicLong opened = new AtomicLong();
    private String sensorId;
    private List<String> quantities = WATER;

    public SensorTrendViewModel(Messages messages, History history, Executor background, Executor ui, Clock clock) {
        this.messages = messages;
        this.history = history;
        this.background = background;
        this.ui = ui;
        this.clock = clock;
    }

    /**
     * Shows the trend of a sensor of a kind (on the FX thread); a later open wins over an earlier one still
     * loading.
     */
    public void open(String id, String name, String kind) {
        long read = opened.incrementAndGet();
        sensorId = id;
        quantities = PLOTTED.getOrDefault(kind, WATER);
        title.set("manhole".equals(kind) ? messages.text("wall.trend.title.cover", name)
                : messages.text("wall.trend.title", name));
        axis.set("manhole".equals(kind) ? messages.text("wall.trend.axis.cover") : messages.text("wall.trend.axis"));
        note.set(messages.text("wall.trend.loading"));
        points.clear();
        open.set(true);
        Instant to = clock.instant();
        background.execute(() -> {
            try {
                List<String> plotted = quantities;
                List<Lifeline.Reading> stored = history.readings(id, to.minus(WINDOW), to).stream()
                        .filter(r -> plots(plotted, r.quantity())).toList();
                ui.execute(() -> {
                    if (read == opened.get()) {
                        // Live readings that arrived while loading are newer: keep them after the history.
                        List<Lifeline.Reading> live = List.copyOf(points);
                        points.setAll(stored);
                        live.stream().filter(r -> stored.isEmpty() || r.at().isAfter(stored.get(stored.size() - 1).at()))
                                .forEach(points::add);
                        note.set(points.isEmpty() ? messages.text("wall.trend.empty") : "");
                    }
                });
            } catch (IOException | RuntimeException e) {
                ui.execute(() -> {
                    if (read == opened.get()) {
                        note.set(messages.text("wall.trend.failed"));
                    }
                });
            }
        });
    }

    /** A live reading: appended when it belongs to the sensor shown. */
    public void reading(Events.SensorReading r) {
        if (!open.get() || !r.sensorId().equals(sensorId) || !plots(quantities, r.quantity())) {
            return;
        }
        points.add(new Lifeline.Reading(r.sensorId(), r.quantity(), r.value(), r.at()));
        if (points.size() > MAX_POINTS) {
            points.remove(0, points.size() - MAX_POINTS);
        }
        note.set("");
    }

    /** A null quantity is the sensor's main one, which every kind plots first. */
    private static boolean plots(List<String> plotted, String quantity) {
        return quantity == null || plotted.contains(quantity);
    }

    /** The points per plotted quantity, in the legend's order (a null quantity is the main one); one series each. */
    public Map<String, List<Lifeline.Reading>> series() {
        Map<String, List<Lifeline.Reading>> series = new LinkedHashMap<>();
        quantities.forEach(q -> series.put(q, new ArrayList<>()));
        points.forEach(r -> series.get(r.quantity() == null ? quantities.get(0) : r.quantity()).add(r));
        return series;
    }

    /** The series name of a quantity with its unit ("倾斜（度）"). */
    public String quantityName(String quantity) {
        return switch (quantity == null ? quantities.get(0) : quantity) {
            case "tilt" -> messages.text("wall.trend.quantity.tilt");
            case "displacement" -> messages.text("wall.trend.quantity.displacement");
            case "overflow" -> messages.text("wall.trend.quantity.overflow");
            case "level" -> messages.text("wall.trend.quantity.level");
            default -> messages.text("wall.trend.quantity.depth");
        };
    }

    public void close() {
        opened.incrementAndGet();
        open.set(false);
        sensorId = null;
        points.clear();
    }

    public String sensorId() {
        return sensorId;
    }

    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The value axis's label: the unit(s) of what is plotted. */
    public ReadOnlyStringProperty axisProperty() {
        return axis.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    public ObservableList<Lifeline.Reading> points() {
        return points;
    }
}
