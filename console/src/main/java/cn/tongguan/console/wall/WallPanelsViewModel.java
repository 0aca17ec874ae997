package cn.tongguan.console.wall;

import cn.tongguan.api.Cases;
import cn.tongguan.api.Stats;
import cn.tongguan.console.i18n.Messages;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the wall's figure panels show: today's KPIs (from the slow periodic read of the aggregates) and the latest
 * open cases (kept from {@code case.*} events). Plain JavaFX properties and lists, no controls: tested without
 * the toolkit; called on the FX thread.
 */
public final class WallPanelsViewModel {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

    private final Messages messages;
    private final int maxCases;
    private final ReadOnlyStringWrapper received = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper dispatched = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper closed = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper overdue = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper disposeRate = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper closeRate = new ReadOnlyStringWrapper("—");
    private final ObservableList<String> districts = FXCollections.observableArrayList();
    private final ObservableList<String> cases = FXCollections.observableArrayList();
    /** The open cases shown, newest report first, by id. */
    private final Map<Long, Cases.Case> recent = new LinkedHashMap<>();
    private final java.util.function.Function<String, String> states;

    /** {@code states} names a workflow state in the UI language; {@code maxCases} bounds the queue panel. */
    public WallPanelsViewModel(Messages messages, java.util.function.Function<String, String> states, int maxCases) {
        this.messages = messages;
        this.states = states;
        this.maxCases = maxCases;
    }

    /** The latest open cases as read after a (re)connection. */
    public void recent(List<Cases.Case> latest) {
        recent.clear();
        latest.forEach(c -> recent.put(c.id(), c));
        showCases();
    }

    /** A {@code case.*} event: a new or changed case enters, moves or (when closed) leaves the queue panel. */
    public void caseChanged(Cases.Case c) {
        Cases.Case before = recent.remove(c.id());
        if (c.closedAt() == null && !"closed".equals(c.state()) && !"cancelled".equals(c.state())) {
            recent.put(c.id(), c);
        } else if (before == null) {
            return;
        }
        showCases();
    }

    private void showCases() {
        List<Cases.Case> newest = recent.values().stream()
                .sorted(Comparator.comparing(Cases.Case::reportedAt).reversed()).limit(maxCases).toList();
        recent.keySet().retainAll(newest.stream().map(Cases.Case::id).collect(java.util.stream.Collectors.toSet()));
        cases.setAll(newest.stream().map(this::caseLine).toList());
    }

    /** Today's figures by district. */
    public void today(Stats.Report report) {
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

    private String caseLine(Cases.Case c) {
        return messages.text("wall.case.line", CLOCK.format(c.reportedAt()), c.caseNo(), c.description(),
                states.apply(c.state()));
    }

    private static String percent(long n, long d) {
        return d == 0 ? "—" : String.format(java.util.Locale.ROOT, "%.2f%%", 100.0 * n / d);
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

    public ObservableList<String> cases() {
        return cases;
    }
}
