package cn.tongguan.console.wall;

import static cn.tongguan.console.wall.Lifelines.AT;
import static cn.tongguan.console.wall.Lifelines.gauge;
import static cn.tongguan.console.wall.Lifelines.raised;
import static cn.tongguan.console.wall.Lifelines.underpass;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.Cases;
import cn.tongguan.api.Events;
import cn.tongguan.api.Lifeline;
import cn.tongguan.api.Reference;
import cn.tongguan.api.Stats;
import cn.tongguan.console.i18n.Messages;
import cn.tongguan.console.testing.ScreenshotOnFailure;
import cn.tongguan.map.FeatureLayer;
import cn.tongguan.map.GeoJsonImporter;
import cn.tongguan.map.MapView;
import cn.tongguan.map.MapViewState;
import cn.tongguan.map.Style;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The wall in a rainstorm on three real monitors, driven by event records: the alarm switches every monitor to
 * the rainstorm preset (water levels beside the map on monitor 1), the marks are coloured, labelled and the
 * alarmed one flashes, a click opens the trend panel (no dialog). Each monitor is captured with
 * {@code import -window root} into {@code target/screenshots/wall-rainstorm-N.png} (copied to docs/screenshots).
 */
@ExtendWith({ApplicationExtension.class, ScreenshotOnFailure.class})
class WallRainstormUiTest {
    /** 10:00 in Beijing, ticking: the daily preset, whatever the hour the suite runs at. */
    private final Clock clock = cn.tongguan.api.testing.TestClocks.at(java.time.LocalTime.of(10, 0));
    private static final Path DISTRICTS = Path.of("..", "democity", "src", "main", "resources", "cn", "tongguan",
            "democity", "xinxiang", "districts.geojson");
    private WallView wall;
    private MapView map;
    private cn.tongguan.video.VideoWall video;
    private cn.tongguan.video.sim.CameraSimulator sim;
    private java.util.concurrent.ExecutorService background;

    @BeforeAll
    static void needsThreeMonitors() throws Exception {
        FxToolkit.registerPrimaryStage();
        int screens = WaitForAsyncUtils.asyncFx(() -> Screen.getScreens().size()).get(10, TimeUnit.SECONDS);
        MultiheadDisplay.require(3, screens);
    }

    @AfterEach
    void close() throws Exception {
        if (wall != null) {
            WaitForAsyncUtils.asyncFx(() -> {
                wall.close();
                map.dispose();
                video.close();
            }).get(10, TimeUnit.SECONDS);
        }
        if (background != null) {
            background.shutdownNow();
        }
        if (sim != null) {
            sim.close();
        }
    }

    private static WallLayout preset(String name) throws IOException {
        try (Reader r = new InputStreamReader(WallView.class.getResourceAsStream("layouts/" + name + ".properties"),
                StandardCharsets.UTF_8)) {
            return WallLayout.read(r);
        }
    }

    /** A row as the platform sends it, its rates computed from its counts. */
    private static Stats.Row row(String key, String name, long reported, long closed) {
        return new Stats.Row(key, name, reported, reported, reported - 5, reported - 8, reported - 8, reported - 10,
                closed, closed, 0, 0, 2, 0, (reported - 8.0) / (reported - 5), null, (double) closed / (reported - 10),
                null, null, null, null);
    }

