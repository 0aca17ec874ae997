package cn.tongguan.console.wall;

import cn.tongguan.api.Cases;
import cn.tongguan.api.Reference;
import cn.tongguan.console.citymap.CityGeography;
import cn.tongguan.console.citymap.CityLayers;
import cn.tongguan.console.i18n.Messages;
import cn.tongguan.map.DrillDown;
import cn.tongguan.map.Feature;
import cn.tongguan.map.LiveItem;
import cn.tongguan.map.LiveKind;
import cn.tongguan.map.LiveStatus;
import cn.tongguan.map.MapView;
import cn.tongguan.map.MapViewState;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import org.locationtech.jts.geom.Envelope;

/**
 * The wall's map on the city's layers (ADR 0125): the seat's {@link CityLayers} with names {@link #LABEL_SCALE}
 * times larger, read from five metres; the districts labelled with their open cases ("红旗区  1,234 件在办");
 * every open case in the live overlay (clustered by map-layers at city zoom), coloured by its light; the platform's
 * cameras. What to show comes from {@link WallPresenter} through {@link WallPorts.CityMap}. FX thread only.
 */
public final class WallCityMapView implements WallPorts.CityMap {
    /** Names 1.8× the desk's: a 16 px district name becomes 29 px, readable across a command hall. */
    public static final double LABEL_SCALE = 1.8;
    /** The prefix of a case's id in the overlay. */
    public static final String CASE = "case-";
    /**
     * An unattended wall goes back to the whole city this long after it was last moved away from it (a drill-down,
     * a pushed case, a click into a cluster): the hall must not find the map on one street hours later.
     */
    public static final Duration HOME_AFTER = Duration.minutes(2);
    /** Case events come in bursts (a storm, a morning's filing): the district counts are relabelled once after. */
    private static final Duration RELABEL_AFTER = Duration.millis(400);
    /** District → street → community → grid → parts: more drill-ups than levels is a bug, not a loop. */
    private static final int MAX_DRILL_LEVELS = 8;

    private final MapView map;
    private final Messages messages;
    private final Clock clock;
    private final CityLayers layers;
    private final WallCases cases = new WallCases();
    private final PauseTransition relabel = new PauseTransition(RELABEL_AFTER);
    private final PauseTransition home;
    private final Label breadcrumb = new Label();
    private final List<String> path = new ArrayList<>();
    private List<Feature> districts = List.of();
    private MapViewState homeView;
    private boolean placed;

    public WallCityMapView(MapView map, Messages messages, Clock clock) {
        this(map, messages, clock, HOME_AFTER);
    }

    /** @param homeAfter how long after a move away from the whole city the map goes back to it */
    public WallCityMapView(MapView map, Messages messages, Clock clock, Duration homeAfter) {
        this.home = new PauseTransition(homeAfter);
        this.map = map;
        this.messages = messages;
        this.clock = clock;
        this.layers = new CityLayers(messages, LABEL_SCALE);
        layers.install(map);
        map.setId("wallMap");
        relabel.setOnFinished(e -> relabelNow());
        breadcrumb.setId("wallBreadcrumb");
        breadcrumb.getStyleClass().add("wall-breadcrumb");
        breadcrumb.setVisible(false);
        breadcrumb.setMouseTransparent(true);
        StackPane.setAlignment(breadcrumb, Pos.TOP_CENTER);
        StackPane.setMargin(breadcrumb, new Insets(16));
        map.setOnDrillDown(this::drilled);
        home.setOnFinished(e -> goHome());
        map.viewStateProperty().addListener((o, was, now) -> {
            if (homeView != null && !homeView.equals(now)) {
                home.playFromStart();
            }
        });
    }

    /** "新乡市 › 卫滨区 › 胜利路街道" over the map while drilled in, large enough for the hall. */
    public Label breadcrumb() {
        return breadcrumb;
    }

    /** Back to the whole city now (what {@link #HOME_AFTER} of quiet does by itself). */
    public void goHome() {
        home.stop();
        for (int level = 0; level < MAX_DRILL_LEVELS && map.drillUp(); level++) {
            // each step reports itself through drilled(); the last leaves the path empty
        }
        frameCity();
    }

