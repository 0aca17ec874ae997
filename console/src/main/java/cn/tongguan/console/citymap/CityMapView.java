package cn.tongguan.console.citymap;

import cn.tongguan.console.i18n.Messages;
import cn.tongguan.console.shell.Fxml;
import cn.tongguan.map.DrillDown;
import cn.tongguan.map.Feature;
import cn.tongguan.map.FeatureHit;
import cn.tongguan.map.FeatureLayer;
import cn.tongguan.map.LiveItem;
import cn.tongguan.map.LiveKind;
import cn.tongguan.map.LiveStatus;
import cn.tongguan.map.MapLegend;
import cn.tongguan.map.MapView;
import cn.tongguan.map.MapViewState;
import cn.tongguan.map.OverlayHit;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.util.Duration;

/**
 * The seat's full-screen 一张图: the city's base (water, rail, roads), division boundaries with labels that the
 * map keeps apart, grids from district zoom, the parts by class (density at city zoom, symbols at street zoom),
 * every open case by its light (clustered below street zoom), drill-down with a breadcrumb, cards on click, the
 * legend and layer switcher of map-layers, and the last view kept. The look lives here; the facts in
 * {@link CityMapViewModel}.
 */
public final class CityMapView {
    private final CityMapViewModel model;
    private final Messages messages;
    private final MapView map;
    private final Clock clock;
    private final LongConsumer openCase;
    private final Runnable onClose;
    private final Parent root;
    private final PauseTransition keep = new PauseTransition(Duration.seconds(1));
    private final CityLayers city;
    private final Map<String, FeatureLayer> layers = new LinkedHashMap<>();
    private final HeatLayer heat;
    private final CityMapCards cards;
    /** The grid drilled into (the last level), whose parts alone are shown; null above it. */
    private Feature gridShown;
    private boolean placed;

    @FXML
    private StackPane mapHolder;
    @FXML
    private HBox breadcrumb;
    @FXML
    private MenuButton classFilter;
    @FXML
    private MenuButton heatMenu;
    @FXML
    private VBox cardExtra;
    @FXML
    private VBox legendBox;
    @FXML
    private VBox card;
    @FXML
    private Label cardTitle;
    @FXML
    private VBox cardLines;
    @FXML
    private Label status;

    public CityMapView(CityMapViewModel model, Messages messages, MapView map, Clock clock, LongConsumer openCase,
                       Runnable onClose) {
        this(model, messages, map, clock, openCase, onClose, camera -> { });
    }

    /** {@code player} plays a camera whose card's 播放 is pressed. */
    public CityMapView(CityMapViewModel model, Messages messages, MapView map, Clock clock, LongConsumer openCase,
                       Runnable onClose, CameraPlayer player) {
        this.model = model;
        this.messages = messages;
        this.map = map;
        this.clock = clock;
        this.openCase = openCase;
        this.onClose = onClose;
        this.city = new CityLayers(messages, 1);
        city.all().forEach(l -> layers.put(l.id(), l));
        this.heat = new HeatLayer(messages, model.heat(), () -> city.layer("grid").features());
        this.cards = new CityMapCards(messages, model.live(), player);
        this.root = Fxml.load(CityMapView.class, "CityMap.fxml", this, messages);
    }

    public Parent root() {
        return root;
    }

    public MapView map() {
        return map;
    }

