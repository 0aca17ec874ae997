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
import cn.tongguan.map.PointSymbol;
import cn.tongguan.map.Style;
import cn.tongguan.map.SymbolShape;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.util.Duration;
import org.locationtech.jts.geom.Envelope;

/**
 * The seat's full-screen 一张图: the city's base (water, rail, roads), division boundaries with labels that the
 * map keeps apart, grids from district zoom, the parts by class (density at city zoom, symbols at street zoom),
 * every open case by its light (clustered below street zoom), drill-down with a breadcrumb, cards on click, the
 * legend and layer switcher of map-layers, and the last view kept. The look lives here; the facts in
 * {@link CityMapViewModel}.
 */
public final class CityMapView {
    /** Web-map zooms of the levels on a 1080p screen (the urban districts are some 30 km across). */
    static final double DISTRICT_ZOOM = 12.5;
    static final double STREET_ZOOM = 14;
    static final double COMMUNITY_ZOOM = 15;
    static final double PART_SYMBOL_ZOOM = 16;
    /** A click within this many pixels of a case is a click on it. */
    private static final double CASE_PICK_PX = 9;
    private static final Color[] CLASS_COLOURS = {Color.web("#4fc3f7"), Color.web("#ffb74d"), Color.web("#aed581"),
        Color.web("#ba68c8"), Color.web("#f06292"), Color.web("#4db6ac"), Color.web("#fff176"), Color.web("#90a4ae")};

    private final CityMapViewModel model;
    private final Messages messages;
    private final MapView map;
    private final Clock clock;
    private final LongConsumer openCase;
    private final Runnable onClose;
    private final Parent root;
    private final PauseTransition keep = new PauseTransition(Duration.seconds(1));
    private final Map<String, FeatureLayer> layers = new LinkedHashMap<>();
    private boolean placed;

    @FXML
    private StackPane mapHolder;
    @FXML
    private HBox breadcrumb;
    @FXML
    private MenuButton classFilter;
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
        this.model = model;
        this.messages = messages;
        this.map = map;
        this.clock = clock;
        this.openCase = openCase;
        this.onClose = onClose;
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
        for (String id : List.of("district", "street", "community", "grid", "water", "rail", "road", "parts")) {
            layers.put(id, new FeatureLayer(id, title(id), List.of(), style(id, Map.of())));
        }
        layers.get("street").zoomRange(STREET_ZOOM - 1, 30);
        layers.get("community").zoomRange(COMMUNITY_ZOOM - 1, 30);
        layers.get("grid").zoomRange(DISTRICT_ZOOM, 30);
        // Roads drawn at every zoom, named along their course from street zoom (map-layers' line labels, ADR 0118).
        layers.get("road").labelsFrom(STREET_ZOOM + 1);
        layers.get("parts").aggregateBelow(PART_SYMBOL_ZOOM);
        for (String backdrop : List.of("water", "rail", "road")) {
            layers.get(backdrop).hitTestable(false);
        }
        map.getLayers().setAll(layers.values());
        map.setDrillDownLayers(List.of(layers.get("district"), layers.get("street"), layers.get("community"),
                layers.get("grid")));
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
        model.openCases().addListener((ListChangeListener<CaseMark>) c -> showCases());
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

    private String title(String layerId) {
        return switch (layerId) {
            case "district" -> messages.text("citymap.layer.district");
            case "street" -> messages.text("citymap.layer.street");
            case "community" -> messages.text("citymap.layer.community");
            case "grid" -> messages.text("citymap.layer.grid");
            case "water" -> messages.text("citymap.layer.water");
            case "rail" -> messages.text("citymap.layer.rail");
            case "road" -> messages.text("citymap.layer.road");
            default -> messages.text("citymap.layer.parts");
        };
    }

    private Style style(String id, Map<String, PointSymbol> classes) {
        return switch (id) {
            case "district" -> Style.polygons(Color.web("#1b3a5c", 0.55), Color.web("#9cc9ff"), 2.5)
                    .withLabel("name", Color.web("#ffffff"));
            case "street" -> Style.polygons(Color.TRANSPARENT, Color.web("#6fa8dc"), 1.5)
                    .withLabel("name", Color.web("#d6e9ff"));
            case "community" -> Style.polygons(Color.TRANSPARENT, Color.web("#5f87ad", 0.9), 1)
                    .withLabel("name", Color.web("#b9d3ee"));
            case "grid" -> Style.polygons(Color.TRANSPARENT, Color.web("#47698c", 0.7), 0.8);
            case "water" -> Style.polygons(Color.TRANSPARENT, Color.web("#3fa9f5"), 3);
            case "rail" -> Style.polygons(Color.TRANSPARENT, Color.web("#c39bd3"), 3);
            case "road" -> Style.lines(Color.web("#f2d49b", 0.85), 1.5).withLabel("name", Color.web("#f2d49b"))
                    .withLabelSize(13);
            default -> Style.points(Color.web("#4fc3f7"), 5).withClasses("class", classes);
        };
    }

