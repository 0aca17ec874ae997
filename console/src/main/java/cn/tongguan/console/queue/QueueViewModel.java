package cn.tongguan.console.queue;

import cn.tongguan.api.Json;
import cn.tongguan.console.cache.CacheMeta;
import cn.tongguan.console.cache.CachedCase;
import cn.tongguan.console.cache.CaseCache;
import cn.tongguan.console.cache.Lights;
import cn.tongguan.console.cache.ReferenceData;
import cn.tongguan.console.cache.ReferenceHolder;
import cn.tongguan.console.i18n.Labels;
import cn.tongguan.console.sync.SyncListener;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live case queue: tab, filters, sort, the rows and the counts per tab, all read from the cache on the
 * background executor and handed to the UI executor. Changes from the sync trigger a new query; queries never
 * pile up (one runs, at most one more is queued).
 */
public final class QueueViewModel implements SyncListener {
    private static final Logger LOG = LoggerFactory.getLogger(QueueViewModel.class);
    public static final int LIMIT = 1000;

    private final Labels labels;
    private final cn.tongguan.console.i18n.Messages messages;
    private final CaseCache cases;
    private final CacheMeta meta;
    private final ReferenceHolder reference;
    private final Executor background;
    private final Executor ui;
    private final Clock clock;
    private final TimeText time;
    private final ObjectMapper json = Json.newMapper();

    private final ObjectProperty<QueueTab> tab = new SimpleObjectProperty<>(QueueTab.PENDING_ACCEPT);
    private final ObjectProperty<Choice> source = new SimpleObjectProperty<>();
    private final ObjectProperty<Choice> district = new SimpleObjectProperty<>();
    private final ObjectProperty<Choice> bigClass = new SimpleObjectProperty<>();
    private final StringProperty grid = new SimpleStringProperty("");
    private final ObjectProperty<Choice> department = new SimpleObjectProperty<>();
    private final ObjectProperty<Choice> light = new SimpleObjectProperty<>();
    private final ObjectProperty<QueueQuery.Sort> sort = new SimpleObjectProperty<>(QueueQuery.Sort.REPORTED_DESC);
    private final StringProperty text = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<List<QueueRow>> rows = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<Map<QueueTab, Long>> counts = new ReadOnlyObjectWrapper<>(Map.of());
    private final ReadOnlyStringWrapper footer = new ReadOnlyStringWrapper("");
    private final ObservableList<Choice> sources = FXCollections.observableArrayList();
    private final ObservableList<Choice> districts = FXCollections.observableArrayList();
    private final ObservableList<Choice> bigClasses = FXCollections.observableArrayList();
    private final ObservableList<Choice> departments = FXCollections.observableArrayList();
    private final ObservableList<Choice> lights = FXCollections.observableArrayList();
    private final ObservableList<String> savedFilters = FXCollections.observableArrayList();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile long lastRefreshNanos;
    /** The query whose rows are on screen (or on their way), compared by identity. */
    private volatile QueueQuery shown;

    public QueueViewModel(Labels labels, CaseCache cases, CacheMeta meta, ReferenceHolder reference, Executor background,
                          Executor ui, Clock clock) {
        this.labels = labels;
        this.messages = labels.messages();
        this.cases = cases;
        this.meta = meta;
        this.reference = reference;
        this.background = background;
        this.ui = ui;
        this.clock = clock;
        this.time = new TimeText(labels.messages());
        sources.add(new Choice(null, messages.text("filter.any.source")));
        for (String code : List.of("inspector", "hotline_12319", "hotline_12345", "video_ai", "iot", "public", "superior")) {
            sources.add(new Choice(code, labels.source(code)));
        }
        lights.add(new Choice(null, messages.text("filter.any.light")));
        for (String code : List.of("green", "yellow", "red")) {
            lights.add(new Choice(code, labels.light(code)));
        }
        districts.add(new Choice(null, messages.text("filter.any.district")));
        departments.add(new Choice(null, messages.text("filter.any.department")));
        bigClasses.add(new Choice(null, messages.text("filter.any.class")));
        source.set(sources.get(0));
        light.set(lights.get(0));
        district.set(districts.get(0));
        department.set(departments.get(0));
        bigClass.set(bigClasses.get(0));
        tab.addListener((o, a, b) -> refresh());
        sort.addListener((o, a, b) -> refresh());
        source.addListener((o, a, b) -> refresh());
        district.addListener((o, a, b) -> refresh());
        bigClass.addListener((o, a, b) -> refresh());
        grid.addListener((o, a, b) -> refresh());
        department.addListener((o, a, b) -> refresh());
        light.addListener((o, a, b) -> refresh());
        text.addListener((o, a, b) -> refresh());
    }

