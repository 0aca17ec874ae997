package cn.tongguan.console.wall;

import static cn.tongguan.console.wall.Lifelines.AT;
import static cn.tongguan.console.wall.Lifelines.camera;
import static cn.tongguan.console.wall.Lifelines.cleared;
import static cn.tongguan.console.wall.Lifelines.gauge;
import static cn.tongguan.console.wall.Lifelines.raised;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.Cases;
import cn.tongguan.api.Lifeline;
import cn.tongguan.api.Reference;
import cn.tongguan.api.Stats;
import cn.tongguan.api.testing.MutableClock;
import cn.tongguan.console.i18n.Messages;
import cn.tongguan.console.sync.WallRecall;
import cn.tongguan.video.Camera;
import cn.tongguan.video.Tour;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the wall does with what it hears, without the toolkit: events, the saved state and the slow tick fed to the
 * real {@link WallPresenter} and its real view models; the map, the video tiles, the platform and the disk are
 * recording ports (the composition hands in the real ones; {@code WallConnectionUiTest} and {@code WallMapUiTest}
 * run them). Every executor runs at once, so each call's effect is there when it returns.
 */
class WallPresenterTest {
    /** The event id the fake platform's open-case snapshot reflects. */
    private static final long SNAPSHOT_EVENT = 41;
    private final Messages messages = Messages.load(Locale.SIMPLIFIED_CHINESE);
    private final MutableClock clock = new MutableClock(AT);
    private final Feed feed = new Feed();
    private final Memory memory = new Memory();
    private final CityMap map = new CityMap();
    private final Video video = new Video();
    private final List<String> streamOpened = new ArrayList<>();
    private WallPresenter wall;

    @BeforeEach
    void wall() throws IOException {
        wall = new WallPresenter(messages, s -> "状态" + s, List.of(WallLayout.shipped("daily"), WallLayout.shipped("night")),
                new WallPresenter.Ports(feed, memory, map, video, () -> streamOpened.add("geo")), Runnable::run,
                Runnable::run, clock);
        wall.started();
    }

    @Test
    void aConnectionShowsTheCitysOpenCasesTheLatestAndTodaysFigures() throws IOException {
        assertThat(wall.model().bannerProperty().get()).isEqualTo(messages.text("wall.banner.connecting"));
        feed.open = List.of(item(1, "dispatched"), item(2, "reported"), item(3, "disposed"));

        // The stream resumes after the snapshot's event: a case event between the two is replayed, not lost.
        assertThat(wall.snapshot()).isEqualTo(SNAPSHOT_EVENT);
        wall.loaded(List.of(gauge("WL01", 113.9, 35.3, 3.0)), List.of(), List.of(item(2, "reported")));

        assertThat(wall.model().bannerProperty().get()).isEmpty();
        assertThat(wall.model().isLive()).isTrue();
        assertThat(map.snapshots).isEqualTo(List.of(feed.open));
        assertThat(memory.openCases).isEqualTo(List.of(feed.open));
        assertThat(wall.figures().cases()).hasSize(1);
        assertThat(wall.figures().cases().get(0)).contains("XX2");
        assertThat(wall.lifeline().gauges()).hasSize(1);
        assertThat(wall.figures().receivedProperty().get()).isEqualTo("412");
        assertThat(memory.today).isSameAs(feed.today);
    }

    @Test
    void withoutTheOpenCaseSnapshotTheMapShowsTheLatestCases() {
        feed.openFails = true;
        List<Cases.Case> recent = List.of(item(5, "dispatched"));

        assertThat(wall.snapshot()).as("no snapshot: from now").isEqualTo(-1);
        wall.loaded(List.of(), List.of(), recent);

        assertThat(map.snapshots).isEqualTo(List.of(recent));
        assertThat(wall.model().isLive()).isTrue();
    }

    @Test
    void caseEventsReachTheQueueAndTheMap() {
        wall.loaded(List.of(), List.of(), List.of());

        wall.caseChanged(item(7, "reported"));
        wall.caseChanged(item(7, "closed"));

        assertThat(map.changed).extracting(Cases.Case::state).containsExactly("reported", "closed");
        assertThat(wall.figures().cases()).isEmpty();
    }

    @Test
    void theFirstSignInReadsTheCamerasOnceAndStartsTheEverydayTour() throws IOException {
        wall.signedIn();
        wall.signedIn();

        assertThat(feed.cameraReads).isEqualTo(1);
        assertThat(memory.cameras).isEqualTo(feed.cameras);
        assertThat(map.cameras).isEqualTo(feed.cameras);
        // The camera without a stream is marked on the map but not played.
        assertThat(video.catalog).extracting(Camera::id).containsExactly("C001", "C002");
        assertThat(video.layouts).containsExactly(cn.tongguan.video.WallLayout.NINE);
        assertThat(video.tours).containsExactly(messages.text("wall.tour.all") + " [C001, C002]");
    }

