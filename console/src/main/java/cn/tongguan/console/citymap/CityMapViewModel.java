package cn.tongguan.console.citymap;

import cn.tongguan.api.Failures;
import cn.tongguan.api.Json;
import cn.tongguan.console.cache.CacheMeta;
import cn.tongguan.console.cache.CachedCase;
import cn.tongguan.console.cache.CaseCache;
import cn.tongguan.console.cache.GeoPart;
import cn.tongguan.console.cache.GeoStore;
import cn.tongguan.console.cache.ReferenceHolder;
import cn.tongguan.console.i18n.Messages;
import cn.tongguan.console.sync.GeoClient;
import cn.tongguan.console.sync.GeoSync;
import cn.tongguan.console.sync.SyncListener;
import cn.tongguan.map.Feature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seat's 一张图 (issue 15): the city's geography from the cache (opened warm, then refreshed against the
 * platform's ETags), every open case of the case cache with its light, the figures of a clicked division, grid
 * or part, the drill-down breadcrumb, the part class filter and the last view. No toolkit needed: results
 * reach the view through {@code ui}.
 */
public final class CityMapViewModel implements SyncListener {
    private static final Logger LOG = LoggerFactory.getLogger(CityMapViewModel.class);
    static final String VIEW_KEY = "citymap.view";
    /** Division levels, coarse to fine, as the map's drill-down layers are ordered. */
    public static final List<String> LEVELS = List.of("district", "street", "community", "grid");

    private final Messages messages;
    private final ReferenceHolder reference;
    private final GeoStore store;
    private final CityGeographyReader reader;
    private final GeoSync sync;
    private final CaseCache cases;
    private final CacheMeta meta;
    private final Executor background;
    private final Executor ui;
    private final Clock clock;
    private final ObjectMapper json = Json.newMapper();
    private final ReadOnlyObjectWrapper<CityGeography> geography =
            new ReadOnlyObjectWrapper<>(this, "geography", CityGeography.empty());
    private final ObservableList<CaseMark> openCases = FXCollections.observableArrayList();
    private final ObservableList<String> breadcrumb = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<CityCard> card = new ReadOnlyObjectWrapper<>(this, "card");
    /** The view kept from the last time, published with the first layers (null: none kept). */
    private final ReadOnlyObjectWrapper<CityView> restored = new ReadOnlyObjectWrapper<>(this, "restored");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final Set<String> hiddenClasses = new HashSet<>();
    private final List<String> path = new ArrayList<>();
    private volatile Figures figures = Figures.of(List.of());
    private final CityLive live;
    private final CityHeat heat;
    private boolean opened;

    public CityMapViewModel(Messages messages, ReferenceHolder reference, GeoStore store, GeoSync sync,
                            CaseCache cases, CacheMeta meta, Executor background, Executor ui, Clock clock) {
        this(messages, reference, store, sync, null, cases, meta, background, ui, clock);
    }

    /** {@code client} reads the sensors, cameras and heat per grid (null: offline, none of them). */
    public CityMapViewModel(Messages messages, ReferenceHolder reference, GeoStore store, GeoSync sync,
                            GeoClient client, CaseCache cases, CacheMeta meta, Executor background, Executor ui,
                            Clock clock) {
        this.messages = messages;
        this.reference = reference;
        this.store = store;
        this.reader = new CityGeographyReader(store);
        this.sync = sync;
        this.cases = cases;
        this.meta = meta;
        this.background = background;
        this.ui = ui;
        this.clock = clock;
        this.live = new CityLive(messages, client, background, ui, clock);
        this.heat = new CityHeat(client, background, ui, clock);
        breadcrumb.setAll(messages.text("citymap.city"));
    }

    /**
     * The first opening: the cached layers and the open cases at once, then a refresh of the layers against the
     * platform ({@code sync} null: offline), reloaded only if one changed. Later calls only reload the cases.
     */
    public void open() {
        if (opened) {
            reloadCases();
            return;
        }
        opened = true;
        status.set(messages.text("citymap.status.loading"));
        background.execute(() -> {
            CityView kept = lastView().orElse(null);
            CityGeography first = readGeography();
            List<CaseMark> marks = readCases();
            ui.execute(() -> {
                restored.set(kept);
                publish(first, marks);
                status.set(first.isEmpty() ? messages.text("citymap.status.downloading")
                        : messages.text("citymap.status.ready", first.parts().size(), marks.size()));
            });
            if (sync == null) {
                live.load(first.roads());
                return;
            }
            GeoSync.Outcome outcome = sync.refresh();
            CityGeography shown = first;
            if (!outcome.downloaded().isEmpty()) {
                CityGeography fresh = readGeography();
                ui.execute(() -> geography.set(fresh));
                shown = fresh;
            }
            // After the refresh: a first opening has no roads before it, and the cameras' cones follow the roads.
            live.load(shown.roads());
            int parts = shown.parts().size();
            ui.execute(() -> status.set(outcome.failed().isEmpty()
                    ? messages.text("citymap.status.ready", parts, openCases.size())
                    : messages.text("citymap.status.stale", String.join(", ", outcome.failed()))));
        });
    }

    private void publish(CityGeography geo, List<CaseMark> marks) {
        geography.set(geo);
        openCases.setAll(marks);
    }

    /** Blocking: the layers as features (unreadable or missing layers come back empty). */
    CityGeography readGeography() {
        return reader.read();
    }

    private List<CaseMark> readCases() {
        long now = clock.millis();
        List<CaseMark> marks = new ArrayList<>();
        for (CachedCase c : cases.open()) {
            var i = c.item();
            marks.add(new CaseMark(i.id(), i.caseNo(), i.lng(), i.lat(), c.lightAt(now), i.districtCode(),
                    i.streetCode(), i.communityCode(), i.gridCode(), i.partCode()));
        }
        figures = Figures.of(marks);
        return marks;
    }

    private void reloadCases() {
        background.execute(() -> {
            List<CaseMark> marks = readCases();
            ui.execute(() -> openCases.setAll(marks));
        });
    }

    @Override
    public void alarmsChanged() {
        if (opened) {
            live.statesChanged();
        }
    }

    @Override
    public void casesChanged(Set<Long> ids) {
        if (opened) {
            reloadCases();
        }
    }

    // Drill-down and cards -------------------------------------------------------------------------------------

    /** The map went to {@code level} (−1: the whole city) showing {@code name}; the breadcrumb follows. */
    public void drilled(int level, String name) {
        while (path.size() > Math.max(0, level)) {
            path.remove(path.size() - 1);
        }
        if (level >= 0) {
            path.add(name);
        }
        List<String> crumbs = new ArrayList<>();
        crumbs.add(messages.text("citymap.city"));
        crumbs.addAll(path);
        breadcrumb.setAll(crumbs);
    }

    /** How many levels down the drill-down stands (0 = the whole city). */
    public int depth() {
        return path.size();
    }

    /** The card of a clicked feature of a layer ({@code district}, {@code street}, {@code community}, {@code grid}, {@code parts}). */
    public void clicked(String layerId, Feature feature) {
        live.cardClosed();
        if ("parts".equals(layerId)) {
            background.execute(() -> {
                Optional<GeoPart> part = store.part(feature.id());
                ui.execute(() -> card.set(part.map(this::partCard).orElse(null)));
            });
            return;
        }
        if (LEVELS.contains(layerId)) {
            card.set(divisionCard(layerId, feature));
        }
    }

    public void closeCard() {
        live.cardClosed();
        card.set(null);
    }

    /** A click on a sensor or a camera of the overlay ({@code kind} "sensor" or "camera"). */
    public void clickedLive(String kind, String id) {
        live.cardClosed();
        card.set("sensor".equals(kind) ? live.sensorCard(id) : live.cameraCard(id));
    }

    CityCard divisionCard(String level, Feature f) {
        Figures now = figures;
        String code = f.id();
        List<String> lines = new ArrayList<>();
        lines.add(messages.text("citymap.card.level", levelName(level)));
        lines.add(messages.text("citymap.card.code", code));
        if ("grid".equals(level)) {
            lines.add(messages.text("citymap.card.community",
                    reference.get().divisionName(f.text("communityCode"))));
        } else if (!f.text("parentCode").isEmpty()) {
            lines.add(messages.text("citymap.card.parent", reference.get().divisionName(f.text("parentCode"))));
        }
        long open = now.count(level, code);
        lines.add(messages.text("citymap.card.open", open));
        lines.add(messages.text("citymap.card.red", now.red(level, code)));
        String name = "grid".equals(level) ? messages.text("citymap.card.grid", code) : f.text("name");
        return new CityCard(name, lines);
    }

    private String levelName(String level) {
        return switch (level) {
            case "district" -> messages.text("citymap.level.district");
            case "street" -> messages.text("citymap.level.street");
            case "community" -> messages.text("citymap.level.community");
            default -> messages.text("citymap.level.grid");
        };
    }

    CityCard partCard(GeoPart p) {
        List<String> lines = new ArrayList<>();
        lines.add(messages.text("citymap.card.class", p.className() == null ? "" : p.className()));
        lines.add(messages.text("citymap.card.code", p.code()));
        lines.add(messages.text("citymap.card.owner", p.department() == null ? messages.text("citymap.card.none")
                : reference.get().departmentName(p.department())));
        if (p.road() != null) {
            lines.add(messages.text("citymap.card.address", p.road(), p.door()));
        }
        if (p.state() != null) {
            lines.add(messages.text("citymap.card.state", p.state()));
        }
        List<String> onIt = figures.onPart(p.code());
        lines.add(messages.text("citymap.card.open", onIt.size()));
        onIt.stream().limit(5).forEach(no -> lines.add("· " + no));
        return new CityCard(p.className() == null ? p.code() : p.className(), lines);
    }

    // Class filter and the last view --------------------------------------------------------------------------

    public void showClass(String classCode, boolean shown) {
        if (shown) {
            hiddenClasses.remove(classCode);
        } else {
            hiddenClasses.add(classCode);
        }
    }

    public boolean classShown(String classCode) {
        return !hiddenClasses.contains(classCode);
    }

    /** The parts of the classes not filtered out. */
    public List<Feature> visibleParts() {
        if (hiddenClasses.isEmpty()) {
            return geography.get().parts();
        }
        return geography.get().parts().stream().filter(f -> !hiddenClasses.contains(f.text("classCode"))).toList();
    }

    /** The parts inside a grid (the drill-down's last step), of the classes not filtered out. */
    public List<Feature> partsIn(Feature grid) {
        var shape = grid.geometry();
        var box = shape.getEnvelopeInternal();
        return visibleParts().stream().filter(p -> box.contains(p.geometry().getCoordinate())
                && shape.covers(p.geometry())).toList();
    }

    /** The view stored when the map was last left, if any (blocking read of the cache). */
    Optional<CityView> lastView() {
        try {
            Optional<String> text = meta.get(VIEW_KEY);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            CityView view = json.readValue(text.get(), CityView.class);
            hiddenClasses.clear();
            hiddenClasses.addAll(view.hiddenClasses());
            return Optional.of(view);
        } catch (IOException | RuntimeException e) {
            LOG.warn("The map's last view cannot be read: {}", e.toString(), Failures.bug(e));
            return Optional.empty();
        }
    }

    public void keepView(double lng, double lat, double zoom, Set<String> hiddenLayers) {
        CityView view = new CityView(lng, lat, zoom, hiddenLayers, hiddenClasses);
        try {
            String text = json.writeValueAsString(view);
            background.execute(() -> meta.put(VIEW_KEY, text));
        } catch (IOException e) {
            LOG.warn("The map's view not kept: {}", e.toString());
        }
    }

    /** Big class code → name, for the heat layer's class choice. */
    public Map<String, String> bigClasses() {
        return reference.get().bigClasses();
    }

    public CityLive live() {
        return live;
    }

    public CityHeat heat() {
        return heat;
    }

    public ReadOnlyObjectProperty<CityGeography> geographyProperty() {
        return geography.getReadOnlyProperty();
    }

    public ObservableList<CaseMark> openCases() {
        return openCases;
    }

    public ObservableList<String> breadcrumb() {
        return breadcrumb;
    }

    public ReadOnlyObjectProperty<CityCard> cardProperty() {
        return card.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CityView> restoredProperty() {
        return restored.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
