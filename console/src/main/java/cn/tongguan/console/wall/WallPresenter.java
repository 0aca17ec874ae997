package cn.tongguan.console.wall;

import cn.tongguan.api.Cases;
import cn.tongguan.api.Events;
import cn.tongguan.api.Failures;
import cn.tongguan.api.Lifeline;
import cn.tongguan.api.Reference;
import cn.tongguan.api.Stats;
import cn.tongguan.console.i18n.Messages;
import cn.tongguan.console.sync.WallFeed;
import cn.tongguan.console.sync.WallListener;
import cn.tongguan.console.sync.WallRecall;
import cn.tongguan.video.Camera;
import cn.tongguan.video.Tour;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the display wall does with what it hears (ADR 0144): the platform's events, the state saved by the last run
 * and the slow tick go into the wall's view models; the tours follow the alarms, a pushed case flies the map, the KPI
 * aggregates are read again, slowly, and the wall's memory is fed. It owns the view models the views bind to and
 * reaches the map, the video wall, the platform and the disk through {@link WallPorts}; no toolkit, so it is tested
 * with plain JUnit ({@code WallPresenterTest}). The composition root only builds and connects.
 *
 * <p>Threads: the {@link WallListener} methods, {@link #recalled} and {@link #signedIn} are called on the event
 * thread; everything they change on screen hops to the injected {@code fx} executor. The other methods are FX
 * thread only. Blocking reads run on the injected {@code background} executor.
 */
public final class WallPresenter implements WallListener {
    private static final Logger LOG = LoggerFactory.getLogger(WallPresenter.class);
    /** The KPI aggregates (the only thing still polled), the schedule and the banner's age. */
    public static final Duration SLOW_REFRESH = Duration.ofSeconds(30);
    /** A pushed case is shown at street level. */
    private static final double FOCUS_ZOOM = 16;
    /** The rainstorm tour's cameras change quickly: several alarms share the four tiles. */
    private static final Duration ALARM_DWELL = Duration.ofSeconds(15);

    /**
     * The real parts the presenter drives: the platform, the wall's memory, its map and its video tiles;
     * {@code streamOpened} runs on the event thread each time the event stream opens (the geography's refresh).
     */
    public record Ports(WallPorts.Feed feed, WallPorts.Memory memory, WallPorts.CityMap map, WallPorts.Video video,
                        Runnable streamOpened) {
    }

    private final Messages messages;
    private final WallPorts.Feed feed;
    private final WallPorts.Memory memory;
    private final WallPorts.CityMap map;
    private final WallPorts.Video video;
    private final Runnable streamOpened;
    private final Executor background;
    private final Executor fx;
    private final Clock clock;
    private final WallPresets presets;
    private final WallViewModel wallModel;
    private final AlarmResponse response;
    private final LifelineViewModel lifeline;
    private final WallPanelsViewModel figures;
    private final SensorTrendViewModel trend;
    private final PushedViewModel pushed;
    /** Whether the cameras were read (once per run, at the first sign-in); set on the event thread. */
    private volatile boolean loadedOnce;
    /** The open cases {@link #snapshot} read, for the {@link #loaded} that follows on the same event thread. */
    private volatile List<Cases.Case> snapshot;
    /** FX thread: the cameras the tours play. */
    private List<Camera> everyCamera = List.of();
    /** FX thread: what loads once the wall's account is signed in (the meeting panel), null when nothing waits. */
    private Runnable afterSignIn;

    /**
     * @param states the label of a case state (the queue and pushed-case panels)
     * @param scheduled the presets of the schedule (the first is the day's)
     * @throws IOException when the shipped rainstorm preset cannot be read
     */
    public WallPresenter(Messages messages, Function<String, String> states, List<WallLayout> scheduled, Ports ports,
                         Executor background, Executor fx, Clock clock) throws IOException {
        this.messages = messages;
        this.feed = ports.feed();
        this.memory = ports.memory();
        this.map = ports.map();
        this.video = ports.video();
        this.streamOpened = ports.streamOpened();
        this.background = background;
        this.fx = fx;
        this.clock = clock;
        // The presets switch the wall's layout, which needs the presets' current one first: hence the null check.
        this.presets = new WallPresets(scheduled, clock, this::useLayout);
        this.wallModel = new WallViewModel(messages, presets.current());
        this.response = new AlarmResponse(WallLayout.shipped("rainstorm"), presets::override, this::tourNearest,
                this::tourAll);
        this.lifeline = new LifelineViewModel(messages, SensorLevels.load(), response);
        this.figures = new WallPanelsViewModel(messages, states, WallFeed.RECENT_CASES);
        this.trend = new SensorTrendViewModel(messages, feed, background, fx, clock);
        this.pushed = new PushedViewModel(messages, states, feed, this::focus, this::showCamera, background, fx);
    }

    private void useLayout(WallLayout layout) {
        if (wallModel != null) {
            wallModel.useLayout(layout);
        }
    }

    // Start and sign-in ------------------------------------------------------------------------------------------

    /** FX thread, once the wall's windows are open: the preset of the hour. */
    public void started() {
        presets.tick();
    }

    /**
     * Event thread, once, before the first connection: what the last run saved ({@code open}: its open cases, or
     * null when it kept none) is shown while the platform answers.
     */
    public void recalled(Optional<WallRecall.Recalled> saved, List<Cases.Case> open) {
        saved.ifPresent(r -> fx.execute(() -> showRecalled(r, open == null ? r.recent() : open)));
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
        map.openCases(open);
        if (r.today() != null) {
            figures.today(r.today());
        }
        if (!loadedOnce) {
            showCatalogue(r.cameras());
        }
    }

    /** Event thread, after each sign-in of the wall's account: the first one reads the cameras. */
    public void signedIn() throws IOException {
        if (loadedOnce) {
            return;
        }
        List<Reference.Camera> cameras = feed.cameras();
        loadedOnce = true;
        memory.cameras(cameras);
        fx.execute(() -> {
            showCatalogue(cameras);
            if (afterSignIn != null) {
                afterSignIn.run();
            }
        });
    }

    /**
     * FX thread: {@code load} runs once the wall's account is signed in (now, if it already is). The meeting panel
     * reads with the wall's account, so it waits for the first sign-in.
     */
    public void whenSignedIn(Runnable load) {
        afterSignIn = load;
        if (loadedOnce) {
            load.run();
        }
    }

    /** FX thread: the cameras on the map and in the video catalogue. */
    private void showCatalogue(List<Reference.Camera> cameras) {
        map.cameras(cameras);
        everyCamera = playable(cameras);
        response.cameras(cameras);
        video.setCatalog(everyCamera);
        if (response.activeCount() == 0) {
            tourAll();
        }
    }

    // Tours ------------------------------------------------------------------------------------------------------

    /** Rainstorm response: the alarms' cameras, one per tile, cycling quickly. */
    private void tourNearest(String place, List<Reference.Camera> cameras) {
        List<Camera> cams = playable(cameras);
        if (!cams.isEmpty()) {
            video.setLayout(cn.tongguan.video.WallLayout.FOUR);
            video.startTour(Tour.of(messages.text("wall.tour.alarm", place), cams).withDwell(ALARM_DWELL));
        }
    }

    private void tourAll() {
        video.setLayout(cn.tongguan.video.WallLayout.NINE);
        if (!everyCamera.isEmpty()) {
            video.startTour(Tour.of(messages.text("wall.tour.all"), everyCamera));
        }
    }

    /** A pushed case: the map flies to it (street level) and marks it. */
    private void focus(Cases.Case c) {
        map.caseChanged(c);
        map.flyTo(c.lng(), c.lat(), FOCUS_ZOOM);
    }

    /** A pushed camera: the first tile shows it (that tile's tour stops until the next preset change). */
    private void showCamera(String id) {
        everyCamera.stream().filter(c -> c.id().equals(id)).findFirst().ifPresentOrElse(c -> video.play(0, c),
                () -> LOG.warn("Pushed camera {} is not in the catalogue", id));
    }

    /** The platform's cameras the video wall can play (those with a stream). */
    private static List<Camera> playable(List<Reference.Camera> cameras) {
        return cameras.stream().filter(c -> c.streamUrl() != null).map(WallPresenter::camera).toList();
    }

    /** A platform camera as the video wall plays it: its main stream, and the sub stream beside it. */
    static Camera camera(Reference.Camera c) {
        URI main = URI.create(c.streamUrl());
        URI sub = URI.create(c.streamUrl().replace("/main", "/sub"));
        return new Camera(c.id(), c.name(), main, sub);
    }

    // Events (on the event thread): parsed there, applied on the FX thread. -------------------------------------

    /**
     * Event thread, first on each (re)connection: every open case, read before the stream opens, which resumes
     * after the snapshot's event id, so no case event between the two is lost. -1 (resume from now) when the
     * snapshot cannot be read: the latest cases are shown instead (logged).
     */
    @Override
    public long snapshot() {
        List<Cases.Case> open = new ArrayList<>();
        try {
            long from = feed.openCases(open::add);
            snapshot = open;
            return from;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Open cases not read for the wall's map (the latest cases shown): {}", e.toString(),
                    Failures.bug(e));
            snapshot = null;
            return -1;
        }
    }

    @Override
    public void loaded(List<Reference.Sensor> sensors, List<Lifeline.Alarm> active, List<Cases.Case> recent) {
        memory.loaded(sensors, active, recent);
        List<Cases.Case> open = snapshot != null ? snapshot : recent;
        snapshot = null;
        memory.openCases(open);
        fx.execute(() -> {
            wallModel.loaded(clock.instant());
            lifeline.loaded(sensors, active);
            figures.recent(recent);
            map.openCases(open);
        });
        background.execute(this::pollKpis);
    }

    @Override
    public void caseChanged(Cases.Case item) {
        fx.execute(() -> {
            figures.caseChanged(item);
            map.caseChanged(item);
        });
    }

    @Override
    public void alarm(String type, Lifeline.Alarm alarm) {
        fx.execute(() -> lifeline.alarm(type, alarm));
    }

    @Override
    public void sensorStatus(Lifeline.SensorStatus status) {
        fx.execute(() -> lifeline.sensorStatus(status));
    }

    @Override
    public void reading(Events.SensorReading reading) {
        fx.execute(() -> {
            lifeline.reading(reading);
            trend.reading(reading);
        });
    }

    @Override
    public void pushed(Lifeline.WallPush push) {
        fx.execute(() -> pushed.pushed(push));
    }

    @Override
    public void live(boolean live) {
        if (live) {
            // The geography's changes once the stream is open (a cold download of the parts takes seconds; the
            // connection and its events come first), on the background pool, until one refresh had every layer.
            streamOpened.run();
        }
        fx.execute(() -> wallModel.live(live, clock.instant()));
    }

    // The slow tick, the KPIs and saving -------------------------------------------------------------------------

    /** FX thread, every {@link #SLOW_REFRESH}: schedule, banner age, lights; a live wall reads its KPIs and saves. */
    public void slowTick() {
        presets.tick();
        wallModel.tick(clock.instant());
        map.relight();
        if (wallModel.isLive()) {
            background.execute(this::pollKpis);
            if (memory.dueForSave()) {
                List<Cases.Case> open = map.openCases();
                background.execute(() -> saveNow(open));
            }
        }
    }

    /** Background: today's KPI aggregates (events carry single cases, not the day's sums). */
    private void pollKpis() {
        try {
            Stats.Report today = feed.today();
            memory.today(today);
            fx.execute(() -> figures.today(today));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Wall KPI refresh failed: {}", e.toString(), Failures.bug(e));
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

    /**
     * FX thread, at close: what to run on the event thread (after anything it was saving) so the next start finds
     * the open cases the map shows now; nothing is saved by a wall that never signed in.
     */
    public Runnable closing() {
        List<Cases.Case> open = map.openCases();
        return () -> {
            if (loadedOnce) {
                memory.openCases(open);
            }
        };
    }

    // The view models the views bind to --------------------------------------------------------------------------

    public WallViewModel model() {
        return wallModel;
    }

    public LifelineViewModel lifeline() {
        return lifeline;
    }

    public WallPanelsViewModel figures() {
        return figures;
    }

    public SensorTrendViewModel trend() {
        return trend;
    }

    public PushedViewModel pushed() {
        return pushed;
    }
}
