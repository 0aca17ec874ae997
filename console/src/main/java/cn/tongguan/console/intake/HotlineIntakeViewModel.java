package cn.tongguan.console.intake;

import cn.tongguan.api.Cases;
import cn.tongguan.api.Codes;
import cn.tongguan.api.Failures;
import cn.tongguan.api.Geocoding;
import cn.tongguan.api.Reference;
import cn.tongguan.console.cache.OutboxStore;
import cn.tongguan.console.cache.ReferenceData;
import cn.tongguan.console.i18n.Labels;
import cn.tongguan.console.i18n.Messages;
import cn.tongguan.console.queue.Choice;
import cn.tongguan.console.sync.SyncListener;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A 12319/12345 work order (工单) as the seat takes the call: caller, phone, request type, what they say, where
 * (the address geocoded against the city's divisions, grids and part codes), the class (searched by name or code).
 * Filing goes through the outbox, so a call taken while the platform is away is filed when it is back, once.
 */
public final class HotlineIntakeViewModel implements SyncListener {
    private static final Logger LOG = LoggerFactory.getLogger(HotlineIntakeViewModel.class);
    private static final int MAX_CLASSES = 60;

    /** What the form needs of the outside world (the seat's platform client and outbox in the app). */
    public interface Services {
        List<Geocoding.Candidate> geocode(String address) throws IOException;

        OutboxStore.Entry file(Cases.NewCase order);
    }

    private final Messages messages;
    private final Labels labels;
    private final Supplier<ReferenceData> reference;
    private final Services services;
    private final Executor background;
    private final Executor ui;

    private final ObjectProperty<Choice> channel = new SimpleObjectProperty<>();
    private final ObjectProperty<Choice> requestType = new SimpleObjectProperty<>();
    private final StringProperty caller = new SimpleStringProperty("");
    private final StringProperty phone = new SimpleStringProperty("");
    private final StringProperty content = new SimpleStringProperty("");
    private final StringProperty address = new SimpleStringProperty("");
    private final StringProperty classSearch = new SimpleStringProperty("");
    private final BooleanProperty urgent = new SimpleBooleanProperty();
    private final ObservableList<Geocoding.Candidate> places = FXCollections.observableArrayList();
    private final ObjectProperty<Geocoding.Candidate> place = new SimpleObjectProperty<>();
    private final ObservableList<Choice> classes = FXCollections.observableArrayList();
    private final ObjectProperty<Choice> category = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper placeText = new ReadOnlyStringWrapper("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    /** The order whose filing the status line reports; read and written on the UI thread only. */
    private String awaitedKey;
    /** Orders the outbox filed before the form heard their key (UI thread only; a few at most). */
    private final java.util.Map<String, String> filedBeforeAwaited = new java.util.HashMap<>();
    private long geocodeSeq;

    public HotlineIntakeViewModel(Messages messages, Labels labels, Supplier<ReferenceData> reference, Services services,
                                  Executor background, Executor ui) {
        this.messages = messages;
        this.labels = labels;
        this.reference = reference;
        this.services = services;
        this.background = background;
        this.ui = ui;
        channel.set(channels().get(1));
        requestType.set(requestTypes().get(2));
        classSearch.addListener((o, a, text) -> filterClasses(text));
        place.addListener((o, a, p) -> placeText.set(p == null ? "" : describe(p)));
        filterClasses("");
    }

    public List<Choice> channels() {
        return List.of(new Choice("hotline_12319", labels.source("hotline_12319")),
                new Choice("hotline_12345", labels.source("hotline_12345")));
    }

    /** 咨询, 求助, 投诉, 举报, 建议 in the order callers are classified. */
    public List<Choice> requestTypes() {
        return Codes.REQUEST_TYPE_ORDER.stream().map(t -> new Choice(t, labels.requestType(t))).toList();
    }

    /** Looks the address up (background); the best place is chosen, the others stay offered. */
    public void locate() {
        String text = address.get() == null ? "" : address.get().trim();
        if (text.isEmpty()) {
            status.set(messages.text("intake.problem.address"));
            return;
        }
        long seq = ++geocodeSeq;
        status.set(messages.text("intake.locating"));
        background.execute(() -> {
            try {
                List<Geocoding.Candidate> found = services.geocode(text);
                ui.execute(() -> {
                    if (seq != geocodeSeq) {
                        return;
                    }
                    places.setAll(found);
                    place.set(found.isEmpty() ? null : found.get(0));
                    status.set(found.isEmpty() ? messages.text("intake.notFound", text)
                            : messages.text("intake.found", found.size()));
                });
            } catch (IOException e) {
                LOG.info("Geocoding not possible now: {}", e.toString());
                ui.execute(() -> status.set(messages.text("intake.geocodeOffline")));
            }
        });
    }

    /** The class list fills as soon as the names arrive, not only once something is typed (issue 13). */
    @Override
    public void referenceChanged() {
        ui.execute(() -> filterClasses(classSearch.get()));
    }

    private void filterClasses(String text) {
        String q = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        List<Choice> found = reference.get().smallClasses().stream()
                .filter(c -> q.isEmpty() || c.name().toLowerCase(Locale.ROOT).contains(q) || c.code().startsWith(q)
                        || reference.get().categoryName(c.parentCode()).contains(q))
                .limit(MAX_CLASSES)
                .map(c -> new Choice(c.code(), messages.text("intake.class", c.name(),
                        reference.get().categoryName(c.parentCode()), c.code())))
                .toList();
        classes.setAll(found);
        if (!found.isEmpty() && (category.get() == null || !found.contains(category.get()))) {
            category.set(found.get(0));
        }
    }

    /** Checks the form and queues the work order; the answer arrives as {@link #actionSent}. */
    public boolean submit() {
        String problem = problem();
        if (problem != null) {
            status.set(problem);
            return false;
        }
        Reference.Category c = classOf(category.get().code());
        Geocoding.Candidate p = place.get();
        Cases.NewCase order = new Cases.NewCase(channel.get().code(), c.kind(), c.parentCode(), c.code(), p.lng(), p.lat(),
                trimmed(address.get()), content.get().trim(), urgent.get() ? "urgent" : "normal", trimmed(caller.get()),
                trimmed(phone.get()), p.partCode(), false, requestType.get().code());
        busy.set(true);
        status.set(messages.text("intake.filing"));
        background.execute(() -> {
            try {
                OutboxStore.Entry entry = services.file(order);
                ui.execute(() -> {
                    busy.set(false);
                    clear();
                    awaitedKey = entry.idempotencyKey();
                    // The outbox may have filed it already (a fast platform answers before this hop).
                    String caseNo = filedBeforeAwaited.remove(awaitedKey);
                    status.set(caseNo != null ? messages.text("intake.filed", caseNo) : messages.text("intake.queued"));
                });
            } catch (RuntimeException e) {
                LOG.warn("Work order not stored: {}", e.toString(), Failures.bug(e));
                ui.execute(() -> {
                    busy.set(false);
                    status.set(messages.text("intake.notStored"));
                });
            }
        });
        return true;
    }

    /** The first thing missing, as a sentence; null when the order can be filed. */
    String problem() {
        if (content.get() == null || content.get().isBlank()) {
            return messages.text("intake.problem.content");
        }
        if (place.get() == null) {
            return messages.text("intake.problem.place");
        }
        if (category.get() == null || classOf(category.get().code()) == null) {
            return messages.text("intake.problem.class");
        }
        String digits = phone.get() == null ? "" : phone.get().replaceAll("[\\s-]", "");
        if (!digits.isEmpty() && !digits.matches("\\+?\\d{5,20}")) {
            return messages.text("intake.problem.phone");
        }
        if (content.get().length() > 2000) {
            return messages.text("intake.problem.tooLong");
        }
        return null;
    }

    private Reference.Category classOf(String code) {
        return reference.get().smallClasses().stream().filter(c -> c.code().equals(code)).findFirst().orElse(null);
    }

    /** Ready for the next call; channel and request type stay (a seat usually takes one line). */
    public void clear() {
        caller.set("");
        phone.set("");
        content.set("");
        address.set("");
        places.clear();
        place.set(null);
        urgent.set(false);
        classSearch.set("");
    }

    private String describe(Geocoding.Candidate p) {
        ReferenceData ref = reference.get();
        return messages.text("intake.place", p.label(), p.gridCode() == null ? "—" : p.gridCode(),
                String.format(Locale.ROOT, "%.5f, %.5f", p.lng(), p.lat()))
                + (p.districtCode() == null ? "" : " · " + ref.divisionName(p.districtCode()));
    }

    private static String trimmed(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @Override
    public void actionSent(OutboxStore.Entry entry, Cases.Case result) {
        if (!entry.isCreate()) {
            return;
        }
        // On the UI thread, like the hop that sets awaitedKey, so the two cannot pass each other.
        ui.execute(() -> {
            if (entry.idempotencyKey().equals(awaitedKey)) {
                status.set(messages.text("intake.filed", result.caseNo()));
            } else if (filedBeforeAwaited.size() < 16) {
                filedBeforeAwaited.put(entry.idempotencyKey(), result.caseNo());
            }
        });
    }

    @Override
    public void actionRefused(OutboxStore.Entry entry, Cases.Case current, String code, String platformMessage) {
        if (entry.isCreate()) {
            ui.execute(() -> status.set(messages.text("intake.refused", platformMessage == null ? code : platformMessage)));
        }
    }

    public ObjectProperty<Choice> channelProperty() {
        return channel;
    }

    public ObjectProperty<Choice> requestTypeProperty() {
        return requestType;
    }

    public StringProperty callerProperty() {
        return caller;
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    public StringProperty contentProperty() {
        return content;
    }

    public StringProperty addressProperty() {
        return address;
    }

    public StringProperty classSearchProperty() {
        return classSearch;
    }

    public BooleanProperty urgentProperty() {
        return urgent;
    }

    public ObservableList<Geocoding.Candidate> places() {
        return places;
    }

    public ObjectProperty<Geocoding.Candidate> placeProperty() {
        return place;
    }

    public ObservableList<Choice> classes() {
        return classes;
    }

    public ObjectProperty<Choice> categoryProperty() {
        return category;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty placeTextProperty() {
        return placeText.getReadOnlyProperty();
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
