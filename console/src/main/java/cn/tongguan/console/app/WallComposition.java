package cn.tongguan.console.app;

import cn.tongguan.api.Cases;
import cn.tongguan.api.Events;
import cn.tongguan.api.Failures;
import cn.tongguan.api.Lifeline;
import cn.tongguan.api.Reference;
import cn.tongguan.api.Stats;
import cn.tongguan.console.citymap.CityGeography;
import cn.tongguan.console.i18n.Labels;
import cn.tongguan.console.i18n.Messages;
import cn.tongguan.console.sync.PlatformClient;
import cn.tongguan.console.sync.SessionToken;
import cn.tongguan.console.sync.WallEvents;
import cn.tongguan.console.sync.WallFeed;
import cn.tongguan.console.sync.WallListener;
import cn.tongguan.console.sync.WallRecall;
import cn.tongguan.console.wall.AlarmResponse;
import cn.tongguan.console.wall.LifelineMap;
import cn.tongguan.console.wall.LifelineViewModel;
import cn.tongguan.console.wall.PushedViewModel;
import cn.tongguan.console.wall.SensorLevels;
import cn.tongguan.console.wall.SensorTrendViewModel;
import cn.tongguan.console.wall.WallCityMap;
import cn.tongguan.console.wall.WallLayout;
import cn.tongguan.console.wall.WallPanels;
import cn.tongguan.console.wall.WallPanelsViewModel;
import cn.tongguan.console.wall.WallPresets;
import cn.tongguan.console.wall.WallView;
import cn.tongguan.console.wall.WallViewModel;
import cn.tongguan.console.meeting.MeetingMap;
import cn.tongguan.console.meeting.MeetingView;
import cn.tongguan.console.meeting.MeetingViewModel;
import cn.tongguan.console.sync.MeetingApi;
import cn.tongguan.map.LiveItem;
import cn.tongguan.map.LiveStatus;
import cn.tongguan.map.MapView;
import cn.tongguan.map.MapViewState;
import cn.tongguan.video.Camera;
import cn.tongguan.video.Tour;
import cn.tongguan.video.VideoConfig;
import cn.tongguan.video.VideoWall;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wiring of the display wall ({@code --wall}): signs in as the 大屏 account, composes the map with the lifeline
 * marks, the video tours and the figure panels into the layout's monitors, and keeps them live from the
 * platform's event stream; only the KPI aggregates are read again, slowly. Failures never open a dialog: the
 * wall keeps what it shows, its banner says how old it is, and the stream reconnects by itself.
 */
final class WallComposition implements WallListener {
    private static final Logger LOG = LoggerFactory.getLogger(WallComposition.class);
    /** The KPI aggregates (the only thing still polled), the schedule and the banner's age. */
    static final Duration SLOW_REFRESH = Duration.ofSeconds(30);

    private final ConsoleConfig config;
    private final Messages messages;
    private final Labels labels;
    private final PlatformClient platform;
    private final SessionToken token;
    private final ExecutorService background;
    private final ScheduledExecutorService eventThread;
    private final Clock clock;
    private final WallFeed feed;
    private WallView view;
    private WallViewModel wallModel;
    private WallPresets presets;
    private LifelineViewModel lifeline;
    private WallPanelsViewModel figures;
    private SensorTrendViewModel trend;
    private PushedViewModel pushed;
    private WallEvents events;
    private MapView map;
    private VideoWall video;
    private Timeline slow;
    private AlarmResponse response;
    private volatile boolean loadedOnce;
    /** FX thread: the meeting panel (meeting preset) and the grids it draws, once signed in. */
    private MeetingViewModel meetingModel;
    private MeetingMap meetingMap;
    /** FX thread: the city's geography on the maps (the saved copy first, then the platform's), null before. */
    private CityGeography geography;
    private WallCityMap cityMap;
    private final WallGeography geo;
    private List<Camera> everyCamera = List.of();
    /** The wall's memory between runs; opened on the event thread before the first connection. */
    private final WallMemory memory;

