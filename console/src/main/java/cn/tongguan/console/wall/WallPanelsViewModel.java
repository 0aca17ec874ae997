package cn.tongguan.console.wall;

import cn.tongguan.api.Cases;
import cn.tongguan.api.Reference;
import cn.tongguan.api.Stats;
import cn.tongguan.console.i18n.Messages;
import cn.tongguan.console.sync.WallData;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the wall's figure panels show (KPIs, water levels, alarm ticker, latest cases), derived from each
 * {@link WallData} refresh. Plain JavaFX properties and lists, no controls: tested without the toolkit.
 */
public final class WallPanelsViewModel {
    /** One gauge: its level decides the colour (none, blue, yellow, orange, red). */
    public record GaugeRow(String id, String name, String kind, double depth, String level, boolean closed) {
    }

    private static final int MAX_ALARMS = 50;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

    private final Messages messages;
    private final ReadOnlyStringWrapper received = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper dispatched = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper closed = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper overdue = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper disposeRate = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper closeRate = new ReadOnlyStringWrapper("—");
    private final ObservableList<String> districts = FXCollections.observableArrayList();
    private final ObservableList<GaugeRow> gauges = FXCollections.observableArrayList();
    private final ObservableList<String> alarms = FXCollections.observableArrayList();
    private final ObservableList<String> cases = FXCollections.observableArrayList();
    private final Set<String> alarmed = new HashSet<>();
    private final java.util.function.Function<String, String> states;
    private AlarmResponse response;

    /** {@code states} names a workflow state in the UI language. */
    public WallPanelsViewModel(Messages messages, java.util.function.Function<String, String> states) {
        this.messages = messages;
        this.states = states;
    }

    /** Who acts on alarms raised and cleared (the wall's rainstorm response); optional. */
    public void respondWith(AlarmResponse alarmResponse) {
        this.response = alarmResponse;
    }

    /** Applies one refresh (on the FX thread). */
    public void update(WallData data) {
        kpis(data.today());
        gauges(data.at(), data.gauges());
        cases.setAll(data.recentCases().stream().map(this::caseLine).toList());
    }

    private void kpis(Stats.Report report) {
        long rep = 0;
        long disp = 0;
        long disposed = 0;
        long shouldClose = 0;
        long cl = 0;
        long over = 0;
        List<String> lines = new ArrayList<>();
        for (Stats.Row row : report.rows()) {
            rep += row.reported();
            disp += row.dispatched();
            disposed += row.disposed();
            shouldClose += row.shouldClose();
            cl += row.closed();
            over += row.overdueOpen();
            lines.add(messages.text("wall.kpi.district", row.name() == null ? row.key() : row.name(), row.reported(),
                    percent(row.closed(), row.shouldClose())));
        }
        received.set(Long.toString(rep));
        dispatched.set(Long.toString(disp));
        closed.set(Long.toString(cl));
        overdue.set(Long.toString(over));
        disposeRate.set(percent(disposed, disp));
        closeRate.set(percent(cl, shouldClose));
        districts.setAll(lines);
    }

    private void gauges(Instant at, List<Reference.Sensor> sensors) {
        List<GaugeRow> rows = new ArrayList<>();
        for (Reference.Sensor s : sensors) {
            if (!"waterlogging".equals(s.kind()) && !"underpass".equals(s.kind())) {
                continue;
            }
            double depth = s.lastValue() == null ? 0 : s.lastValue();
            String level = WaterLevels.level(s.kind(), depth);
            boolean closedNow = "underpass".equals(s.kind()) && depth >= WaterLevels.UNDERPASS_CLOSED_CM;
            rows.add(new GaugeRow(s.id(), s.name(), s.kind(), depth, level, closedNow));
            boolean alarm = s.threshold() != null && depth >= s.threshold();
            if (alarm && alarmed.add(s.id())) {
                alarms.add(0, messages.text("wall.alarm.raised", CLOCK.format(at), s.name(), depth));
                if (response != null) {
                    response.raised(s);
                }
            } else if (!alarm && alarmed.remove(s.id())) {
                alarms.add(0, messages.text("wall.alarm.cleared", CLOCK.format(at), s.name(), depth));
                if (response != null) {
                    response.cleared(s);
                }
            }
        }
        rows.sort((a, b) -> Double.compare(b.depth(), a.depth()));
        gauges.setAll(rows);
        if (alarms.size() > MAX_ALARMS) {
            alarms.remove(MAX_ALARMS, alarms.size());
        }
    }

    private String caseLine(Cases.Case c) {
        return messages.text("wall.case.line", CLOCK.format(c.reportedAt()), c.caseNo(), c.description(),
                states.apply(c.state()));
    }

    private static String percent(long n, long d) {
        return d == 0 ? "—" : String.format("%.2f%%", 100.0 * n / d);
    }

    public ReadOnlyStringProperty receivedProperty() {
        return received.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty dispatchedProperty() {
        return dispatched.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty closedProperty() {
        return closed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty overdueProperty() {
        return overdue.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty disposeRateProperty() {
        return disposeRate.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty closeRateProperty() {
        return closeRate.getReadOnlyProperty();
    }

    public ObservableList<String> districts() {
        return districts;
    }

    public ObservableList<GaugeRow> gauges() {
        return gauges;
    }

    public ObservableList<String> alarms() {
        return alarms;
    }

    public ObservableList<String> cases() {
        return cases;
    }
}