    /** Loads reference names and saved filters, then the first rows. */
    public void start() {
        background.execute(() -> {
            ReferenceData ref = reference.reload();
            List<String> names = new ArrayList<>(meta.savedFilters().keySet());
            ui.execute(() -> {
                fillReferenceChoices(ref);
                savedFilters.setAll(names);
            });
        });
        refresh();
    }

    private void fillReferenceChoices(ReferenceData ref) {
        // The seat's filters survive a refresh of the lists: the same codes stay chosen.
        String d0 = code(district);
        String dep0 = code(department);
        String c0 = code(bigClass);
        List<Choice> d = new ArrayList<>(List.of(districts.get(0)));
        ref.districts().forEach((code, name) -> d.add(new Choice(code, name)));
        districts.setAll(d);
        List<Choice> deps = new ArrayList<>(List.of(departments.get(0)));
        ref.departments().forEach(dep -> deps.add(new Choice(dep.code(), dep.name())));
        departments.setAll(deps);
        List<Choice> classes = new ArrayList<>(List.of(bigClasses.get(0)));
        ref.bigClasses().forEach((code, name) -> classes.add(new Choice(code, code + " " + name)));
        bigClasses.setAll(classes);
        district.set(districts.get(0));
        department.set(departments.get(0));
        bigClass.set(bigClasses.get(0));
        select(district, districts, d0);
        select(department, departments, dep0);
        select(bigClass, bigClasses, c0);
    }

    public QueueQuery query() {
        // A grid code (15 digits) or the start of one: 12 digits name a community, 9 a street.
        String g = grid.get() == null ? "" : grid.get().trim();
        return new QueueQuery(tab.get(), code(source), code(bigClass), code(district), g.length() == 9 ? g : null,
                g.length() == 12 ? g : null, g.length() == 15 ? g : null, code(department), code(light), text.get(),
                sort.get(), LIMIT);
    }

    private static String code(ObjectProperty<Choice> choice) {
        return choice.get() == null ? null : choice.get().code();
    }

    /** Queries the cache again (coalesced: at most one query runs and one waits). */
    public void refresh() {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        QueueQuery q = query();
        shown = q;
        background.execute(() -> run(q));
    }

    private void run(QueueQuery q) {
        try {
            long now = clock.millis();
            List<CachedCase> found = cases.queue(q, now);
            ReferenceData ref = reference.get();
            List<QueueRow> converted = new ArrayList<>(found.size());
            for (CachedCase c : found) {
                converted.add(row(c, ref, now));
            }
            // Rows first (a new case shows at once), then the counts of the tabs.
            ui.execute(() -> {
                rows.set(List.copyOf(converted));
                lastRefreshNanos = System.nanoTime();
            });
            Map<QueueTab, Long> counted = cases.counts(q, now);
            ui.execute(() -> {
                counts.set(new EnumMap<>(counted));
                long total = q.tab() == QueueTab.ALL ? converted.size() : counted.getOrDefault(q.tab(), 0L);
                footer.set(total > converted.size()
                        ? messages.text("queue.footer.limited", converted.size(), total)
                        : messages.text("queue.footer", converted.size()));
            });
        } catch (RuntimeException e) {
            LOG.error("Queue query failed", e);
            ui.execute(() -> footer.set(messages.text("queue.error")));
        } finally {
            running.set(false);
            if (again.getAndSet(false)) {
                ui.execute(this::refresh);
            }
        }
    }

    QueueRow row(CachedCase c, ReferenceData ref, long now) {
        var item = c.item();
        Long deadline = item.deadline() == null ? null : item.deadline().toEpochMilli();
        String location = item.address() == null || item.address().isBlank()
                ? ref.divisionName(item.districtCode()) : item.address();
        if (item.gridCode() != null) {
            location = location + " · " + item.gridCode();
        }
        return new QueueRow(item.id(), item.caseNo(), labels.source(item.source()),
                ref.categoryName(item.smallCode()), location, labels.state(item.state()), c.lightAt(now),
                time.remaining(deadline, Lights.CLOCK_RUNS.contains(item.state()), now),
                ref.departmentName(item.departmentCode()), time.shortTime(item.reportedAt()),
                c.pending() == null ? null : labels.action(c.pending()), item.version(),
                item.reportedAt() == null ? 0 : item.reportedAt().toEpochMilli(), deadline);
    }