    @Test
    void aWaterAlarmSwitchesToTheRainstormTourAndItsClearingBack() throws IOException {
        wall.signedIn();
        wall.loaded(List.of(gauge("WL01", 113.9, 35.3, 3.0)), List.of(), List.of());
        Lifeline.Alarm alarm = raised(9, "WL01", "ORANGE", 26.5, List.of("C002"));

        wall.alarm("alarm.raised", alarm);

        assertThat(wall.model().layoutProperty().get().name()).isEqualTo("暴雨");
        assertThat(video.layouts).last().isEqualTo(cn.tongguan.video.WallLayout.FOUR);
        assertThat(video.tours).last().isEqualTo(messages.text("wall.tour.alarm", "积水点WL01") + " [C002]");
        assertThat(wall.lifeline().ticker()).isNotEmpty();

        wall.alarm("alarm.cleared", cleared(alarm, "值班长王"));

        assertThat(wall.model().layoutProperty().get().name()).isEqualTo("日常");
        assertThat(video.layouts).last().isEqualTo(cn.tongguan.video.WallLayout.NINE);
        assertThat(video.tours).last().isEqualTo(messages.text("wall.tour.all") + " [C001, C002]");
    }

    @Test
    void aPushedCaseFliesTheMapToStreetLevelAndAPushedCameraPlaysInTheFirstTile() throws IOException {
        wall.signedIn();

        wall.pushed(new Lifeline.WallPush(1, "CASE", "42", "看这里", "值班长王", AT));
        wall.pushed(new Lifeline.WallPush(2, "CAMERA", "C002", null, "值班长王", AT));

        assertThat(wall.pushed().shownProperty().get()).isTrue();
        assertThat(map.changed).extracting(Cases.Case::id).containsExactly(42L);
        assertThat(map.flights).containsExactly("113.9,35.3@16.0");
        assertThat(video.plays).containsExactly("0:C002");
    }

    @Test
    void aLostStreamAgesTheBannerAndStopsThePollUntilTheStreamIsBack() {
        wall.loaded(List.of(), List.of(), List.of());
        int polls = feed.todayReads;

        wall.live(false);
        clock.advance(Duration.ofMinutes(3));
        wall.slowTick();

        assertThat(wall.model().bannerProperty().get()).isEqualTo(messages.text("wall.banner.stale", 3L));
        assertThat(feed.todayReads).isEqualTo(polls);
        assertThat(map.relights).isEqualTo(1);
        assertThat(streamOpened).isEmpty();

        wall.live(true);
        wall.slowTick();

        assertThat(streamOpened).containsExactly("geo");
        assertThat(wall.model().bannerProperty().get()).isEmpty();
        assertThat(feed.todayReads).isEqualTo(polls + 1);
    }

    @Test
    void aLiveWallDueToSaveSavesWhatTheMapShowsAndTheStateReadAgain() {
        wall.loaded(List.of(), List.of(), List.of());
        map.open = List.of(item(11, "dispatched"));
        memory.openCases.clear();
        memory.loads = 0;
        memory.due = true;

        wall.slowTick();

        assertThat(memory.openCases).isEqualTo(List.of(map.open));
        assertThat(memory.loads).isEqualTo(1);
    }

    @Test
    void theSavedStateIsShownUntilThePlatformAnswersAndNeverOverIt() {
        WallRecall.Recalled saved = new WallRecall.Recalled(List.of(gauge("WL01", 113.9, 35.3, 3.0)), List.of(),
                List.of(item(3, "reported")), feed.cameras, null, null, AT.minus(Duration.ofMinutes(20)));
        List<Cases.Case> open = List.of(item(3, "reported"), item(4, "dispatched"));

        wall.recalled(Optional.of(saved), open);

        assertThat(wall.model().bannerProperty().get()).isEqualTo(messages.text("wall.banner.restored", 20L));
        assertThat(map.snapshots).isEqualTo(List.of(open));
        assertThat(wall.figures().cases()).hasSize(1);
        // Not signed in yet: the saved cameras are toured meanwhile.
        assertThat(video.catalog).extracting(Camera::id).containsExactly("C001", "C002");

        wall.loaded(List.of(), List.of(), List.of());
        wall.recalled(Optional.of(saved), open);

        assertThat(wall.model().bannerProperty().get()).isEmpty();
        assertThat(map.snapshots).hasSize(2);
    }

    @Test
    void closingSavesTheMapsOpenCasesOnlyForAWallThatSignedIn() throws IOException {
        map.open = List.of(item(8, "dispatched"));
        wall.closing().run();
        assertThat(memory.openCases).isEmpty();

        wall.signedIn();
        wall.closing().run();
        assertThat(memory.openCases).isEqualTo(List.of(map.open));
    }