    WallComposition(ConsoleConfig config, Messages messages, Labels labels, PlatformClient platform, SessionToken token,
                    ExecutorService background, ScheduledExecutorService eventThread, Clock clock) {
        this.config = config;
        this.messages = messages;
        this.labels = labels;
        this.platform = platform;
        this.token = token;
        this.background = background;
        this.eventThread = eventThread;
        this.clock = clock;
        this.feed = new WallFeed(platform, clock);
        this.memory = new WallMemory(config.dataDir().resolve("wall"), platform.json(), clock);
        this.geo = new WallGeography(memory, platform, background, Platform::runLater, this::showGeography);
    }

    void show() throws IOException {
        List<WallLayout> scheduled = config.wallLayout() != null ? List.of(WallSources.layout(config.wallLayout()))
                : List.of(WallLayout.shipped("daily"), WallLayout.shipped("night"));
        presets = new WallPresets(scheduled, clock, this::useLayout);
        wallModel = new WallViewModel(messages, presets.current());
        response = new AlarmResponse(WallLayout.shipped("rainstorm"), presets::override, this::tourNearest, this::tourAll);
        lifeline = new LifelineViewModel(messages, SensorLevels.load(), response);
        figures = new WallPanelsViewModel(messages, labels::state, WallFeed.RECENT_CASES);
        trend = new SensorTrendViewModel(messages, feed::readings, background, Platform::runLater, clock);
        pushed = new PushedViewModel(messages, labels::state, feed::caseDetail, this::focus, this::showCamera,
                background, Platform::runLater);
        map = new MapView(background, clock);
        map.setViewState(new MapViewState(113.885, 35.305, 12.5));
        cityMap = new WallCityMap(map, messages, clock);
        LifelineMap lifelineMap = new LifelineMap(map, lifeline, trend, pushed, messages);
        video = new VideoWall(VideoConfig.defaults().withLocale(config.locale()), background, Platform::runLater, clock);
        video.setLayout(cn.tongguan.video.WallLayout.NINE);
        Map<String, Supplier<Node>> components = Map.of("map", lifelineMap::root, "video", video::getView,
                "meeting", this::meeting);
        view = new WallView(wallModel, messages, new WallPanels(figures, lifeline, messages, components)::create);
        view.show();
        // Again now that the map has its monitor's size: the city framed, not an 800×600 guess.
        if (!cityMap.frameCity()) {
            map.setViewState(new MapViewState(113.885, 35.305, 12.5));
        }
        presets.tick();
        // The banner already says "connecting" (the model starts there): no age until there are data.
        slow = new Timeline(new KeyFrame(javafx.util.Duration.millis(SLOW_REFRESH.toMillis()), ev -> slowTick()));
        slow.setCycleCount(Timeline.INDEFINITE);
        slow.play();
        events = new WallEvents(platform, feed, eventThread, this::signIn, this);
        // The event thread runs in order: what the wall saved last time is shown before the first connection try.
        eventThread.execute(this::restore);
        events.start();
    }

    private void useLayout(WallLayout layout) {
        if (wallModel != null) {
            wallModel.useLayout(layout);
        }
    }

    /** The meeting on a wall screen: the same view as the leader's console, read with the wall's account. */
    private Node meeting() {
        MeetingViewModel model = new MeetingViewModel(messages, new MeetingApi(platform), background, Platform::runLater,
                clock, config.dataDir().resolve("reports"));
        meetingMap = new MeetingMap(new MapView(background, clock), messages);
        Node root = new MeetingView(model, messages, meetingMap).root();
        meetingModel = model;
        if (geography != null) {
            meetingMap.geography(geography);
        }
        if (loadedOnce) {
            model.load();
        }
        // Otherwise the first sign-in loads it (the wall's account is not signed in yet).
        return root;
    }

