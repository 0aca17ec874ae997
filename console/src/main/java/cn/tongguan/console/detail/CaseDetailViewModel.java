package cn.tongguan.console.detail;

import cn.tongguan.api.Cases;
import cn.tongguan.api.Reference;
import cn.tongguan.console.cache.CacheMeta;
import cn.tongguan.console.cache.CachedCase;
import cn.tongguan.console.cache.CaseCache;
import cn.tongguan.console.cache.OutboxStore;
import cn.tongguan.console.cache.ReferenceData;
import cn.tongguan.console.cache.ReferenceHolder;
import cn.tongguan.console.i18n.Labels;
import cn.tongguan.console.i18n.Messages;
import cn.tongguan.console.queue.Choice;
import cn.tongguan.console.queue.TimeText;
import cn.tongguan.console.sync.Outbox;
import cn.tongguan.console.sync.PlatformClient;
import cn.tongguan.console.sync.SyncListener;
import cn.tongguan.console.workflow.CaseAction;
import cn.tongguan.console.workflow.Workflow;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One case in full (from the cache, timeline and photos fetched on demand and kept for offline use) and the
 * actions the seat's role may take on it; actions go to the {@link Outbox}. Refusals are explained in the banner.
 */
public final class CaseDetailViewModel implements SyncListener {
    private static final Logger LOG = LoggerFactory.getLogger(CaseDetailViewModel.class);

    private final Labels labels;
    private final Messages messages;
    private final String role;
    private final CaseCache cases;
    private final CacheMeta meta;
    private final ReferenceHolder reference;
    private final PlatformClient client;
    private final Outbox outbox;
    private final Executor background;
    private final Executor ui;
    private final Clock clock;
    private final TimeText time;

    private volatile long caseId = -1;
    private volatile CachedCase current;
    private volatile long detailVersion = -1;
    /** Cache reads are numbered; the UI shows a read only if no later one was shown (reads race on 2 threads). */
    private final java.util.concurrent.atomic.AtomicLong reads = new java.util.concurrent.atomic.AtomicLong();
    private long shownRead;
    private static final double DUPLICATE_RADIUS_METRES = 50;
    private static final java.time.Duration DUPLICATE_WINDOW = java.time.Duration.ofHours(48);
    private final javafx.collections.ObservableList<String> duplicates = javafx.collections.FXCollections.observableArrayList();
    /** The same duplicates as merge targets (code = case id); merging is offered only when there is one. */
    private List<Choice> mergeTargets = List.of();
    private final ReadOnlyBooleanWrapper present = new ReadOnlyBooleanWrapper(false);
    private final javafx.beans.property.ReadOnlyObjectWrapper<Cases.Case> shown =
            new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper facts = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper deadline = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper light = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper reporter = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper bannerIsConflict = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<String> timeline = FXCollections.observableArrayList();
    private final ObservableList<String> photos = FXCollections.observableArrayList();
    private final ObservableList<ActionItem> actions = FXCollections.observableArrayList();

    public CaseDetailViewModel(Labels labels, String role, CaseCache cases, CacheMeta meta, ReferenceHolder reference,
                               PlatformClient client, Outbox outbox, Executor background, Executor ui, Clock clock) {
        this.labels = labels;
        this.messages = labels.messages();
        this.role = role;
        this.cases = cases;
        this.meta = meta;
        this.reference = reference;
        this.client = client;
        this.outbox = outbox;
        this.background = background;
        this.ui = ui;
        this.clock = clock;
        this.time = new TimeText(messages);
    }

    /** Shows case {@code id}: first what the cache has, then the timeline from the platform (or the cache). */
    public void show(long id) {
        boolean other = id != caseId;
        caseId = id;
        if (other) {
            detailVersion = -1;
            banner.set("");
            timeline.clear();
            photos.clear();
            duplicates.clear();
        }
        background.execute(() -> load(id, other));
    }

