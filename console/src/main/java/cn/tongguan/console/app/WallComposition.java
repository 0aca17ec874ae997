package cn.tongguan.console.app;

import cn.tongguan.api.Reference;
import cn.tongguan.console.i18n.Labels;
import cn.tongguan.console.i18n.Messages;
import cn.tongguan.console.sync.PlatformClient;
import cn.tongguan.console.sync.SessionToken;
import cn.tongguan.console.sync.WallData;
import cn.tongguan.console.sync.WallFeed;
import cn.tongguan.console.wall.AlarmResponse;
import cn.tongguan.console.wall.WallLayout;
import cn.tongguan.console.wall.WallPanels;
import cn.tongguan.console.wall.WallPanelsViewModel;
import cn.tongguan.console.wall.WallView;
import cn.tongguan.console.wall.WallViewModel;
import cn.tongguan.map.FeatureLayer;
import cn.tongguan.map.GeoJsonImporter;
import cn.tongguan.map.ImportResult;
import cn.tongguan.map.LiveItem;
import cn.tongguan.map.LiveKind;
import cn.tongguan.map.LiveStatus;
import cn.tongguan.map.MapView;
import cn.tongguan.map.MapViewState;
import cn.tongguan.map.Style;
import cn.tongguan.video.Camera;
import cn.tongguan.video.Tour;
import cn.tongguan.video.VideoConfig;
import cn.tongguan.video.VideoWall;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.paint.Color;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wiring of the display wall ({@code --wall}): signs in as the 大屏 account, composes the map, the video
 * tours and the figure panels into the layout's monitors, and refreshes the figures every few seconds.
 * Failures never open a dialog: the wall keeps what it shows and its banner says how old it is.
 */
final class WallComposition {
    private static final Logger LOG = LoggerFactory.getLogger(WallComposition.class);
    private static final Duration REFRESH = Duration.ofSeconds(5);

    private final ConsoleConfig config;
    private final Messages messages;
    private final Labels labels;
    private final PlatformClient platform;
    private final SessionToken token;
    private final ExecutorService background;
    private final Clock clock;
    private final WallFeed feed;
    private WallView view;
    private MapView map;
    private VideoWall video;
    private Timeline refresh;
    private Instant lastSuccess;
    private AlarmResponse response;
    private List<Camera> everyCamera = List.of();

    WallComposition(ConsoleConfig config, Messages messages, Labels labels, PlatformClient platform, SessionToken token,
                    ExecutorService background, Clock clock) {
        this.config = config;
        this.messages = messages;
        this.labels = labels;
        this.platform = platform;
        this.token = token;
        this.background = background;
        this.clock = clock;
        this.feed = new WallFeed(platform, clock);
    }

    void show() throws IOException {
        WallLayout daily = layout();
        WallViewModel wallModel = new WallViewModel(messages, daily);
        WallPanelsViewModel figures = new WallPanelsViewModel(messages, labels::state);
        response = new AlarmResponse(daily, preset("rainstorm"), wallModel::useLayout, this::tourNearest, this::tourAll);
        figures.respondWith(response);
        map = new MapView(background);
        map.setViewState(new MapViewState(113.885, 35.305, 12.5));
        video = new VideoWall(VideoConfig.defaults(), background, Platform::runLater);
        video.setLayout(cn.tongguan.video.WallLayout.NINE);
        Map<String, Supplier<Node>> components = Map.of("map", () -> map, "video", video::getView);
        view = new WallView(wallModel, messages, new WallPanels(figures, messages, components)::create);
        view.show();
        wallModel.staleness(Duration.ZERO);
        background.execute(() -> signIn(wallModel, figures));
    }

    private WallLayout layout() throws IOException {
        if (config.wallLayout() == null) {
            return preset("daily");
        }
        try (Reader reader = Files.newBufferedReader(config.wallLayout(), StandardCharsets.UTF_8)) {
            return WallLayout.read(reader);
        }
    }

    private static WallLayout preset(String name) throws IOException {
        try (Reader reader = new InputStreamReader(WallView.class.getResourceAsStream("layouts/" + name + ".properties"),
                StandardCharsets.UTF_8)) {
            return WallLayout.read(reader);
        }
    }