    private void show(CityGeography geo) {
        layers.get("district").setFeatures(geo.districts());
        layers.get("street").setFeatures(geo.streets());
        layers.get("community").setFeatures(geo.communities());
        layers.get("grid").setFeatures(geo.grids());
        layers.get("water").setFeatures(geo.waters());
        layers.get("rail").setFeatures(geo.rails());
        layers.get("road").setFeatures(geo.roads());
        Map<String, PointSymbol> symbols = new LinkedHashMap<>();
        SymbolShape[] shapes = SymbolShape.values();
        classFilter.getItems().clear();
        int i = 0;
        for (Map.Entry<String, String> cls : geo.partClasses().entrySet()) {
            symbols.put(cls.getValue(), new PointSymbol(CLASS_COLOURS[i % CLASS_COLOURS.length], shapes[i % shapes.length]));
            CheckMenuItem item = new CheckMenuItem(cls.getValue());
            item.setId("class-" + cls.getKey());
            item.setSelected(model.classShown(cls.getKey()));
            item.selectedProperty().addListener((o, was, now) -> {
                model.showClass(cls.getKey(), now);
                layers.get("parts").setFeatures(model.visibleParts());
                keep.playFromStart();
            });
            classFilter.getItems().add(item);
            i++;
        }
        layers.get("parts").setStyle(style("parts", symbols));
        layers.get("parts").setFeatures(model.visibleParts());
        // The legend lists a layer's classes as they are when it is rebuilt: rebuild it with the new style.
        legendBox.getChildren().set(1, new MapLegend(map.getLayers()));
        if (!placed && !geo.districts().isEmpty()) {
            placed = true;
            CityView kept = model.restoredProperty().get();
            if (kept == null) {
                map.setViewState(map.fit(extent(geo.districts())));
            } else {
                restore(kept);
            }
        }
    }

    private static Envelope extent(List<Feature> features) {
        Envelope all = new Envelope();
        features.forEach(f -> all.expandToInclude(f.geometry().getEnvelopeInternal()));
        return all;
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

    private void showCases() {
        List<LiveItem> items = new ArrayList<>();
        var now = clock.instant();
        for (CaseMark c : model.openCases()) {
            items.add(LiveItem.of(id(c.id()), LiveKind.CASE, c.lng(), c.lat(), status(c.light()), now.minusSeconds(3600)));
        }
        map.getOverlay().clear();
        map.getOverlay().putAll(items);
    }

    static String id(long caseId) {
        return "case-" + caseId;
    }

    /** 红/黄/绿 as the overlay's colours; a case whose clock has not started is grey. */
    static LiveStatus status(String light) {
        if (light == null) {
            return LiveStatus.OFFLINE;
        }
        return switch (light) {
            case "red" -> LiveStatus.ALARM;
            case "yellow" -> LiveStatus.PENDING;
            case "green" -> LiveStatus.NORMAL;
            default -> LiveStatus.OFFLINE;
        };
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
        CaseMark hit = caseAt(e.getX(), e.getY());
        if (hit != null) {
            openCase.accept(hit.id());
            return;
        }
        List<FeatureHit> hits = map.featuresAtPixel(e.getX(), e.getY());
        if (!hits.isEmpty()) {
            model.clicked(hits.get(0).layer().id(), hits.get(0).feature());
        }
    }

    /** The open case nearest to a pixel within {@link #CASE_PICK_PX}; at cluster zoom only if it stands alone. */
    CaseMark caseAt(double x, double y) {
        CaseMark best = null;
        double bestD = CASE_PICK_PX;
        int near = 0;
        for (CaseMark c : model.openCases()) {
            double[] p = map.toPixel(c.lng(), c.lat());
            double d = Math.hypot(p[0] - x, p[1] - y);
            if (d <= CASE_PICK_PX) {
                near++;
                if (d <= bestD) {
                    bestD = d;
                    best = c;
                }
            }
        }
        if (near > 1 && map.getViewState().zoom() < 15) {
            // A cluster: zoom in on it rather than guess which case was meant.
            double[] at = map.toLngLat(x, y);
            map.flyTo(new MapViewState(at[0], at[1], Math.min(map.getViewState().zoom() + 2, 17)));
            return null;
        }
        return best;
    }

    private void drilled(DrillDown drill) {
        model.drilled(drill.level(), drill.feature() == null ? "" : name(drill));
        if (drill.feature() != null) {
            model.clicked(drill.layer().id(), drill.feature());
        } else {
            model.closeCard();
        }
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