    /**
     * A few cases changed: put them into (or take them out of) the rows on screen at once from the cache by id,
     * then refresh the whole tab and its counts (coalesced). Many or unknown changes: refresh only.
     */
    @Override
    public void casesChanged(Set<Long> ids) {
        QueueQuery q = shown;
        if (q == null || ids.isEmpty() || ids.size() > 50) {
            ui.execute(this::refresh);
            return;
        }
        background.execute(() -> {
            try {
                long now = clock.millis();
                ReferenceData ref = reference.get();
                List<CachedCase> changed = new ArrayList<>();
                ids.forEach(id -> cases.find(id).ifPresent(changed::add));
                ui.execute(() -> {
                    if (q == shown) {
                        rows.set(QueueRow.patched(rows.get(), q, ids, changed, c -> row(c, ref, now), now, LIMIT));
                        lastRefreshNanos = System.nanoTime();
                    }
                    refresh();
                });
            } catch (RuntimeException e) {
                LOG.error("Queue update failed", e);
                ui.execute(this::refresh);
            }
        });
    }

    /**
     * The sync refreshed the names (before the first snapshot row on a first sign-in): the filters fill and the
     * rows are converted again, so no row keeps a code where a name belongs.
     */
    @Override
    public void referenceChanged() {
        ReferenceData ref = reference.get();
        ui.execute(() -> {
            fillReferenceChoices(ref);
            refresh();
        });
    }

    /** Saves the current filters under {@code name} (in the seat's cache). */
    public void saveFilter(String name) {
        if (name == null || name.isBlank()) {
            return;
        }
        SavedFilter f = new SavedFilter(code(source), code(district), code(bigClass), grid.get(), code(department),
                code(light), text.get(), sort.get());
        background.execute(() -> {
            try {
                meta.saveFilter(name.trim(), f.json(json));
                List<String> names = new ArrayList<>(meta.savedFilters().keySet());
                ui.execute(() -> savedFilters.setAll(names));
            } catch (IOException e) {
                LOG.error("Filter {} not saved", name, e);
            }
        });
    }

    /** Restores filters saved under {@code name}. */
    public void applySavedFilter(String name) {
        background.execute(() -> meta.savedFilter(name).ifPresent(text -> {
            try {
                SavedFilter f = SavedFilter.parse(json, text);
                ui.execute(() -> apply(f));
            } catch (IOException e) {
                LOG.error("Saved filter {} unreadable", name, e);
            }
        }));
    }

    private void apply(SavedFilter f) {
        select(source, sources, f.source());
        select(district, districts, f.district());
        select(bigClass, bigClasses, f.bigClass());
        grid.set(f.grid());
        select(department, departments, f.department());
        select(light, lights, f.light());
        text.set(f.text());
        sort.set(f.sort());
    }

    private static void select(ObjectProperty<Choice> target, List<Choice> choices, String code) {
        choices.stream().filter(c -> java.util.Objects.equals(c.code(), code)).findFirst().ifPresent(target::set);
    }

    public String tabLabel(QueueTab t, Map<QueueTab, Long> counted) {
        Long n = counted.get(t);
        return n == null ? labels.tab(t) : messages.text("queue.tab.count", labels.tab(t), n);
    }

    public ObjectProperty<QueueTab> tabProperty() {
        return tab;
    }

    public ObjectProperty<Choice> sourceProperty() {
        return source;
    }

    public ObjectProperty<Choice> districtProperty() {
        return district;
    }

    public ObjectProperty<Choice> bigClassProperty() {
        return bigClass;
    }

    public StringProperty gridProperty() {
        return grid;
    }

    public ObservableList<Choice> bigClasses() {
        return bigClasses;
    }

    public ObjectProperty<Choice> departmentProperty() {
        return department;
    }

    public ObjectProperty<Choice> lightProperty() {
        return light;
    }

    public ObjectProperty<QueueQuery.Sort> sortProperty() {
        return sort;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ReadOnlyObjectProperty<List<QueueRow>> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Map<QueueTab, Long>> countsProperty() {
        return counts.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty footerProperty() {
        return footer.getReadOnlyProperty();
    }

    public ObservableList<Choice> sources() {
        return sources;
    }

    public ObservableList<Choice> districts() {
        return districts;
    }

    public ObservableList<Choice> departments() {
        return departments;
    }

    public ObservableList<Choice> lights() {
        return lights;
    }

    public ObservableList<String> savedFilters() {
        return savedFilters;
    }

    public Labels labels() {
        return labels;
    }

    /** When the rows last changed (System.nanoTime), for the latency benchmark. */
    public long lastRefreshNanos() {
        return lastRefreshNanos;
    }
}