    /** Rainstorm response: the alarms' cameras, one per tile, cycling quickly. */
    private void tourNearest(String place, List<Reference.Camera> cameras) {
        List<Camera> cams = cameras.stream().filter(c -> c.streamUrl() != null).map(WallSources::camera).toList();
        if (!cams.isEmpty()) {
            video.setLayout(cn.tongguan.video.WallLayout.FOUR);
            video.startTour(Tour.of(messages.text("wall.tour.alarm", place), cams).withDwell(Duration.ofSeconds(15)));
        }
    }

    private void tourAll() {
        video.setLayout(cn.tongguan.video.WallLayout.NINE);
        if (!everyCamera.isEmpty()) {
            video.startTour(Tour.of(messages.text("wall.tour.all"), everyCamera));
        }
    }

    /** Event thread, once, first: open the wall's memory and show what it kept while the platform answers. */
    private void restore() {
        java.util.Optional<WallRecall.Recalled> saved = memory.open();
        geo.read();
        List<Cases.Case> open = memory.savedOpenCases().orElse(null);
        saved.ifPresent(r -> Platform.runLater(() -> showRecalled(r, open == null ? r.recent() : open)));
    }

    /** FX thread: the geography on the wall's map and the meeting's. */
    private void showGeography(CityGeography geo) {
        geography = geo;
        cityMap.show(geo);
        if (meetingMap != null) {
            meetingMap.geography(geo);
        }
    }

    /** FX thread: the saved state, unless the platform's own state has arrived meanwhile. */
    private void showRecalled(WallRecall.Recalled r, List<Cases.Case> open) {
        if (wallModel.hasData()) {
            return;
        }
        LOG.info("Platform not reached yet: showing the state saved at {}", r.savedAt());
        wallModel.restored(r.savedAt(), clock.instant());
        lifeline.loaded(r.sensors(), r.alarms());
        figures.recent(r.recent());
        cityMap.openCases(open);
        if (r.today() != null) {
            figures.today(r.today());
        }
        if (!loadedOnce) {
            showCatalogue(r.cameras());
        }
    }

    /**
     * On the event thread before a connection that needs it: sign in, then (once) the cameras.
     */
    private void signIn() throws IOException {
        token.set(platform.login(config.wallUser(), config.wallPassword()).token());
        if (loadedOnce) {
            return;
        }
        List<Reference.Camera> cameras = feed.cameras();
        loadedOnce = true;
        memory.cameras(cameras);
        Platform.runLater(() -> {
            showCatalogue(cameras);
            if (meetingModel != null) {
                meetingModel.load();
            }
        });
    }

    /** FX thread: the cameras on the map and in the video catalogue. */
    private void showCatalogue(List<Reference.Camera> cameras) {
        cameras.forEach(c -> map.getOverlay().put(LiveItem.camera(c.id(), c.lng(), c.lat(),
                "online".equals(c.status()) ? LiveStatus.NORMAL : LiveStatus.OFFLINE, clock.instant(), 0, 70)));
        everyCamera = cameras.stream().filter(c -> c.streamUrl() != null).map(WallSources::camera).toList();
        response.cameras(cameras);
        video.setCatalog(everyCamera);
        if (response.activeCount() == 0) {
            tourAll();
        }
    }

    // Events (on the event threads): parsed there, applied on the FX thread. -------------------------------------

    @Override
    public void loaded(List<Reference.Sensor> sensors, List<Lifeline.Alarm> active, List<Cases.Case> recent) {
        memory.loaded(sensors, active, recent);
        // Every open case, once per (re)connection, before the stream opens: the events keep them current after.
        List<Cases.Case> open = openCases(recent);
        memory.openCases(open);
        Platform.runLater(() -> {
            wallModel.loaded(clock.instant());
            lifeline.loaded(sensors, active);
            figures.recent(recent);
            cityMap.openCases(open);
        });
        background.execute(this::pollKpis);
    }