    @Test
    void rainstormOnThreeMonitorsWithFlashingLabelledSensorsAndATrendOnClick() throws Exception {
        Messages messages = Messages.load(Locale.SIMPLIFIED_CHINESE);
        List<String> tours = new ArrayList<>();
        background = Executors.newFixedThreadPool(2);
        // The camera simulator's four cameras stand where the alarm's four nearest cameras are.
        if (System.getProperty("tongguan.camera-sim") == null) {
            System.setProperty("tongguan.camera-sim", Path.of("..", "video", "sim", "camera_sim.py").toString());
        }
        sim = cn.tongguan.video.sim.CameraSimulator.start(4, "480x270@15", "320x180@15");
        List<cn.tongguan.video.Camera> simulated = sim.rtspCameras();
        double[][] at = {{113.90, 35.30}, {113.91, 35.31}, {113.88, 35.29}, {113.87, 35.30}};
        List<Reference.Camera> cameras = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            cameras.add(new Reference.Camera(simulated.get(i).id(), simulated.get(i).name(), at[i][0], at[i][1],
                    simulated.get(i).main().toString(), "online"));
        }
        var fx = WaitForAsyncUtils.asyncFx(() -> {
            WallViewModel wallModel = new WallViewModel(messages, preset("daily"));
            WallPresets presets = new WallPresets(List.of(preset("daily"), preset("night")), clock, wallModel::useLayout);
            video = new cn.tongguan.video.VideoWall(cn.tongguan.video.VideoConfig.defaults(), background,
                    javafx.application.Platform::runLater, clock);
            AlarmResponse response = new AlarmResponse(preset("rainstorm"), presets::override, (place, cams) -> {
                tours.add(place + " " + cams.size());
                video.setLayout(cn.tongguan.video.WallLayout.FOUR);
                video.startTour(cn.tongguan.video.Tour.of(messages.text("wall.tour.alarm", place), cams.stream()
                        .map(c -> simulated.stream().filter(s -> s.id().equals(c.id())).findFirst().orElseThrow()).toList()));
            }, () -> tours.add("all"));
            response.cameras(cameras);
            LifelineViewModel lifeline = new LifelineViewModel(messages, SensorLevels.load(), response);
            WallPanelsViewModel figures = new WallPanelsViewModel(messages, s -> "处置中", 30);
            SensorTrendViewModel trend = new SensorTrendViewModel(messages, (id, from, to) -> {
                List<Lifeline.Reading> rs = new ArrayList<>();
                for (int i = 0; i < 72; i++) {
                    rs.add(new Lifeline.Reading(id, null, Math.max(0, 2 + 0.35 * i - (i > 60 ? (i - 60) * 0.5 : 0)),
                            to.minusSeconds(300L * (72 - i))));
                }
                return rs;
            }, background, javafx.application.Platform::runLater, clock);
            PushedViewModel pushed = new PushedViewModel(messages, s -> s,
                    id -> new Cases.CaseDetail(WallPanelsViewModelTest.item(id, "dispatched", 1), List.of(), List.of()),
                    c -> map.flyTo(new MapViewState(c.lng(), c.lat(), 15)), id -> { }, background,
                    javafx.application.Platform::runLater);
            map = new MapView(background, clock);
            map.setViewState(new MapViewState(113.89, 35.30, 12.3));
            LifelineMapView lifelineMap = new LifelineMapView(map, lifeline, trend, pushed, messages);
            Map<String, Supplier<Node>> components = Map.of("map", lifelineMap::root,
                    "video", video::getView);
            wall = new WallView(wallModel, messages, new WallPanelsView(figures, lifeline, messages, components)::create);
            wall.show();
            presets.tick();
            map.setViewState(new MapViewState(113.892, 35.300, 13.2));
            return new Object[] {lifeline, figures, lifelineMap, wallModel, pushed};
        }).get(20, TimeUnit.SECONDS);
        LifelineViewModel lifeline = (LifelineViewModel) fx[0];
        WallPanelsViewModel figures = (WallPanelsViewModel) fx[1];
        LifelineMapView lifelineMap = (LifelineMapView) fx[2];
        WallViewModel wallModel = (WallViewModel) fx[3];
        PushedViewModel pushed = (PushedViewModel) fx[4];
        String districts = Files.exists(DISTRICTS) ? Files.readString(DISTRICTS) : null;
        WaitForAsyncUtils.asyncFx(() -> {
            // The platform's state has been read: no "connecting" banner over the rainstorm.
            wallModel.loaded(AT);
            if (districts != null) {
                map.getLayers().setAll(new FeatureLayer("districts", "区", new GeoJsonImporter().read(districts).features(),
                        Style.polygons(Color.web("#12355b", 0.55), Color.web("#3f7fbf"), 1.2)));
            }
            lifeline.loaded(List.of(gauge("WL01", 113.905, 35.302, 3.0), gauge("WL02", 113.872, 35.312, 7.5),
                    gauge("WL03", 113.925, 35.285, 12.0), gauge("WL04", 113.86, 35.295, 1.0),
                    underpass("UP01", 113.885, 35.288, 31.0), underpass("UP02", 113.915, 35.318, 8.0)), List.of());
            lifeline.reading(new Events.SensorReading("WL01", 26.5, AT));
            lifeline.alarm("alarm.raised", raised(7, "WL01", "ORANGE", 26.5,
                    cameras.stream().map(Reference.Camera::id).toList()));
            lifeline.alarm("alarm.raised", new Lifeline.Alarm(8, "UP01", "underpass", "UNDERPASS_LEVEL", "ORANGE", 31, 25,
                    "ACTIVE", AT, AT, null, null, null, null, 902L, List.of()));
            lifeline.alarm("alarm.acknowledged", Lifelines.acknowledged(new Lifeline.Alarm(8, "UP01", "underpass",
                    "UNDERPASS_LEVEL", "ORANGE", 31, 25, "ACTIVE", AT, AT, null, null, null, null, 902L, List.of()), "值班长王"));
            lifeline.sensorStatus(new Lifeline.SensorStatus("WL04", "NODATA", null, 1.0, AT, AT));
            figures.today(new Stats.Report("district", AT, AT, List.of(row("410702", "红旗区", 412, 350),
                    row("410703", "卫滨区", 233, 190), row("410704", "凤泉区", 98, 80), row("410711", "牧野区", 301, 260)),
                    // the city as the platform totals it: 1044 received, 1024 dispatched, 1012 disposed, 880 of 1004 closed
                    new Stats.Row(null, null, 1044, 1044, 1024, 1012, 1012, 1004, 880, 880, 0, 0, 8, 0, 1012.0 / 1024, null,
                            880.0 / 1004, null, null, null, null)));
            figures.recent(List.of(WallPanelsViewModelTest.item(11, "reported", 3), WallPanelsViewModelTest.item(12, "dispatched", 2)));
        }).get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> map.setViewState(new MapViewState(113.892, 35.300, 13.2))).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(wallModel.layoutProperty().get().name()).isEqualTo("暴雨");
        assertThat(tours).first().isEqualTo("积水点WL01 4");
        List<Stage> stages = wall.stages();
        assertThat(stages).hasSize(3);
        assertThat(stages.get(0).getScene().lookup("#panel-water")).as("water beside the map").isNotNull();
        Group wl01 = lifelineMap.mark("WL01");
        assertThat(wl01.getStyleClass()).contains("level-orange");
        assertThat(wl01.getProperties().get("flashing")).isEqualTo(true);
        assertThat(((Label) wl01.getChildren().get(1)).getText()).isEqualTo("26.5 厘米");
        Group up01 = lifelineMap.mark("UP01");
        assertThat(up01.getStyleClass()).contains("sensor-closed");
        assertThat(up01.getProperties().get("flashing")).as("acknowledged: steady").isEqualTo(false);
        assertThat(((Label) up01.getChildren().get(1)).getText()).isEqualTo("封闭 31.0 厘米");
        assertThat(lifelineMap.mark("WL04").getStyleClass()).contains("sensor-nodata");

        // The alarm's cameras play on the video monitor.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> java.util.stream.IntStream
                .range(0, video.tileCount()).allMatch(i -> video.status(i).lastFrameAt() != null)).get());
        assertThat(video.tileCount()).isEqualTo(4);

        new FxRobot().clickOn(wl01.getChildren().get(0));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lifelineMap.root().lookup("#sensorTrend").isVisible());
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(600); // let the map tiles and the chart paint before the capture (not an assertion)
        for (int i = 0; i < stages.size(); i++) {
            Stage s = stages.get(i);
            capture(Path.of("target", "screenshots", "wall-rainstorm-" + (i + 1) + ".png"), s);
        }

        // A seat pushes a case: its card appears over the map, no dialog.
        WaitForAsyncUtils.asyncFx(() -> pushed.pushed(new Lifeline.WallPush(1, "CASE", "31", null, "operator", AT)))
                .get(10, TimeUnit.SECONDS);
        Node card = lifelineMap.root().lookup("#pushedCase");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, card::isVisible);
        assertThat(pushed.titleProperty().get()).isEqualTo("坐席推送 · XX31");
    }

    /** {@code import -window root}, cropped to one monitor. */
    private static void capture(Path file, Stage stage) throws Exception {
        Files.createDirectories(file.toAbsolutePath().getParent());
        String crop = (int) stage.getWidth() + "x" + (int) stage.getHeight() + "+" + (int) stage.getX() + "+" + (int) stage.getY();
        Process p = new ProcessBuilder("import", "-window", "root", "-crop", crop, file.toString())
                .redirectErrorStream(true).start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("import failed: " + new String(p.getInputStream().readAllBytes()));
        }
    }
}