    private void load(long id, boolean fetchDetail) {
        long read = reads.incrementAndGet();
        Optional<CachedCase> found = cases.find(id);
        if (found.isEmpty() || id != caseId) {
            return;
        }
        CachedCase c = found.get();
        List<Choice> similar = cases.duplicatesOf(c.item(), DUPLICATE_RADIUS_METRES, DUPLICATE_WINDOW).stream()
                .map(d -> new Choice(Long.toString(d.id()), CaseTexts.duplicate(c.item(), d.item(), labels, time)))
                .toList();
        ui.execute(() -> {
            if (id == caseId) {
                mergeTargets = similar;
            }
            presentIfLatest(read, c);
            if (id == caseId) {
                duplicates.setAll(similar.stream().map(Choice::label).toList());
            }
        });
        if (fetchDetail || c.item().version() != detailVersion) {
            fetchDetail(id);
        }
    }

    private void fetchDetail(long id) {
        String body;
        try {
            body = client.detailJson(id);
            Cases.CaseDetail detail = client.parseDetail(body);
            meta.putDetailJson(id, detail.item().version(), body);
            cases.upsert(List.of(detail.item()));
        } catch (IOException e) {
            LOG.info("Detail of case {} from the cache only: {}", id, e.toString());
            body = meta.detailJson(id).orElse(null);
        }
        if (body == null) {
            return;
        }
        try {
            Cases.CaseDetail detail = client.parseDetail(body);
            detailVersion = detail.item().version();
            List<String> steps = CaseTexts.timeline(detail, labels, time);
            List<String> shots = CaseTexts.photos(detail, messages, time);
            long read = reads.incrementAndGet();
            Optional<CachedCase> fresh = cases.find(id);
            ui.execute(() -> {
                if (id == caseId) {
                    timeline.setAll(steps);
                    photos.setAll(shots);
                    fresh.ifPresent(c -> presentIfLatest(read, c));
                }
            });
        } catch (IOException e) {
            LOG.warn("Detail of case {} unreadable", id, e);
        }
    }

    private void presentIfLatest(long read, CachedCase c) {
        if (read > shownRead && c.id() == caseId) {
            shownRead = read;
            present(c);
        }
    }

    private void present(CachedCase c) {
        current = c;
        Cases.Case item = c.item();
        ReferenceData ref = reference.get();
        long now = clock.millis();
        present.set(true);
        shown.set(item);
        CaseTexts texts = CaseTexts.of(item, ref, labels, time, now);
        title.set(texts.title());
        String stateText = labels.state(item.state());
        state.set(c.pending() == null ? stateText : messages.text("detail.state.pending", stateText, labels.action(c.pending())));
        facts.set(texts.facts());
        description.set(item.description() == null ? "" : item.description());
        deadline.set(texts.deadline());
        light.set(c.lightAt(now) == null ? "" : c.lightAt(now));
        reporter.set(texts.reporter());
        List<ActionItem> items = new ArrayList<>();
        for (CaseAction a : Workflow.allowed(item.state(), role)) {
            if (a.needsTarget() && mergeTargets.isEmpty()) {
                continue;
            }
            String label = labels.action(a.action());
            items.add(new ActionItem(a, messages.text("detail.action.label", label, a.key()),
                    messages.text("detail.action.tooltip", label, a.key())));
        }
        actions.setAll(items);
    }

    /** The action of the shown case bound to {@code key} for this role, if any. */
    public Optional<CaseAction> actionFor(char key) {
        char upper = Character.toUpperCase(key);
        return actions.stream().map(ActionItem::action).filter(a -> a.key() == upper).findFirst();
    }

    /**
     * As {@link #actionFor(char)}, but only when the case on screen is {@code highlightedId}, the queue's row: while
     * the detail still shows the previous case (its read is on the way) or another one, a letter does nothing
     * rather than act on a case the seat is not looking at.
     */
    public Optional<CaseAction> actionFor(char key, long highlightedId) {
        CachedCase c = current;
        if (c == null || highlightedId < 0 || c.id() != highlightedId || caseId != highlightedId) {
            return Optional.empty();
        }
        return actionFor(key);
    }

    /** No case: the queue has no highlighted row any more. */
    public void clear() {
        caseId = -1;
        current = null;
        detailVersion = -1;
        mergeTargets = List.of();
        present.set(false);
        shown.set(null);
        List.of(title, state, facts, description, deadline, light, reporter, banner).forEach(t -> t.set(""));
        timeline.clear();
        photos.clear();
        duplicates.clear();
        actions.clear();
    }