    /** Event thread: the open-case snapshot; the latest cases alone if it cannot be read (logged). */
    private List<Cases.Case> openCases(List<Cases.Case> recent) {
        List<Cases.Case> open = new java.util.ArrayList<>();
        try {
            feed.openCases(open::add);
            return open;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Open cases not read for the wall's map (the latest {} shown): {}", recent.size(), e.toString(),
                    Failures.bug(e));
            return recent;
        }
    }

    @Override
    public void caseChanged(Cases.Case item) {
        Platform.runLater(() -> {
            figures.caseChanged(item);
            cityMap.caseChanged(item);
        });
    }

    @Override
    public void alarm(String type, Lifeline.Alarm alarm) {
        Platform.runLater(() -> lifeline.alarm(type, alarm));
    }

    @Override
    public void sensorStatus(Lifeline.SensorStatus status) {
        Platform.runLater(() -> lifeline.sensorStatus(status));
    }

    @Override
    public void reading(Events.SensorReading reading) {
        Platform.runLater(() -> {
            lifeline.reading(reading);
            trend.reading(reading);
        });
    }

    @Override
    public void pushed(Lifeline.WallPush push) {
        Platform.runLater(() -> pushed.pushed(push));
    }

    @Override
    public void live(boolean live) {
        if (live) {
            // The geography's changes once the stream is open (a cold download of the parts takes seconds; the
            // connection and its events come first), on the background pool, until one refresh had every layer.
            geo.refreshIfDue();
        }
        Platform.runLater(() -> wallModel.live(live, clock.instant()));
    }

    /** A pushed case: the map flies to it (street level) and marks it. */
    private void focus(Cases.Case c) {
        cityMap.caseChanged(c);
        map.flyTo(new MapViewState(c.lng(), c.lat(), 16));
    }

    /** A pushed camera: the first tile shows it (that tile's tour stops until the next preset change). */
    private void showCamera(String id) {
        everyCamera.stream().filter(c -> c.id().equals(id)).findFirst().ifPresentOrElse(c -> video.play(0, c),
                () -> LOG.warn("Pushed camera {} is not in the catalogue", id));
    }

    /** FX thread, every {@link #SLOW_REFRESH} (package-private: a test ticks it after moving its clock). */
    void slowTick() {
        presets.tick();
        wallModel.tick(clock.instant());
        cityMap.relight();
        if (wallModel.isLive()) {
            background.execute(this::pollKpis);
            if (memory.dueForSave()) {
                List<Cases.Case> open = cityMap.openCases();
                background.execute(() -> saveNow(open));
            }
        }
    }

    /** Background: the state as it stands now, read again and saved (events changed it since the last save). */
    private void saveNow(List<Cases.Case> open) {
        try {
            memory.openCases(open);
            memory.loaded(feed.sensors(), feed.activeAlarms(), feed.recentCases());
        } catch (IOException | RuntimeException e) {
            LOG.warn("Wall state not saved: {}", e.toString(), Failures.bug(e));
        }
    }

    /** The wall's state (for tests: its banner and windows). */
    WallViewModel model() {
        return wallModel;
    }

    WallView view() {
        return view;
    }

    WallPanelsViewModel figures() {
        return figures;
    }

    /** The wall's map panel (for tests). */
    WallCityMap cityMap() {
        return cityMap;
    }

    /** Background: today's KPI aggregates (events carry single cases, not the day's sums). */
    private void pollKpis() {
        try {
            Stats.Report today = feed.today();
            memory.today(today);
            Platform.runLater(() -> figures.today(today));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Wall KPI refresh failed: {}", e.toString(), Failures.bug(e));
        }
    }

    void close() {
        if (events != null) {
            events.close();
        }
        // On the event thread, after anything it was saving: what the map shows now, for the next start.
        List<Cases.Case> open = cityMap == null ? null : cityMap.openCases();
        eventThread.execute(() -> {
            if (open != null && loadedOnce) {
                memory.openCases(open);
            }
            memory.close();
        });
        if (slow != null) {
            slow.stop();
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
