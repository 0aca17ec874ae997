package cn.tongguan.video.harness;

import cn.tongguan.video.Camera;
import cn.tongguan.video.CameraList;
import cn.tongguan.video.CameraListView;
import cn.tongguan.video.EngineChoice;
import cn.tongguan.video.Tour;
import cn.tongguan.video.VideoConfig;
import cn.tongguan.video.VideoWall;
import cn.tongguan.video.WallLayout;
import cn.tongguan.video.sim.CameraSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A 3×3 (or any layout) wall touring the simulator's cameras, with the camera list to drag from and the
 * tour controls of tile 0. The composition root of the harness: it owns the executor, the wall and the
 * simulator it may have started.
 */
public final class WallHarnessApp extends Application {
    private static final Logger LOGGER = LoggerFactory.getLogger(WallHarnessApp.class);

    private CameraSimulator simulator;
    private List<Camera> cameras;
    private ExecutorService background;
    private VideoWall wall;
    // The harness is an executable of its own: the machine's clock, read here once, is its composition root's.
    private final java.time.Clock clock = java.time.Clock.systemUTC();

    @Override
    public void init() throws Exception {
        Map<String, String> named = getParameters().getNamed();
        String file = named.get("cameras");
        if (file != null) {
            cameras = CameraList.read(Path.of(file));
        } else {
            simulator = CameraSimulator.start(139, "640x360@25", "320x180@15");
            cameras = "http".equals(named.get("protocol")) ? simulator.httpCameras() : simulator.rtspCameras();
            LOGGER.info("camera simulator started: lists in {}", simulator.directory());
        }
        AtomicInteger n = new AtomicInteger();
        background = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "video-background-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1); // the FX thread comes first
            return t;
        });
    }

    @Override
    public void start(Stage stage) {
        Map<String, String> named = getParameters().getNamed();
        VideoConfig config = VideoConfig.defaults()
                .withEngine(EngineChoice.valueOf(named.getOrDefault("engine", "AUTO")))
                .withDecodeBudget(Integer.parseInt(named.getOrDefault("budget", "16")));
        wall = new VideoWall(config, background, Platform::runLater, clock);
        wall.setCatalog(cameras);
        wall.setLayout(WallLayout.valueOf(named.getOrDefault("layout", "NINE")));
        Tour tour = Tour.of("全部摄像头", cameras).withDwell(Duration.ofSeconds(Long.parseLong(named.getOrDefault("dwell", "10"))));
        wall.startTour(tour);

        ComboBox<WallLayout> layouts = new ComboBox<>();
        layouts.getItems().setAll(WallLayout.values());
        layouts.setValue(wall.getLayout());
        layouts.setOnAction(e -> {
            wall.setLayout(layouts.getValue());
            wall.startTour(tour);
        });
        Label coverage = new Label();
        Timeline refresh = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> {
            var c = wall.coverage(Duration.ofMinutes(10));
            coverage.setText("10 分钟覆盖 " + c.seen() + "/" + c.total());
        }));
        refresh.setCycleCount(Timeline.INDEFINITE);
        refresh.play();
        ToolBar bar = new ToolBar(new Label("布局"), layouts,
                button("◀ 上一个", () -> wall.previous(0)), button("暂停", () -> wall.pause(0)),
                button("▶ 继续", () -> wall.resume(0)), button("下一个 ▶", () -> wall.next(0)),
                button("⚠ 报警", this::alarmOnFirstTile), button("解除报警", this::clearAlarms),
                button("截图", this::snapshotFirstTile), coverage);
        BorderPane root = new BorderPane(wall.getView());
        root.setStyle("-fx-font-family: \"Noto Sans CJK SC\", \"Noto Sans SC\", \"Microsoft YaHei\", sans-serif;");
        root.setTop(bar);
        CameraListView list = new CameraListView(cameras);
        list.setPrefWidth(220);
        root.setLeft(list);
        stage.setTitle("统管 · 视频轮巡 (harness)");
        stage.setScene(new Scene(root, 1600, 960));
        stage.show();
    }

    private static Button button(String text, Runnable action) {
        Button b = new Button(text);
        b.setOnAction(e -> action.run());
        return b;
    }

    private void alarmOnFirstTile() {
        Camera camera = wall.status(0).camera();
        if (camera != null) {
            wall.alarm(camera.id());
        }
    }

    private void clearAlarms() {
        cameras.forEach(c -> wall.clearAlarm(c.id()));
    }

    private void snapshotFirstTile() {
        String name = "tile0-" + LocalDateTime.ofInstant(clock.instant(), java.time.ZoneId.of("Asia/Shanghai")).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".png";
        Path file = Path.of(System.getProperty("user.home"), ".tongguan", "snapshots", name);
        wall.snapshot(0, file).whenComplete((path, error) -> {
            if (error != null) {
                LOGGER.warn("snapshot failed: {}", error.getMessage());
            } else {
                LOGGER.info("snapshot written to {}", path);
            }
        });
    }

    @Override
    public void stop() throws Exception {
        if (wall != null) {
            wall.close();
        }
        background.shutdown();
        if (simulator != null) {
            simulator.close();
        }
    }
}
