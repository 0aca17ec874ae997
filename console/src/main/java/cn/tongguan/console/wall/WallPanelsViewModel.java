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

    /**
     * Today's figures: the city's from the platform's total, each district's 结案率 from its row. The platform computes
     * every figure with the evaluation's formulas (ADR 0142); the wall only shows them, so it cannot disagree with the
     * meeting. A platform that sends no total (older than that ADR) leaves the city's figures at "—".
     */
    public void today(Stats.Report report) {
        Stats.Row city = report.total();
        received.set(city == null ? "—" : Long.toString(city.reported()));
        dispatched.set(city == null ? "—" : Long.toString(city.dispatched()));
        closed.set(city == null ? "—" : Long.toString(city.closed()));
        overdue.set(city == null ? "—" : Long.toString(city.overdueOpen()));
        disposeRate.set(city == null ? "—" : percent(city.disposeRate()));
        closeRate.set(city == null ? "—" : percent(city.closeRate()));
        List<String> lines = new ArrayList<>();
        for (Stats.Row row : report.rows()) {
            lines.add(messages.text("wall.kpi.district", row.name() == null ? row.key() : row.name(), row.reported(),
                    percent(row.closeRate())));
        }
        districts.setAll(lines);
    }

    private String caseLine(Cases.Case c) {
        return messages.text("wall.case.line", CLOCK.format(c.reportedAt()), c.caseNo(), c.description(),
                states.apply(c.state()));
    }

    /** A fraction 0..1 as the wall writes it; null (no denominator) as a dash. */
    private static String percent(Double fraction) {
        return fraction == null ? "—" : String.format(java.util.Locale.ROOT, "%.2f%%", 100 * fraction);
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
