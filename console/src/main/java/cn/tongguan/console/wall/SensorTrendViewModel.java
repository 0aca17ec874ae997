package cn.tongguan.console.wall;

import cn.tongguan.api.Events;
import cn.tongguan.api.Lifeline;
import cn.tongguan.console.i18n.Messages;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
    private static final int MAX_POINTS = 2_000;

    private final Messages messages;
    private final History history;
    private final Executor background;
    private final Executor ui;
    private final Clock clock;
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
    private final ObservableList<Lifeline.Reading> points = FXCollections.observableArrayList();
    private final AtomicLong opened = new AtomicLong();
    private String sensorId;

    public SensorTrendViewModel(Messages messages, History history, Executor background, Executor ui, Clock clock) {
        this.messages = messages;
        this.history = history;
        this.background = background;
        this.ui = ui;
        this.clock = clock;
    }

    /** Shows the trend of a sensor (on the FX thread); a later open wins over an earlier one still loading. */
    public void open(String id, String name) {
        long read = opened.incrementAndGet();
        sensorId = id;
        title.set(messages.text("wall.trend.title", name));
        note.set(messages.text("wall.trend.loading"));
        points.clear();
        open.set(true);
        Instant to = clock.instant();
        background.execute(() -> {
            try {
                List<Lifeline.Reading> stored = history.readings(id, to.minus(WINDOW), to);
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
        if (!open.get() || !r.sensorId().equals(sensorId)
                || (r.quantity() != null && !"depth".equals(r.quantity()) && !"level".equals(r.quantity()))) {
            return;
        }
        points.add(new Lifeline.Reading(r.sensorId(), r.quantity(), r.value(), r.at()));
        if (points.size() > MAX_POINTS) {
            points.remove(0, points.size() - MAX_POINTS);
        }
        note.set("");
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

    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    public ObservableList<Lifeline.Reading> points() {
        return points;
    }
}
