package cn.tongguan.console.wall;

import cn.tongguan.api.Cases;
import cn.tongguan.api.Lifeline;
import cn.tongguan.console.citymap.LiveMarks;
import cn.tongguan.console.i18n.Messages;
import cn.tongguan.map.MapView;
import cn.tongguan.map.MapViewState;
import cn.tongguan.map.OverlayHit;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongFunction;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.locationtech.jts.geom.Envelope;

/**
 * The wall's map with the lifeline drawn over it: one mark per water gauge and underpass (a circle coloured by
 * level, the depth as a label read from five metres; flashing while its alarm is ACTIVE); the 3,000 manhole covers
 * as items of the map's clustered overlay (shown when alarmed, all of them from street zoom: the seat's rule,
 * {@link LiveMarks#sensor}); a sensor's trend chart on click; a pushed or clicked case's card. All floating
 * panels: the wall never opens a dialog, and they close by themselves when left open.
 */
public final class LifelineMapView {
    private static final Duration FLASH = Duration.millis(500);
    private static final String COVER = "manhole";
    /** A click on a cluster zooms in at least one level, and not past street zoom (where nothing clusters). */
    private static final double ZOOM_INTO_CLUSTER_AT_MOST = 17;
    private static final Duration PANEL_IDLE = Duration.minutes(2);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final MapView map;
    private final LifelineViewModel model;
    private final SensorTrendViewModel trend;
    private final PushedViewModel pushed;
    private final Messages messages;
    private final Pane marksPane = new Pane();
    private final Map<String, Group> nodes = new HashMap<>();
    private final StackPane root;
    private LongFunction<Cases.Case> openCase = id -> null;
    private boolean flashOn = true;

    public LifelineMapView(MapView map, LifelineViewModel model, SensorTrendViewModel trend, PushedViewModel pushed,
                       Messages messages) {
        this.map = map;
        this.model = model;
        this.trend = trend;
        this.pushed = pushed;
        this.messages = messages;
        marksPane.setPickOnBounds(false);
        marksPane.setId("sensorMarks");
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(marksPane.widthProperty());
        clip.heightProperty().bind(marksPane.heightProperty());
        marksPane.setClip(clip);
        model.marks().addListener((MapChangeListener<String, LifelineViewModel.SensorMark>) change -> {
            if (change.wasRemoved() && !change.wasAdded()) {
                Group gone = nodes.remove(change.getKey());
                marksPane.getChildren().remove(gone);
                map.getOverlay().remove(LiveMarks.SENSOR + change.getKey());
            }
            if (change.wasAdded()) {
                draw(change.getValueAdded());
            }
        });
        model.marks().values().forEach(this::draw);
        map.setOnOverlayClicked(this::clicked);
        map.viewStateProperty().addListener((o, a, b) -> placeAll());
        // The map takes its new size in its own layout pass, after these listeners: place the marks after it.
        map.widthProperty().addListener((o, a, b) -> javafx.application.Platform.runLater(this::placeAll));
        map.heightProperty().addListener((o, a, b) -> javafx.application.Platform.runLater(this::placeAll));
        // One timeline for every flashing mark: a storm of 28 alarms costs one animation, not 28.
        Timeline flash = new Timeline(new KeyFrame(FLASH, e -> flash()));
        flash.setCycleCount(Timeline.INDEFINITE);
        flash.play();
        root = new StackPane(map, marksPane, trendPanel(), pushedCard());
        root.getStyleClass().add("lifeline-map");
    }

    public StackPane root() {
        return root;
    }

    /** The node of a sensor's mark (for tests and the bench). */
    public Group mark(String sensorId) {
        return nodes.get(sensorId);
    }

    /** Where a clicked case is found (the wall's open cases, by id; null when not open). */
    public void setOpenCases(LongFunction<Cases.Case> openCase) {
        this.openCase = Objects.requireNonNull(openCase);
    }

    /** Puts {@code node} over the map, under the floating panels (e.g. the drill-down breadcrumb). */
    public void addOver(Node node) {
        root.getChildren().add(2, node);
    }

    /** A click on the overlay: a cluster zooms in on its members, a sensor opens its trend, a case its card. */
    private void clicked(OverlayHit hit) {
        if (hit.cluster()) {
            Envelope env = hit.lngLat();
            MapViewState fit = map.fit(env);
            double zoom = Math.min(Math.max(fit.zoom(), map.getViewState().zoom() + 1), ZOOM_INTO_CLUSTER_AT_MOST);
            map.flyTo(new MapViewState(env.centre().x, env.centre().y, zoom));
            return;
        }
        String id = hit.item().id();
        if (id.startsWith(LiveMarks.SENSOR)) {
            String sensor = id.substring(LiveMarks.SENSOR.length());
            LifelineViewModel.SensorMark m = model.marks().get(sensor);
            trend.open(sensor, m == null ? sensor : m.name(), m == null ? COVER : m.kind());
        } else if (id.startsWith(WallCityMapView.CASE)) {
            Cases.Case c = openCase.apply(Long.parseLong(id.substring(WallCityMapView.CASE.length())));
            if (c != null) {
                pushed.opened(c);
            }
        }
    }

