package cn.tongguan.console.app;

import cn.tongguan.console.citymap.CityGeography;
import cn.tongguan.console.i18n.Labels;
import cn.tongguan.console.i18n.Messages;
import cn.tongguan.console.meeting.MeetingMap;
import cn.tongguan.console.meeting.MeetingView;
import cn.tongguan.console.meeting.MeetingViewModel;
import cn.tongguan.console.sync.MeetingApi;
import cn.tongguan.console.sync.PlatformClient;
import cn.tongguan.console.sync.SessionToken;
import cn.tongguan.console.sync.WallEvents;
import cn.tongguan.console.sync.WallFeed;
import cn.tongguan.console.sync.WallRecall;
import cn.tongguan.console.wall.LifelineMapView;
import cn.tongguan.console.wall.WallCityMapView;
import cn.tongguan.console.wall.WallLayout;
import cn.tongguan.console.wall.WallPanelsView;
import cn.tongguan.console.wall.WallPanelsViewModel;
import cn.tongguan.console.wall.WallPresenter;
import cn.tongguan.console.wall.WallView;
import cn.tongguan.console.wall.WallViewModel;
import cn.tongguan.map.MapView;
import cn.tongguan.map.MapViewState;
import cn.tongguan.video.VideoConfig;
import cn.tongguan.video.VideoWall;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.Node;

/**
 * Wiring of the display wall ({@code --wall}): signs in as the 大屏 account, builds the map with the lifeline marks,
 * the video wall and the figure panels into the layout's monitors, and connects the platform's event stream to the
 * wall's presenter ({@link WallPresenter}), which does what the wall does with it (ADR 0144). Construction and
 * lifecycle only: the event handling, the tours, the case on the map and the KPI refresh are the presenter's.
 * Failures never open a dialog: the wall keeps what it shows, its banner says how old it is, and the stream
 * reconnects by itself.
 */
final class WallComposition {
    private final ConsoleConfig config;
    private final Messages messages;
    private final Labels labels;
    private final PlatformClient platform;
    private final SessionToken token;
    private final ExecutorService background;
    private final ScheduledExecutorService eventThread;
    private final Clock clock;
    private final WallFeed feed;
    /** The wall's memory between runs; opened on the event thread before the first connection. */
    private final WallMemory memory;
    private final WallGeography geo;
    private WallPresenter presenter;
    private WallView view;
    private WallEvents events;
    private MapView map;
    private WallCityMapView cityMap;
    private VideoWall video;
    private Timeline slow;
    /** FX thread: the grids the meeting panel draws (meeting preset), null until it is shown. */
    private MeetingMap meetingMap;
    /** FX thread: the city's geography on the maps (the saved copy first, then the platform's), null before. */
    private CityGeography geography;

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
        map = new MapView(background, clock);
        map.setViewState(new MapViewState(113.885, 35.305, 12.5));
        cityMap = new WallCityMapView(map, messages, clock);
        video = new VideoWall(VideoConfig.defaults().withLocale(config.locale()), background, Platform::runLater, clock);
        video.setLayout(cn.tongguan.video.WallLayout.NINE);
        presenter = new WallPresenter(messages, labels::state, scheduled, new WallPresenter.Ports(WallSources.feed(feed),
                memory, cityMap, WallSources.video(video), geo::refreshIfDue), background, Platform::runLater, clock);
        LifelineMapView lifelineMap = new LifelineMapView(map, presenter.lifeline(), presenter.trend(),
                presenter.pushed(), messages);
        lifelineMap.setOpenCases(cityMap::openCase);
        lifelineMap.addOver(cityMap.breadcrumb());
        Map<String, Supplier<Node>> components = Map.of("map", lifelineMap::root, "video", video::getView,
                "meeting", this::meeting);
        view = new WallView(presenter.model(), messages,
                new WallPanelsView(presenter.figures(), presenter.lifeline(), messages, components)::create);
        view.show();
        // Again now that the map has its monitor's size: the city framed, not an 800×600 guess.
        if (!cityMap.frameCity()) {
            map.setViewState(new MapViewState(113.885, 35.305, 12.5));
        }
        presenter.started();
        // The banner already says "connecting" (the model starts there): no age until there are data.
        slow = new Timeline(new KeyFrame(javafx.util.Duration.millis(WallPresenter.SLOW_REFRESH.toMillis()),
                ev -> slowTick()));
        slow.setCycleCount(Timeline.INDEFINITE);
        slow.play();
        events = new WallEvents(platform, feed, eventThread, this::signIn, presenter);
        // The event thread runs in order: what the wall saved last time is shown before the first connection try.
        eventThread.execute(this::restore);
        events.start();
    }

    /** The meeting on a wall screen: the same view as the leader's console, read with the wall's account. */
    private Node meeting() {
        MeetingViewModel model = new MeetingViewModel(messages, new MeetingApi(platform), background, Platform::runLater,
                clock, config.dataDir().resolve("reports"));
        meetingMap = new MeetingMap(new MapView(background, clock), messages);
        Node root = new MeetingView(model, messages, meetingMap).root();
        if (geography != null) {
            meetingMap.geography(geography);
        }
        // Loaded once the wall's account is signed in (at once if it already is).
        presenter.whenSignedIn(model::load);
        return root;
    }

    /** Event thread, once, first: open the wall's memory and show what it kept while the platform answers. */
    private void restore() {
        java.util.Optional<WallRecall.Recalled> saved = memory.open();
        geo.read();
        presenter.recalled(saved, memory.savedOpenCases().orElse(null));
    }

    /** FX thread: the geography on the wall's map and the meeting's. */
    private void showGeography(CityGeography geo) {
        geography = geo;
        cityMap.show(geo);
        if (meetingMap != null) {
            meetingMap.geography(geo);
        }
    }

    /** On the event thread before a connection that needs it: sign in, then (once) the cameras. */
    private void signIn() throws IOException {
        token.set(platform.login(config.wallUser(), config.wallPassword()).token());
        presenter.signedIn();
    }

    /** FX thread, every {@link WallPresenter#SLOW_REFRESH} (package-private: a test ticks it after moving its clock). */
    void slowTick() {
        presenter.slowTick();
    }

    /** The wall's state (for tests: its banner and windows). */
    WallViewModel model() {
        return presenter.model();
    }

    WallView view() {
        return view;
    }

    WallPanelsViewModel figures() {
        return presenter.figures();
    }

    /** The wall's map panel (for tests). */
    WallCityMapView cityMap() {
        return cityMap;
    }

    void close() {
        if (events != null) {
            events.close();
        }
        // On the event thread, after anything it was saving: what the map shows now, for the next start.
        Runnable save = presenter == null ? () -> { } : presenter.closing();
        eventThread.execute(() -> {
            save.run();
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