    /** Departments to dispatch to, the suggested one (by class and district) first. */
    public List<Choice> departmentChoices() {
        ReferenceData ref = reference.get();
        List<Choice> choices = new ArrayList<>();
        CachedCase c = current;
        Optional<Reference.Department> suggested = c == null ? Optional.empty()
                : ref.suggestDepartment(c.item().smallCode(), c.item().bigCode(), c.item().districtCode());
        suggested.ifPresent(d -> choices.add(new Choice(d.code(), messages.text("detail.department.suggested", d.name()))));
        for (Reference.Department d : ref.departments()) {
            if (suggested.isEmpty() || !suggested.get().code().equals(d.code())) {
                choices.add(new Choice(d.code(), d.name()));
            }
        }
        return choices;
    }

    /** Cases the shown one may be merged into: its possible duplicates, nearest first. */
    public List<Choice> mergeTargets() {
        return mergeTargets;
    }

    public void perform(CaseAction action, String note, String departmentCode, Integer hours) {
        perform(action, note, departmentCode, hours, null);
    }

    /** Queues {@code action} on the shown case (it appears at once; the outbox sends it). */
    public void perform(CaseAction action, String note, String departmentCode, Integer hours, Long targetCaseId) {
        CachedCase c = current;
        if (c == null) {
            return;
        }
        banner.set(messages.text("detail.banner.queued", labels.action(action.action()), c.item().caseNo()));
        bannerIsConflict.set(false);
        background.execute(() -> {
            try {
                outbox.submit(c, action, note == null || note.isBlank() ? null : note.trim(), departmentCode, hours,
                        targetCaseId);
            } catch (RuntimeException e) {
                LOG.error("Action {} on case {} not queued", action.action(), c.id(), e);
                ui.execute(() -> banner.set(messages.text("detail.banner.error")));
            }
        });
    }

    @Override
    public void casesChanged(Set<Long> ids) {
        long id = caseId;
        if (id >= 0 && (ids.isEmpty() || ids.contains(id))) {
            background.execute(() -> load(id, false));
        }
    }

    /** Names arrived (or changed): the shown case is presented again with them. */
    @Override
    public void referenceChanged() {
        long id = caseId;
        if (id >= 0) {
            background.execute(() -> load(id, false));
        }
    }

    @Override
    public void actionSent(OutboxStore.Entry entry, Cases.Case result) {
        ui.execute(() -> {
            bannerIsConflict.set(false);
            banner.set(messages.text("detail.banner.sent", labels.action(entry.action()), result.caseNo(),
                    labels.state(result.state())));
        });
    }

    @Override
    public void actionRefused(OutboxStore.Entry entry, Cases.Case now, String code, String platformMessage) {
        String text = CaseTexts.refused(entry.action(), now, code, platformMessage, labels);
        ui.execute(() -> {
            bannerIsConflict.set(true);
            banner.set(text);
        });
    }

    public long caseId() {
        return caseId;
    }

    public String role() {
        return role;
    }

    /** The case on screen as the platform describes it (its place for the map). */
    public javafx.beans.property.ReadOnlyObjectProperty<Cases.Case> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** Possible duplicates of the shown case (same class, within 50 m, within 48 h), nearest first. */
    public javafx.collections.ObservableList<String> duplicates() {
        return duplicates;
    }

    public ReadOnlyBooleanProperty presentProperty() {
        return present.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty factsProperty() {
        return facts.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty descriptionProperty() {
        return description.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty deadlineProperty() {
        return deadline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lightProperty() {
        return light.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reporterProperty() {
        return reporter.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty bannerIsConflictProperty() {
        return bannerIsConflict.getReadOnlyProperty();
    }

    public ObservableList<String> timeline() {
        return timeline;
    }

    public ObservableList<String> photos() {
        return photos;
    }

    public ObservableList<ActionItem> actions() {
        return actions;
    }

    public Labels labels() {
        return labels;
    }
}