    private void draw(LifelineViewModel.SensorMark m) {
        if (COVER.equals(m.kind())) {
            // Not a node: 3,000 of them, and at city zoom only the alarmed ones, clustered with the overlay.
            map.getOverlay().put(LiveMarks.sensor(m.id(), m.kind(), m.lng(), m.lat(), m.state(), Instant.EPOCH));
            return;
        }
        Group g = nodes.computeIfAbsent(m.id(), id -> {
            Circle dot = new Circle(9);
            dot.getStyleClass().add("sensor-dot");
            Label label = new Label();
            label.getStyleClass().add("sensor-label");
            label.setLayoutX(12);
            label.setLayoutY(-11);
            Group group = new Group(dot, label);
            group.setId("sensor-" + id);
            group.setOnMouseClicked(e -> trend.open(id, model.marks().get(id).name(), model.marks().get(id).kind()));
            marksPane.getChildren().add(group);
            return group;
        });
        Circle dot = (Circle) g.getChildren().get(0);
        Label label = (Label) g.getChildren().get(1);
        g.getStyleClass().setAll("sensor-mark", m.style());
        label.setText(m.label());
        g.getProperties().put("flashing", m.flashing());
        g.setUserData(m);
        if (!m.flashing()) {
            dot.setOpacity(1);
        }
        place(g);
    }

    private void flash() {
        flashOn = !flashOn;
        for (Group g : nodes.values()) {
            if (Boolean.TRUE.equals(g.getProperties().get("flashing"))) {
                g.getChildren().get(0).setOpacity(flashOn ? 1 : 0.3);
            }
        }
    }

    private void placeAll() {
        nodes.values().forEach(this::place);
    }

    private void place(Group g) {
        LifelineViewModel.SensorMark m = (LifelineViewModel.SensorMark) g.getUserData();
        double[] xy = map.toPixel(m.lng(), m.lat());
        g.setLayoutX(xy[0]);
        g.setLayoutY(xy[1]);
        g.setVisible(xy[0] >= -20 && xy[1] >= -20 && xy[0] <= map.getWidth() + 20
                && xy[1] <= map.getHeight() + 20);
    }

    private VBox trendPanel() {
        Label title = new Label();
        title.textProperty().bind(trend.titleProperty());
        title.getStyleClass().add("wall-panel-title");
        Label note = new Label();
        note.textProperty().bind(trend.noteProperty());
        note.visibleProperty().bind(trend.noteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        Button close = new Button(messages.text("wall.trend.close"));
        close.setOnAction(e -> trend.close());
        close.setFocusTraversable(false);
        NumberAxis x = new NumberAxis();
        x.setForceZeroInRange(false);
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return HOUR.format(java.time.Instant.ofEpochSecond(n.longValue()));
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
        NumberAxis y = new NumberAxis();
        y.labelProperty().bind(trend.axisProperty());
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        trend.points().addListener((ListChangeListener<Lifeline.Reading>) c ->
                TrendSeries.plot(chart, trend, r -> r.at().getEpochSecond()));
        VBox panel = new VBox(6, title, note, chart, close);
        VBox.setVgrow(chart, Priority.ALWAYS);
        panel.setId("sensorTrend");
        panel.getStyleClass().add("wall-floating");
        panel.setMaxSize(640, 380);
        panel.setPadding(new Insets(10));
        StackPane.setAlignment(panel, Pos.TOP_RIGHT);
        StackPane.setMargin(panel, new Insets(16));
        panel.visibleProperty().bind(trend.openProperty());
        closeWhenIdle(panel, trend::close);
        return panel;
    }

    private VBox pushedCard() {
        Label title = new Label();
        title.textProperty().bind(pushed.titleProperty());
        title.getStyleClass().add("wall-panel-title");
        Label body = new Label();
        body.textProperty().bind(pushed.bodyProperty());
        body.setWrapText(true);
        body.getStyleClass().add("wall-push-body");
        VBox card = new VBox(8, title, body);
        card.setId("pushedCase");
        card.getStyleClass().add("wall-floating");
        card.setMaxSize(560, javafx.scene.layout.Region.USE_PREF_SIZE);
        card.setPadding(new Insets(12));
        StackPane.setAlignment(card, Pos.TOP_LEFT);
        StackPane.setMargin(card, new Insets(16));
        card.visibleProperty().bind(pushed.shownProperty());
        card.setOnMouseClicked(e -> pushed.dismiss());
        closeWhenIdle(card, pushed::dismiss);
        return card;
    }

    /** An unattended wall must not keep a panel open forever: it closes after a while without a change. */
    private static void closeWhenIdle(VBox panel, Runnable close) {
        PauseTransition idle = new PauseTransition(PANEL_IDLE);
        idle.setOnFinished(e -> close.run());
        panel.visibleProperty().addListener((o, was, is) -> {
            if (is) {
                idle.playFromStart();
            } else {
                idle.stop();
            }
        });
    }
}