    @Test
    void theMeetingLoadsOnceTheWallsAccountIsSignedIn() throws IOException {
        List<String> loads = new ArrayList<>();
        wall.whenSignedIn(() -> loads.add("meeting"));
        assertThat(loads).isEmpty();

        wall.signedIn();
        assertThat(loads).containsExactly("meeting");

        wall.whenSignedIn(() -> loads.add("again"));
        assertThat(loads).containsExactly("meeting", "again");
    }

    private static Cases.Case item(long id, String state) {
        return WallPanelsViewModelTest.item(id, state, (int) id);
    }

    /** The platform as the wall reads it: fixed answers, counted reads. */
    private static final class Feed implements WallPorts.Feed {
        List<Cases.Case> open = List.of();
        boolean openFails;
        final List<Reference.Camera> cameras = List.of(camera("C001", 113.90, 35.30), camera("C002", 113.91, 35.30),
                new Reference.Camera("C003", "C003", 113.92, 35.30, null, "offline"));
        private static final Stats.Row HONGQI = new Stats.Row("410702", "红旗区", 412, 412, 400, 380, 380, 360, 350, 350, 0,
                0, 2, 0, null, null, null, null, null, null, null);
        final Stats.Report today = new Stats.Report("district", AT, AT, List.of(HONGQI), HONGQI);
        int cameraReads;
        int todayReads;

        @Override
        public Stats.Report today() {
            todayReads++;
            return today;
        }

        @Override
        public List<Reference.Sensor> sensors() {
            return List.of();
        }

        @Override
        public List<Lifeline.Alarm> activeAlarms() {
            return List.of();
        }

        @Override
        public List<Cases.Case> recentCases() {
            return List.of();
        }

        @Override
        public long openCases(Consumer<Cases.Case> sink) throws IOException {
            if (openFails) {
                throw new IOException("snapshot refused");
            }
            open.forEach(sink);
            return SNAPSHOT_EVENT;
        }

        @Override
        public List<Reference.Camera> cameras() {
            cameraReads++;
            return cameras;
        }

        @Override
        public List<Lifeline.Reading> readings(String sensorId, Instant from, Instant to) {
            return List.of();
        }

        @Override
        public Cases.CaseDetail read(long id) {
            return new Cases.CaseDetail(item(id, "dispatched"), List.of(), List.of());
        }
    }

    private static final class Memory implements WallPorts.Memory {
        final List<List<Cases.Case>> openCases = new ArrayList<>();
        List<Reference.Camera> cameras;
        Stats.Report today;
        int loads;
        boolean due;

        @Override
        public void loaded(List<Reference.Sensor> sensors, List<Lifeline.Alarm> active, List<Cases.Case> recent) {
            loads++;
        }

        @Override
        public void openCases(Collection<Cases.Case> open) {
            openCases.add(List.copyOf(open));
        }

        @Override
        public void today(Stats.Report report) {
            today = report;
        }

        @Override
        public void cameras(List<Reference.Camera> list) {
            cameras = list;
        }

        @Override
        public boolean dueForSave() {
            return due;
        }
    }

    private static final class CityMap implements WallPorts.CityMap {
        final List<List<Cases.Case>> snapshots = new ArrayList<>();
        final List<Cases.Case> changed = new ArrayList<>();
        final List<String> flights = new ArrayList<>();
        List<Cases.Case> open = List.of();
        List<Reference.Camera> cameras;
        int relights;

        @Override
        public void openCases(Collection<Cases.Case> snapshot) {
            snapshots.add(List.copyOf(snapshot));
        }

        @Override
        public void caseChanged(Cases.Case c) {
            changed.add(c);
        }

        @Override
        public void relight() {
            relights++;
        }

        @Override
        public List<Cases.Case> openCases() {
            return open;
        }

        @Override
        public void cameras(List<Reference.Camera> list) {
            cameras = list;
        }

        @Override
        public void flyTo(double lng, double lat, double zoom) {
            flights.add(lng + "," + lat + "@" + zoom);
        }
    }

    private static final class Video implements WallPorts.Video {
        final List<cn.tongguan.video.WallLayout> layouts = new ArrayList<>();
        final List<String> tours = new ArrayList<>();
        final List<String> plays = new ArrayList<>();
        List<Camera> catalog = List.of();

        @Override
        public void setLayout(cn.tongguan.video.WallLayout layout) {
            layouts.add(layout);
        }

        @Override
        public void startTour(Tour tour) {
            tours.add(tour.name() + " " + tour.cameras().stream().map(Camera::id).toList());
        }

        @Override
        public void setCatalog(List<Camera> cameras) {
            catalog = cameras;
        }

        @Override
        public void play(int tile, Camera camera) {
            plays.add(tile + ":" + camera.id());
        }
    }
}
