package cn.tongguan.console.app;

import cn.tongguan.api.Auth;
import cn.tongguan.api.Failures;
import cn.tongguan.console.audit.AuditView;
import cn.tongguan.console.audit.AuditViewModel;
import cn.tongguan.console.cache.CacheKey;
import cn.tongguan.console.detail.CaseDetailViewModel;
import cn.tongguan.console.detail.CaseMap;
import cn.tongguan.map.MapView;
import cn.tongguan.console.i18n.Labels;
import cn.tongguan.console.i18n.Messages;
import cn.tongguan.console.login.LoginView;
import cn.tongguan.console.login.LoginViewModel;
import cn.tongguan.console.login.ReauthView;
import cn.tongguan.console.login.ReauthViewModel;
import cn.tongguan.console.queue.QueueViewModel;
import cn.tongguan.console.intake.HotlineIntakeViewModel;
import cn.tongguan.console.meeting.MeetingMap;
import cn.tongguan.console.meeting.MeetingView;
import cn.tongguan.console.meeting.MeetingViewModel;
import cn.tongguan.console.sync.MeetingApi;
import cn.tongguan.console.seat.SeatView;
import cn.tongguan.console.seat.SeatViewModel;
import cn.tongguan.console.shell.ShellView;
import cn.tongguan.console.shell.ShellViewModel;
import cn.tongguan.console.sync.OfflineCredentials;
import cn.tongguan.console.sync.PlatformClient;
import cn.tongguan.console.sync.SessionToken;
import cn.tongguan.console.window.StagePlacement;
import cn.tongguan.console.window.WindowStateStore;
import cn.tongguan.console.workflow.Workflow;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one composition root of the console: it creates the shared executors, the one HTTP client (with the
 * session's bearer token) and, after sign-in, the user's {@link SeatSession}, and hands them to the views through
 * their constructors. Nothing else creates these.
 */
public final class ConsoleComposition implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleComposition.class);

    private final ConsoleConfig config;
    private final Messages messages;
    private final Labels labels;
    private final ExecutorService background;
    private final ScheduledExecutorService syncThread;
    private final ScheduledExecutorService outboxThread;
    private final SeatPolicy policy;
    private final SessionToken token = new SessionToken();
    private final OkHttpClient http;
    private final PlatformClient platform;
    private final Clock clock;
    private final OfflineCredentials credentials = new OfflineCredentials();
    private SeatSession session;
    /** Set once the console closes: a cache opened after that is closed, not shown. */
    private volatile boolean closed;
    /** The key of the signed-in user's encrypted cache, set by the sign-in before the seat is built (memory only). */
    private volatile String fileKey;
    private WallComposition wall;
    /** The meeting map's geography for a leader without a seat (a seat's is in its cache); null otherwise. */
    private cn.tongguan.console.cache.CacheDatabase meetingGeo;
    /** FX thread, while a sign-in builds its screens: the maps (case detail, meeting) waiting for the geography. */
    private final java.util.List<java.util.function.Consumer<cn.tongguan.console.citymap.CityGeography>> smallMaps =
            new java.util.ArrayList<>();

    public ConsoleComposition(ConsoleConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.messages = Messages.load(config.locale());
        this.labels = new Labels(messages);
        this.background = Executors.newFixedThreadPool(2, threads("console-worker", Thread.NORM_PRIORITY - 1));
        // One thread for the sync engine (snapshot, events, reference data).
        this.syncThread = Executors.newSingleThreadScheduledExecutor(threads("console-sync", Thread.NORM_PRIORITY));
        // The outbox's own thread: its order is still the order of the seat's actions, and a hung snapshot or
        // reference download on the sync thread no longer keeps them from leaving (issue 14, ADR 0098).
        this.outboxThread = Executors.newSingleThreadScheduledExecutor(threads("console-outbox", Thread.NORM_PRIORITY));
        this.policy = SeatPolicy.load(config.dataDir());
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(3))
                .readTimeout(Duration.ofSeconds(30))
                .addInterceptor(new cn.tongguan.console.sync.PlatformFailover(config.platforms()))
                .addInterceptor(token);
        // https:// platforms: the JDK's authorities plus the city's own CA if --trust-store names one.
        this.http = TrustedCertificates.apply(builder, config.trustStore(),
                System.getenv("TONGGUAN_TRUST_STORE_PASSWORD")).build();
        this.platform = new PlatformClient(http, config.platform());
    }

    public void showMainWindow(Stage stage) {
        ShellViewModel shellModel = new ShellViewModel(messages, platform, background, Platform::runLater,
                config.platform().toString());
        ShellView shell = new ShellView(shellModel, messages);
        // Maximised on the first run, then where the user left it (ADR 0073).
        new StagePlacement(new WindowStateStore(config.dataDir())).manage(stage, "main");
        shell.show(stage);
        LoginViewModel loginModel = new LoginViewModel(messages, platform, token, background, Platform::runLater,
                response -> signedIn(response, shell, shellModel),
                (user, password) -> {
                    var kept = credentials.check(userDirectory(user), password, clock.instant(), policy.offlineSignIn());
                    kept.ifPresent(k -> fileKey = CacheKey.derive(userDirectory(user), password));
                    return kept;
                });
        loginModel.onOnlineSignIn((response, password) -> {
            credentials.remember(userDirectory(response.user().username()), password, response, clock.instant());
            // The cache's key comes from the password typed now; it is kept in memory only (ADR 0097).
            fileKey = CacheKey.derive(userDirectory(response.user().username()), password);
        });
        shell.showLogin(new LoginView(loginModel, messages).root());
        shellModel.checkPlatform();
    }

    private void signedIn(Auth.LoginResponse response, ShellView shell, ShellViewModel shellModel) {
        Auth.User user = response.user();
        LOG.info("Signed in as {} ({})", user.username(), user.role());
        shellModel.signedIn(user.displayName(), labels.role(user.role()));
        if ("auditor".equals(user.role())) {
            shell.showAudit(buildAudit());
            return;
        }
        Parent seat = null;
        if (Workflow.isSeatRole(user.role()) || "admin".equals(user.role())) {
            // Opening the encrypted cache can take long (a first open moves ~97 % of a million rows once): it is
            // opened on the background pool while the seat says so, never on the FX thread (issue 20).
            StackPane holder = new StackPane(new Label(messages.text("seat.opening")));
            holder.setId("seatHolder");
            seat = holder;
            String key = fileKey;
            background.execute(() -> {
                SeatSession opened;
                try {
                    opened = new SeatSession(response, token, config.dataDir(), platform, syncThread, outboxThread,
                            clock, key);
                } catch (RuntimeException e) {
                    LOG.error("The seat's local cache cannot be opened", e);
                    Platform.runLater(() -> holder.getChildren().setAll(
                            new Label(messages.text("seat.openFailed"))));
                    return;
                }
                Platform.runLater(() -> {
                    if (closed) {
                        opened.close();
                    } else {
                        showSeat(opened, user, shellModel, holder);
                    }
                });
            });
        }
        Parent meeting = null;
        if (ShellViewModel.modesFor(user.role()).contains("meeting")) {
            MeetingViewModel model = new MeetingViewModel(messages, new MeetingApi(platform), background,
                    Platform::runLater, clock, config.dataDir().resolve("reports"));
            MeetingMap map = new MeetingMap(new MapView(background, clock), messages);
            smallMaps.add(map::geography);
            meeting = new MeetingView(model, messages, map).root();
            model.load();
        }
        if (seat == null && !smallMaps.isEmpty()) {
            // No seat (a leader): the meeting's map keeps the geography in a file of its own, opened off the FX thread.
            var maps = takeSmallMaps();
            background.execute(() -> {
                try {
                    MapGeography.load(meetingGeo(user), platform, maps, Platform::runLater);
                } catch (RuntimeException e) {
                    LOG.warn("The meeting map's geography file cannot be opened: {}", e.toString(), Failures.bug(e));
                }
            });
        }
        // With a seat, the detail's and the meeting's maps read the seat's cache once it is open (showSeat).
        shell.showModes(seat, meeting, ShellViewModel.modesFor(user.role()));
    }

    /** FX thread: the seat of an opened session in its place, then the session starts syncing. */
    private void showSeat(SeatSession opened, Auth.User user, ShellViewModel shellModel, StackPane holder) {
        session = opened;
        session.bus().add(shellModel);
        ReauthViewModel reauth = new ReauthViewModel(messages, user.displayName(), background, Platform::runLater,
                new SignInAgain(platform, session.session(), credentials, userDirectory(user.username()), policy,
                        clock));
        session.bus().add(reauth);
        holder.getChildren().setAll(new ReauthView(reauth, messages).over(buildSeat(session), policy.idleLock()));
        // One read (and, into an empty cache, one download) for the detail's and the meeting's maps together.
        var maps = takeSmallMaps();
        SeatSession s = session;
        background.execute(() -> MapGeography.load(s.geo(), platform, maps, Platform::runLater));
        session.start();
    }

    /** The auditor's screen: {@code GET /api/v1/audit} through the session's client, read on the background pool. */
    private Parent buildAudit() {
        AuditViewModel model = new AuditViewModel(messages, (actor, action, limit) -> {
            okhttp3.HttpUrl.Builder url = okhttp3.HttpUrl.get(platform.base().resolve("/api/v1/audit").toString()).newBuilder()
                    .addQueryParameter("limit", Integer.toString(limit));
            if (actor != null) {
                url.addQueryParameter("actor", actor);
            }
            if (action != null) {
                url.addQueryParameter("action", action);
            }
            try (okhttp3.Response r = http.newCall(new okhttp3.Request.Builder().url(url.build()).build()).execute()) {
                if (!r.isSuccessful()) {
                    throw new IOException("HTTP " + r.code());
                }
                return platform.json().readValue(r.body().byteStream(), cn.tongguan.api.Audit.Page.class);
            }
        }, background, Platform::runLater);
        AuditView view = new AuditView(model, messages);
        model.load();
        return view.root();
    }

    private java.nio.file.Path userDirectory(String username) {
        return SeatSession.cacheDirectory(config.dataDir(), config.platform(), username);
    }

    private Parent buildSeat(SeatSession s) {
        String role = s.user().role();
        QueueViewModel queue = new QueueViewModel(labels, s.cases(), s.meta(), s.reference(), background,
                Platform::runLater, clock);
        CaseDetailViewModel detail = new CaseDetailViewModel(labels, role, s.cases(), s.meta(), s.reference(),
                platform, s.outbox(), background, Platform::runLater, clock);
        SeatViewModel seat = new SeatViewModel(labels, role, s.outboxStore(), background, Platform::runLater,
                clock);
        s.bus().add(queue);
        s.bus().add(detail);
        s.bus().add(seat);
        if (s.movedAside() != null) {
            seat.cacheRebuilt(s.movedAside());
        }
        CaseMap caseMap = new CaseMap(new MapView(background, clock), messages);
        smallMaps.add(caseMap::geography);
        caseMap.partsNear((area, fx) -> background.execute(() -> {
            try {
                var parts = new cn.tongguan.console.citymap.CityGeographyReader(s.geo()).partsIn(area);
                Platform.runLater(() -> fx.accept(parts));
            } catch (RuntimeException e) {
                LOG.warn("Parts around a case not read: {}", e.toString(), Failures.bug(e));
            }
        }));
        var push = new cn.tongguan.console.detail.WallPushViewModel(messages, platform::pushToWall,
                () -> platform.json().readValue(platform.referenceJson("cameras"),
                        new com.fasterxml.jackson.core.type.TypeReference<java.util.List<cn.tongguan.api.Reference.Camera>>() { }),
                background, Platform::runLater);
        SeatView view = new SeatView(seat, queue, detail, messages, caseMap, push);
        var geoClient = new cn.tongguan.console.sync.GeoClient(platform);
        var cityModel = new cn.tongguan.console.citymap.CityMapViewModel(messages, s.reference(), s.geo(),
                new cn.tongguan.console.sync.GeoSync(geoClient, s.geo()), geoClient,
                s.cases(), s.meta(), background, Platform::runLater, clock);
        var cameraWindow = new cn.tongguan.console.citymap.CameraWindow(messages, background, clock);
        s.bus().add(cityModel);
        view.attachCityMap((openCase, back) -> new cn.tongguan.console.citymap.CityMapView(cityModel, messages,
                new MapView(background, clock), clock, openCase, back, cameraWindow));
        if (seat.handlesAlarms()) {
            var desk = new cn.tongguan.console.alarms.AlarmDeskViewModel(messages,
                    new cn.tongguan.console.alarms.AlarmDeskViewModel.Platform() {
                        @Override
                        public java.util.List<cn.tongguan.api.Lifeline.Alarm> openAlarms() throws IOException {
                            return platform.openAlarms();
                        }

                        @Override
                        public cn.tongguan.api.Lifeline.Alarm act(long id, String action, String note) throws IOException {
                            return platform.alarmAction(id, action, note);
                        }
                    }, background, Platform::runLater);
            s.bus().add(desk);
            view.attachAlarms(desk);
        }
        if (seat.takesHotlineCalls()) {
            HotlineIntakeViewModel intake = new HotlineIntakeViewModel(messages, labels, s.reference(),
                    new HotlineIntakeViewModel.Services() {
                        @Override
                        public java.util.List<cn.tongguan.api.Geocoding.Candidate> geocode(String address)
                                throws IOException {
                            return platform.geocode(address);
                        }

                        @Override
                        public cn.tongguan.console.cache.OutboxStore.Entry file(cn.tongguan.api.Cases.NewCase order) {
                            return s.outbox().submitCreate(order);
                        }
                    }, background, Platform::runLater);
            s.bus().add(intake);
            view.attachIntake(intake);
        }
        queue.start();
        return view.root();
    }

    /** The display wall on every monitor ({@code --wall}); the stage JavaFX gave us stays hidden. */
    public void showWall() throws java.io.IOException {
        wall = new WallComposition(config, messages, labels, platform, token, background, syncThread, clock);
        wall.show();
    }

    /**
     * A leader without a seat keeps the city's geography for the meeting's map in a file of its own, encrypted like
     * a seat's cache (the same key from the sign-in).
     */
    private synchronized cn.tongguan.console.cache.GeoStore meetingGeo(Auth.User user) {
        if (meetingGeo != null) {
            meetingGeo.close();
        }
        meetingGeo = cn.tongguan.console.cache.CacheDatabase.openOrRebuild(userDirectory(user.username()), "geo", clock,
                fileKey).db();
        return new cn.tongguan.console.cache.GeoStore(meetingGeo);
    }

    /** FX thread: the maps waiting for the geography, handed over once. */
    private java.util.List<java.util.function.Consumer<cn.tongguan.console.citymap.CityGeography>> takeSmallMaps() {
        var maps = java.util.List.copyOf(smallMaps);
        smallMaps.clear();
        return maps;
    }

    @Override
    public void close() {
        closed = true;
        if (wall != null) {
            wall.close();
        }
        // The sync first, while the executors still take what its last status asks of the views; then the threads,
        // then the cache: no query may run against a closed database.
        if (session != null) {
            session.stopSync();
        }
        syncThread.shutdownNow();
        outboxThread.shutdownNow();
        background.shutdownNow();
        try {
            background.awaitTermination(2, TimeUnit.SECONDS);
            syncThread.awaitTermination(2, TimeUnit.SECONDS);
            outboxThread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (session != null) {
            session.close();
        }
        synchronized (this) {
            if (meetingGeo != null) {
                meetingGeo.close();
            }
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** Worker threads at the given priority (below the FX thread's for bulk work, so the UI stays responsive). */
    private static ThreadFactory threads(String name, int priority) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setPriority(priority);
            return thread;
        };
    }
}