    private void drilled(DrillDown drill) {
        while (path.size() > Math.max(0, drill.level())) {
            path.remove(path.size() - 1);
        }
        if (drill.level() >= 0 && drill.feature() != null) {
            String name = drill.feature().text("name");
            path.add(name.isEmpty() ? messages.text("citymap.card.grid", drill.feature().id()) : name);
        }
        breadcrumb.setText(messages.text("citymap.city") + (path.isEmpty() ? "" : " › " + String.join(" › ", path)));
        breadcrumb.setVisible(!path.isEmpty());
    }

    public MapView view() {
        return map;
    }

    public CityLayers layers() {
        return layers;
    }

    /** The geography (the saved copy first, then what the platform sent); the first one with districts frames the city. */
    public void show(CityGeography geo) {
        districts = geo.districts();
        relabelNow();
        layers.show(geo);
        Envelope city = layers.cityExtent();
        if (!placed && city != null) {
            placed = true;
            frameCity();
        }
    }

    /** Frames the whole city again (after the map's monitor got its size); false before any geography. */
    public boolean frameCity() {
        Envelope city = layers.cityExtent();
        if (city != null) {
            map.setViewState(map.fit(city));
            // as the map holds it (its own rounding), so that only a real move counts as leaving home
            homeView = map.getViewState();
        }
        return city != null;
    }

    /** Every open case, as the snapshot of a (re)connection has them: the overlay holds exactly these. */
    @Override
    public void openCases(Collection<Cases.Case> snapshot) {
        cases.reset(snapshot).forEach(id -> map.getOverlay().remove(id(id)));
        relight();
        relabelNow();
    }

    /** A case event: the case is put on, moved, recoloured or (finished) taken off the map. */
    @Override
    public void caseChanged(Cases.Case c) {
        cases.changed(c);
        if (cases.isOpen(c.id())) {
            map.getOverlay().put(item(c));
        } else {
            map.getOverlay().remove(id(c.id()));
        }
        relabel.playFromStart();
    }

    /** Lights counted down on the clock (the slow tick): a case turns yellow, then red, without an event. */
    @Override
    public void relight() {
        List<LiveItem> items = new ArrayList<>(cases.size());
        cases.all().forEach(c -> items.add(item(c)));
        map.getOverlay().putAll(items);
    }

    /** A copy of the open cases (for the wall's memory). */
    @Override
    public List<Cases.Case> openCases() {
        return List.copyOf(cases.all());
    }

    /** The platform's cameras as marks, grey when offline. */
    @Override
    public void cameras(List<Reference.Camera> cameras) {
        cameras.forEach(c -> map.getOverlay().put(LiveItem.camera(c.id(), c.lng(), c.lat(),
                "online".equals(c.status()) ? LiveStatus.NORMAL : LiveStatus.OFFLINE, clock.instant(), 0, 70)));
    }

    @Override
    public void flyTo(double lng, double lat, double zoom) {
        map.flyTo(new MapViewState(lng, lat, zoom));
    }

    /** How many open cases the wall knows of. */
    public int openCount() {
        return cases.size();
    }

    private LiveItem item(Cases.Case c) {
        return LiveItem.of(id(c.id()), LiveKind.CASE, c.lng(), c.lat(),
                CityLayers.caseStatus(WallCases.light(c, clock.instant())),
                c.updatedAt() != null ? c.updatedAt() : c.reportedAt() != null ? c.reportedAt() : clock.instant());
    }

    private void relabelNow() {
        relabel.stop();
        Map<String, String> labels = new LinkedHashMap<>();
        for (Feature d : districts) {
            String code = d.text("code");
            labels.put(code, messages.text("wall.map.district", d.text("name"), cases.count(code)));
        }
        layers.labelDistricts(labels);
    }

    public static String id(long caseId) {
        return CASE + caseId;
    }

    /** The open case with this id, or null (a click on the map finds its case here). */
    public Cases.Case openCase(long caseId) {
        return cases.get(caseId);
    }
}