    /** Rainstorm response: the cameras nearest the alarms, one per tile, cycling quickly. */
    private void tourNearest(String gaugeName, List<Reference.Camera> nearest) {
        List<Camera> cams = nearest.stream().filter(c -> c.streamUrl() != null).map(WallComposition::camera).toList();
        if (!cams.isEmpty()) {
            video.setLayout(cn.tongguan.video.WallLayout.FOUR);
            video.startTour(Tour.of(messages.text("wall.tour.alarm", gaugeName), cams).withDwell(Duration.ofSeconds(15)));
        }
    }

    private void tourAll() {
        video.setLayout(cn.tongguan.video.WallLayout.NINE);
        if (!everyCamera.isEmpty()) {
            video.startTour(Tour.of(messages.text("wall.tour.all"), everyCamera));
        }
    }

    /** Background: sign in, then load the map's grids and the cameras once, then refresh the figures. */
    private void signIn(WallViewModel wallModel, WallPanelsViewModel figures) {
        try {
            token.set(platform.login(config.wallUser(), config.wallPassword()).token());
            List<Reference.Camera> cameras = feed.cameras();
            ImportResult grids = new GeoJsonImporter().read(new StringReader(feed.gridsGeoJson()));
            Platform.runLater(() -> {
                map.getLayers().setAll(new FeatureLayer("grids", messages.text("wall.layer.grids"), grids.features(),
                        Style.polygons(Color.web("#12355b", 0.55), Color.web("#3f7fbf"), 0.6)));
                cameras.forEach(c -> map.getOverlay().put(LiveItem.camera(c.id(), c.lng(), c.lat(),
                        "online".equals(c.status()) ? LiveStatus.NORMAL : LiveStatus.OFFLINE, clock.instant(), 0, 70)));
                everyCamera = cameras.stream().filter(c -> c.streamUrl() != null).map(WallComposition::camera).toList();
                response.cameras(cameras);
                video.setCatalog(everyCamera);
                tourAll();
                startRefresh(wallModel, figures);
            });
        } catch (IOException | RuntimeException e) {
            LOG.warn("Wall cannot reach the platform yet: {}", e.toString());
            Platform.runLater(() -> {
                wallModel.staleness(Duration.ZERO);
                // Try again later: the wall is unattended and must recover by itself.
                Timeline retry = new Timeline(new KeyFrame(javafx.util.Duration.seconds(10),
                        ev -> background.execute(() -> signIn(wallModel, figures))));
                retry.play();
            });
        }
    }

    private void startRefresh(WallViewModel wallModel, WallPanelsViewModel figures) {
        refresh = new Timeline(new KeyFrame(javafx.util.Duration.millis(REFRESH.toMillis()),
                ev -> background.execute(() -> poll(wallModel, figures))));
        refresh.setCycleCount(Timeline.INDEFINITE);
        refresh.play();
        background.execute(() -> poll(wallModel, figures));
    }

    private void poll(WallViewModel wallModel, WallPanelsViewModel figures) {
        try {
            WallData data = feed.fetch();
            Platform.runLater(() -> {
                lastSuccess = data.at();
                figures.update(data);
                data.recentCases().forEach(c -> map.getOverlay().put(LiveItem.of("case-" + c.id(), LiveKind.CASE,
                        c.lng(), c.lat(), "red".equals(c.light()) ? LiveStatus.ALARM : LiveStatus.PENDING, c.reportedAt())));
                data.gauges().forEach(g -> map.getOverlay().put(LiveItem.of(g.id(), LiveKind.SENSOR, g.lng(), g.lat(),
                        g.threshold() != null && g.lastValue() != null && g.lastValue() >= g.threshold()
                                ? LiveStatus.ALARM : LiveStatus.NORMAL, clock.instant())));
                wallModel.staleness(null);
            });
        } catch (IOException | RuntimeException e) {
            LOG.warn("Wall refresh failed: {}", e.toString());
            Platform.runLater(() -> wallModel.staleness(lastSuccess == null ? Duration.ZERO
                    : Duration.between(lastSuccess, clock.instant())));
        }
    }

    private static Camera camera(Reference.Camera c) {
        URI main = URI.create(c.streamUrl());
        URI sub = URI.create(c.streamUrl().replace("/main", "/sub"));
        return new Camera(c.id(), c.name(), main, sub);
    }

    void close() {
        if (refresh != null) {
            refresh.stop();
        }
        if (view != null) {
            view.close();
        }
        if (video != null) {
            video.close();
        }
        if (map != null) {
            map.dispose();
        }
    }
}