    @FXML
    private void initialize() {
        map.setId("cityMap");
        mapHolder.getChildren().add(0, map);
        card.setId("cityMapCard");
        card.setVisible(false);
        city.install(map);
        // The heat just above the grid lines, under the roads and the parts.
        map.getLayers().add(map.getLayers().indexOf(city.layer("grid")) + 1, heat.layer());
        heatMenu.setId("heatMenu");
        map.setOnDrillDown(this::drilled);
        map.addEventHandler(MouseEvent.MOUSE_CLICKED, this::clicked);
        // The map took the focus on this press; the shell's TabPane, reached if the press bubbles on, would take
        // it back (its behaviour focuses itself on any press inside), and Backspace would not reach the map.
        map.addEventHandler(MouseEvent.MOUSE_PRESSED, MouseEvent::consume);
        legendBox.getChildren().add(new MapLegend(map.getLayers()));
        legendBox.getChildren().add(lightLegend());
        status.textProperty().bind(model.statusProperty());
        model.geographyProperty().addListener((o, was, geo) -> show(geo));
        model.restoredProperty().addListener((o, was, view) -> restore(view));
        model.openCases().addListener((ListChangeListener<CaseMark>) c -> showOverlay());
        model.live().sensors().addListener((ListChangeListener<CityLive.SensorMark>) c -> showOverlay());
        model.live().cameras().addListener((ListChangeListener<CityLive.CameraMark>) c -> showOverlay());
        model.breadcrumb().addListener((ListChangeListener<String>) c -> showBreadcrumb());
        model.cardProperty().addListener((o, was, now) -> showCard(now));
        showBreadcrumb();
        keep.setOnFinished(e -> keepView());
        map.viewStateProperty().addListener((o, was, now) -> keep.playFromStart());
        layers.values().forEach(l -> l.visibleProperty().addListener((o, was, now) -> keep.playFromStart()));
    }

    /** Loads (the first time) and refreshes the open cases; the map keeps its layers between openings. */
    public void opened() {
        model.open();
        // After the seat has put the map on screen: arrows, +/− and Backspace go to the map.
        javafx.application.Platform.runLater(map::requestFocus);
    }

    /** One level up; false at the whole city (then Esc leaves the map). */
    public boolean back() {
        return map.drillUp();
    }

    public int depth() {
        return model.depth();
    }

    private void show(CityGeography geo) {
        city.show(geo);
        classFilter.getItems().clear();
        for (Map.Entry<String, String> cls : geo.partClasses().entrySet()) {
            CheckMenuItem item = new CheckMenuItem(cls.getValue());
            item.setId("class-" + cls.getKey());
            item.setSelected(model.classShown(cls.getKey()));
            item.selectedProperty().addListener((o, was, now) -> {
                model.showClass(cls.getKey(), now);
                showParts();
                keep.playFromStart();
            });
            classFilter.getItems().add(item);
        }
        showParts();
        heat.fill(heatMenu, model.bigClasses());
        // The legend lists a layer's classes as they are when it is rebuilt: rebuild it with the new style.
        legendBox.getChildren().set(1, new MapLegend(map.getLayers()));
        if (!placed && !geo.districts().isEmpty()) {
            placed = true;
            CityView kept = model.restoredProperty().get();
            if (kept == null) {
                map.setViewState(map.fit(city.cityExtent()));
            } else {
                restore(kept);
            }
        }
    }

    private void restore(CityView view) {
        if (view == null) {
            return;
        }
        placed = true;
        map.setViewState(new MapViewState(view.lng(), view.lat(), view.zoom()));
        layers.forEach((id, layer) -> layer.setVisible(!view.hiddenLayers().contains(id)));
    }

    private void keepView() {
        MapViewState s = map.getViewState();
        Set<String> hidden = layers.entrySet().stream().filter(e -> !e.getValue().isVisible())
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        model.keepView(s.lng(), s.lat(), s.zoom(), hidden);
    }

    /** Every open case, the sensors and the cameras (zoom rules in {@link LiveMarks}); nothing blinks as new. */
    private void showOverlay() {
        List<LiveItem> items = new ArrayList<>();
        var since = clock.instant().minusSeconds(3600);
        for (CaseMark c : model.openCases()) {
            items.add(LiveItem.of(id(c.id()), LiveKind.CASE, c.lng(), c.lat(), status(c.light()), since));
        }
        items.addAll(LiveMarks.items(model.live().sensors(), model.live().cameras(), since));
        map.getOverlay().clear();
        map.getOverlay().putAll(items);
    }

    static String id(long caseId) {
        return "case-" + caseId;
    }

    /** 红/黄/绿 as the overlay's colours (one home with the wall's: {@link CityLayers#caseStatus}). */
    static LiveStatus status(String light) {
        return CityLayers.caseStatus(light);
    }

