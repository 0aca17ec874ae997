package cn.tongguan.map.harness;

import cn.tongguan.map.MapLegend;
import cn.tongguan.map.MapView;
import cn.tongguan.map.MapViewState;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A visual harness (run by hand, like Apache SIS's MapWindowsApp): the real Xinxiang districts with synthetic
 * streets, communities, unit grids, 629,724 parts and live items. Composition root of its own little world.
 */
public final class MapHarness extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(MapHarness.class);
    private ExecutorService workers;
    // The harness is an executable of its own: its clock is the machine's, read here once.
    private final java.time.Clock clock = java.time.Clock.systemUTC();

    @Override
    public void start(Stage stage) {
        Map<String, String> args = getParameters().getNamed();
        int partCount = Integer.parseInt(args.getOrDefault("parts", Integer.toString(SyntheticCity.PART_COUNT)));
        workers = Executors.newFixedThreadPool(2, daemonThreads());
        MapView map = new MapView(workers, clock);
        Label status = new Label("正在生成数据… / generating data…");
        status.setId("harnessStatus");
        BorderPane root = new BorderPane(map);
        MapLegend side = new MapLegend(map.getLayers());
        side.setPadding(new Insets(8));
        side.setPrefWidth(190);
        side.setStyle("-fx-background-color: #0b1522;");
        String css = ".map-legend-layer, .map-legend-entry { -fx-text-fill: #e6f0ff; }";
        side.getStylesheets().add("data:text/css;base64,"
                + java.util.Base64.getEncoder().encodeToString(css.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        HBox toolbar = new HBox(6, button("城市", () -> map.flyTo(Views.CITY)),
                button("城区", () -> map.flyTo(Views.DISTRICT)), button("街道", () -> map.flyTo(Views.STREET)),
                button("+", map::zoomIn), button("−", map::zoomOut), status);
        toolbar.setPadding(new Insets(6));
        toolbar.setStyle("-fx-background-color: #0b1522;");
        status.setStyle("-fx-text-fill: #cfe3ff;");
        root.setTop(toolbar);
        root.setStyle("-fx-font-family: 'Noto Sans CJK SC';");
        root.setLeft(side);
        map.setViewState(Views.named(args.getOrDefault("view", "city")));
        stage.setScene(new Scene(root, 1920, 1080));
        stage.setTitle("统管 · 一张图 harness");
        stage.show();

        workers.execute(() -> {
            long start = System.nanoTime();
            SyntheticCity city = new SyntheticCity(42, partCount, clock.instant());
            XinxiangData.districts().problems().forEach(p -> LOG.info("districts.geojson: {}", p));
            LOG.info("generated {} parts, {} grids, {} communities, {} streets in {} ms", city.parts.size(),
                    city.grids.size(), city.communities.size(), city.streets.size(),
                    (System.nanoTime() - start) / 1_000_000);
            Platform.runLater(() -> {
                CityLayers layers = new CityLayers(city);
                map.getLayers().setAll(layers.all());
                map.setDrillDownLayers(layers.drillDown());
                map.getOverlay().putAll(city.live);
                status.setText(String.format("%,d 部件 · %,d 网格 · %,d 社区 · %d 街道", city.parts.size(),
                        city.grids.size(), city.communities.size(), city.streets.size()));
                map.setOnDrillDown(d -> status.setText("下钻 / drill-down: " + d.layer().title() + " → "
                        + d.feature().text("name")));
                map.setOnFeatureClicked(hits -> status.setText(hits.isEmpty() ? "" : hits.get(0).layer().title()
                        + " · " + hits.get(0).feature().id()));
                startTour(map, args.get("tour"));
                String select = args.get("select");
                if (select != null) {
                    layers.all().stream().flatMap(l -> l.features().stream()).filter(f -> f.id().equals(select))
                            .findFirst().ifPresent(map::select);
                }
            });
        });
    }

    private static void startTour(MapView map, String seconds) {
        if (seconds == null) {
            return;
        }
        List<MapViewState> views = List.of(Views.CITY, Views.DISTRICT, Views.STREET);
        AtomicInteger next = new AtomicInteger(1);
        Timeline tour = new Timeline(new KeyFrame(Duration.seconds(Double.parseDouble(seconds)), e -> {
            MapViewState view = views.get(next.getAndIncrement() % views.size());
            map.setViewState(view);
            LOG.info("tour: view {}", view);
        }));
        tour.setCycleCount(Timeline.INDEFINITE);
        tour.play();
    }

    private static Button button(String text, Runnable action) {
        Button button = new Button(text);
        button.setOnAction(e -> action.run());
        return button;
    }

    static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "map-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            // the FX thread keeps priority over tile rendering
            thread.setPriority(Thread.NORM_PRIORITY - 1);
            return thread;
        };
    }

    @Override
    public void stop() {
        workers.shutdownNow();
    }
}