    private VBox lightLegend() {
        VBox box = new VBox(3);
        box.setId("cityMapLights");
        String[][] lights = {{"red", messages.text("citymap.light.red")},
            {"yellow", messages.text("citymap.light.yellow")}, {"green", messages.text("citymap.light.green")},
            {null, messages.text("citymap.light.none")}};
        for (String[] light : lights) {
            box.getChildren().add(new Label(light[1], new Circle(6, status(light[0]).colour())));
        }
        return box;
    }

    private void clicked(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress() || e.getClickCount() != 1) {
            return;
        }
        Optional<OverlayHit> live = map.overlayAt(e.getX(), e.getY());
        if (live.isPresent()) {
            overlayClicked(live.get());
            return;
        }
        List<FeatureHit> hits = map.featuresAtPixel(e.getX(), e.getY());
        if (!hits.isEmpty()) {
            model.clicked(hits.get(0).layer().id(), hits.get(0).feature());
        }
    }

    /** A case opens the seat's detail, a sensor or camera its card; a cluster is zoomed into, not guessed at. */
    void overlayClicked(OverlayHit hit) {
        if (hit.cluster()) {
            double[] at = {hit.lngLat().centre().x, hit.lngLat().centre().y};
            map.flyTo(new MapViewState(at[0], at[1], Math.min(map.getViewState().zoom() + 2, 17)));
            return;
        }
        String id = hit.item().id();
        if (id.startsWith(LiveMarks.SENSOR)) {
            model.clickedLive("sensor", id.substring(LiveMarks.SENSOR.length()));
        } else if (id.startsWith(LiveMarks.CAMERA)) {
            model.clickedLive("camera", id.substring(LiveMarks.CAMERA.length()));
        } else if (id.startsWith("case-")) {
            openCase.accept(Long.parseLong(id.substring("case-".length())));
        }
    }

    private void drilled(DrillDown drill) {
        model.drilled(drill.level(), drill.feature() == null ? "" : name(drill));
        // The last level: that grid's parts alone (the class filter applying); above it, every part again.
        Feature grid = drill.level() == CityMapViewModel.LEVELS.size() - 1 ? drill.feature() : null;
        if (grid != gridShown) {
            gridShown = grid;
            showParts();
        }
        if (drill.feature() != null) {
            model.clicked(drill.layer().id(), drill.feature());
        } else {
            model.closeCard();
        }
    }

    private void showParts() {
        layers.get("parts").setFeatures(gridShown == null ? model.visibleParts() : model.partsIn(gridShown));
    }

    private String name(DrillDown drill) {
        String name = drill.feature().text("name");
        return name.isEmpty() ? messages.text("citymap.card.grid", drill.feature().id()) : name;
    }

    private void showBreadcrumb() {
        breadcrumb.getChildren().clear();
        List<String> crumbs = model.breadcrumb();
        for (int i = 0; i < crumbs.size(); i++) {
            if (i > 0) {
                breadcrumb.getChildren().add(new Label("›"));
            }
            if (i == crumbs.size() - 1) {
                Label here = new Label(crumbs.get(i));
                here.setId("crumb-" + i);
                breadcrumb.getChildren().add(here);
            } else {
                Hyperlink link = new Hyperlink(crumbs.get(i));
                link.setId("crumb-" + i);
                int levelsUp = crumbs.size() - 1 - i;
                link.setOnAction(e -> {
                    for (int n = 0; n < levelsUp; n++) {
                        map.drillUp();
                    }
                });
                breadcrumb.getChildren().add(link);
            }
        }
    }

    private void showCard(CityCard shown) {
        card.setVisible(shown != null);
        if (shown == null) {
            return;
        }
        cardTitle.setText(shown.title());
        cardLines.getChildren().setAll(shown.lines().stream().map(Label::new).toList());
        javafx.scene.Node extra = cards.extra(shown);
        cardExtra.getChildren().setAll(extra == null ? List.of() : List.of(extra));
    }

    @FXML
    private void closeCard() {
        model.closeCard();
    }

    @FXML
    private void close() {
        keepView();
        onClose.run();
    }
}
