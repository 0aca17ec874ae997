package cn.tongguan.platform;

import cn.tongguan.api.Auth;
import cn.tongguan.api.Health;
import cn.tongguan.api.Json;
import cn.tongguan.platform.audit.AuditLog;
import cn.tongguan.platform.audit.AuditRoutes;
import cn.tongguan.platform.audit.RequestAudit;
import cn.tongguan.platform.auth.AuthRoutes;
import cn.tongguan.platform.auth.AuthService;
import cn.tongguan.platform.auth.Passwords;
import cn.tongguan.platform.auth.Role;
import cn.tongguan.platform.cases.CaseHistoryImport;
import cn.tongguan.platform.cases.CaseImporter;
import cn.tongguan.platform.cases.CaseQueries;
import cn.tongguan.platform.cases.CaseRoutes;
import cn.tongguan.platform.cases.CaseService;
import cn.tongguan.platform.cases.PhotoStore;
import cn.tongguan.platform.evaluation.EvaluationModel;
import cn.tongguan.platform.evaluation.EvaluationRoutes;
import cn.tongguan.platform.evaluation.EvaluationService;
import cn.tongguan.platform.evaluation.EvaluationSettings;
import cn.tongguan.platform.evaluation.StatsRoutes;
import cn.tongguan.platform.evaluation.StatsService;
import cn.tongguan.platform.events.EventLog;
import cn.tongguan.platform.events.EventRoutes;
import cn.tongguan.platform.events.EventStream;
import cn.tongguan.platform.events.Feeds;
import cn.tongguan.platform.health.HealthChecks;
import cn.tongguan.platform.health.HealthPolicy;
import cn.tongguan.platform.health.Liveness;
import cn.tongguan.platform.http.ApiException;
import cn.tongguan.platform.http.ErrorWriter;
import cn.tongguan.platform.http.IdempotencyStore;
import cn.tongguan.platform.http.JettyErrors;
import cn.tongguan.platform.http.RequestJson;
import cn.tongguan.platform.http.Messages;
import cn.tongguan.platform.http.Router;
import cn.tongguan.platform.ledger.LedgerRoutes;
import cn.tongguan.platform.ledger.LedgerService;
import cn.tongguan.platform.lifeline.AlarmCases;
import cn.tongguan.platform.lifeline.AlarmLifecycle;
import cn.tongguan.platform.lifeline.GstSnapshotGrabber;
import cn.tongguan.platform.lifeline.LifelineRoutes;
import cn.tongguan.platform.lifeline.NoDataWatchdog;
import cn.tongguan.platform.lifeline.Readings;
import cn.tongguan.platform.lifeline.SnapshotGrabber;
import cn.tongguan.platform.lifeline.ThresholdTable;
import cn.tongguan.platform.lifeline.WallPushes;
import cn.tongguan.platform.reference.ReferenceDataStore;
import cn.tongguan.platform.reference.ReferenceQueries;
import cn.tongguan.platform.reference.ReferenceRoutes;
import cn.tongguan.platform.geo.GeoLayers;
import cn.tongguan.platform.geo.GeoRoutes;
import cn.tongguan.platform.geo.HeatRoutes;
import cn.tongguan.platform.geo.PartsColumns;
import cn.tongguan.platform.reports.ReportRoutes;
import cn.tongguan.platform.reports.ReportService;
import cn.tongguan.platform.reports.ReportStore;
import cn.tongguan.platform.reports.EvaluationReportSource;
import cn.tongguan.reports.ReportFonts;
import cn.tongguan.platform.storage.Database;
import cn.tongguan.platform.storage.Durability;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.locationtech.jts.geom.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform process: composes storage, services and routes from a {@link PlatformConfig} (the composition
 * root used by {@code serve} and by tests), serves {@code /api/v1}, and closes everything on {@link #stop}.
 */
public final class PlatformServer {
    private static final Logger LOG = LoggerFactory.getLogger(PlatformServer.class);
    static final String VERSION = "0.1.0";
    public static final String DEMO_PASSWORD = "tongguan";

    private final PlatformConfig config;
    /** How long the snapshot of an alarm's camera may take before the case says there is none. */
    static final Duration SNAPSHOT_TIMEOUT = Duration.ofSeconds(10);
    /** How often the NoData watchdog looks for silent sensors. */
    static final Duration WATCHDOG_PERIOD = Duration.ofSeconds(30);
    /** How often the background threads tick their heartbeat (well inside their maxSilence in health.properties). */
    static final Duration HEARTBEAT = Duration.ofSeconds(20);
    public static final String JOB_WATCHDOG = "lifeline-watchdog";
    public static final String JOB_WORKER = "lifeline-worker";
    public static final String JOB_REPORTS = "report-scheduler";
    /** How often an event stream checks that its token still stands. */
    static final Duration EVENT_RECHECK = Duration.ofSeconds(2);

    private final Clock clock;
    private final SnapshotGrabber grabber;
    private final Durability durability;
    private Javalin app;
    private Database db;
    private EventStream stream;
    private Router router;
    private ReferenceDataStore reference;
    private CaseService cases;
    private AuthService auth;
    private EventLog events;
    private CaseImporter caseImporter;
    private EvaluationService evaluation;
    private LifelineWorkers lifeline;
    private NoDataWatchdog watchdog;
    private AlarmCases alarmCases;
    private ThresholdTable thresholds;
    private Readings readings;
    private ReportService reports;
    private Liveness liveness;
    private HealthChecks health;

    public PlatformServer(PlatformConfig config, Clock clock) {
        this(config, clock, new GstSnapshotGrabber());
    }

    /** With the grabber that takes an alarm's camera snapshot (tests without cameras pass their own). */
    public PlatformServer(PlatformConfig config, Clock clock, SnapshotGrabber grabber) {
        this(config, clock, grabber, Durability.GROUP);
    }

    /** With the commit durability (benchmarks compare {@link Durability#LAZY} and the others; ADR 0080). */
    public PlatformServer(PlatformConfig config, Clock clock, SnapshotGrabber grabber, Durability durability) {
        this.config = config;
        this.clock = clock;
        this.grabber = grabber;
        this.durability = durability;
    }

    /** JDBC URL of the embedded database for a data directory (or in memory). */
    public static String embeddedUrl(Path dataDir) {
        // A larger per-session statement cache: a transition runs ~6 distinct statements (H2's default cache is 8).
        // A 128 MB page cache keeps the case indexes of a million cases in memory.
        String tuning = ";QUERY_CACHE_SIZE=64;CACHE_SIZE=131072";
        return dataDir == null ? "jdbc:h2:mem:tongguan-" + UUID.randomUUID() + tuning
                : "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("tongguan") + ";DB_CLOSE_ON_EXIT=FALSE" + tuning;
    }

    public void start() {
        ObjectMapper mapper = Json.newMapper();
        String url = config.jdbcUrl() == null ? embeddedUrl(config.dataDir()) : config.jdbcUrl();
        db = new Database(url, config.dbUser(), config.dbPassword(), 16, durability);
        Path photoDir;
        try {
            photoDir = config.dataDir() == null ? Files.createTempDirectory("tongguan-photos") : config.dataDir().resolve("photos");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double[] b = config.cityBounds();
        reference = new ReferenceDataStore(db, mapper, new Envelope(b[0], b[2], b[1], b[3]));
        events = new EventLog(db, mapper, clock, 20_000);
        events.prune(config.security().eventRetention());
        AuditLog audit = new AuditLog(db, clock);
        audit.prune(config.security().auditRetention());
        auth = new AuthService(db, new Passwords(), clock, config.security(), audit);
        IdempotencyStore idempotency = new IdempotencyStore(db, clock, Duration.ofDays(7));
        idempotency.prune();
        auth.pruneSessions();
        if (config.demoUsers() && auth.userCount() == 0) {
            createDemoUsers();
        }
        PhotoStore photos = new PhotoStore(db, photoDir, clock, config.maxUploadBytes());
        LedgerService ledger = new LedgerService(db, events, reference, clock);
        cases = new CaseService(db, events, reference, clock, ledger);
        CaseQueries caseQueries = new CaseQueries(db, events, photos, mapper, clock);
        // a stream re-resolves its token every 2 s: a signed-out or expired session stops receiving within that
        stream = new EventStream(events, mapper, 15_000, EVENT_RECHECK.toMillis(), auth::authenticate);
        EvaluationModel evaluationModel = EvaluationModel.load();
        StatsService stats = new StatsService(db, evaluationModel, clock);
        ErrorWriter errors = new ErrorWriter(new Messages());
        HealthPolicy healthPolicy = HealthPolicy.load();
        liveness = new Liveness(clock);
        health = new HealthChecks(db, config.dataDir() == null ? photoDir : config.dataDir(), shippedMigrations(url), liveness,
                healthPolicy, clock, VERSION);
        // Bodies are read strictly (ADR 0085); answers are written with the shared mapper consoles read with.
        ObjectMapper requests = RequestJson.newMapper();
        JettyErrors jettyErrors = new JettyErrors(errors, mapper);

        app = WebServer.create(config, mapper, jettyErrors);
        errors.install(app);
        router = new Router(app, auth, idempotency, requests, errors);
        router.get("/api/v1/health", null, c -> {
            Health h = health.check();
            c.status(Health.UP.equals(h.status()) ? 200 : 503);
            return h;
        });
        router.observe(new RequestAudit(audit, mapper));
        new AuthRoutes(auth).register(router);
        new AuditRoutes(audit).register(router);
        new StatsRoutes(stats, clock).register(router);
        caseImporter = new CaseImporter(db, events, reference, cases);
        new CaseRoutes(cases, caseQueries, photos, caseImporter, requests).register(router);
        new LedgerRoutes(ledger).register(router);
        EvaluationSettings evaluationSettings = new EvaluationSettings(db, mapper, evaluationModel);
        evaluation = new EvaluationService(db, evaluationModel, evaluationSettings, clock);
        new EvaluationRoutes(evaluation, evaluationSettings).register(router);
        cn.tongguan.platform.geo.SiteNames siteNames = new cn.tongguan.platform.geo.SiteNames(db, mapper, audit);
        siteNames.run(); // a platform holding sites named before the roads were (ADR 0132)
        GeoRoutes geo = new GeoRoutes(reference, new GeoLayers(db, mapper), new PartsColumns(db, mapper));
        geo.register(router);
        new HeatRoutes(db, mapper).register(router);
        new ReferenceRoutes(reference, new ReferenceQueries(db, mapper), requests, kind -> {
            if (List.of("lines", "cameras", "sensors").contains(kind)) {
                siteNames.run();
            }
            if ("parts".equals(kind)) {
                primeParts(geo);
            }
        }).register(router);
        primeParts(geo);
        lifeline = new LifelineWorkers(db, events, clock, cases, photos, grabber, liveness, healthPolicy,
                java.util.concurrent.Executors.newSingleThreadExecutor(daemon("lifeline-cases")),
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor(daemon("lifeline-watchdog")));
        thresholds = lifeline.thresholds;
        readings = lifeline.readings;
        alarmCases = lifeline.alarmCases;
        watchdog = lifeline.watchdog;
        AlarmLifecycle alarms = lifeline.alarms;
        new EventRoutes(stream, new Feeds(db, events, clock, readings::reading)).register(app, router);
        new LifelineRoutes(db, readings, alarms, thresholds, new WallPushes(db, events, clock)).register(router);
        alarmCases.requeueOpen();
        reports = new ReportService(new EvaluationReportSource(evaluation, evaluationSettings, caseQueries, db,
                EvaluationReportSource.ISSUER),
                new ReportStore(db, config.dataDir() == null ? null : config.dataDir().resolve("reports")), clock,
                ReportFonts::system);
        new ReportRoutes(reports).register(router);
        WebServer.notFoundAsJson(app, errors);
        app.start(config.host(), config.port());
    }

    /** How many migrations this build ships (what Flyway resolves from the class path), for the health check. */
    private long shippedMigrations(String url) {
        return java.util.Arrays.stream(org.flywaydb.core.Flyway.configure().dataSource(url, config.dbUser(), config.dbPassword())
                .locations("classpath:db/migration").load().info().all())
                .filter(m -> m.getVersion() != null && m.getState().isResolved()).count();
    }

    /** The parts layer's bytes built in the background (ADR 0131): consoles opening cold do not wait for them. */
    private static void primeParts(GeoRoutes geo) {
        daemon("parts-layer").newThread(geo::primeParts).start();
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private void createDemoUsers() {
        LOG.warn("Empty user table: creating demo accounts (one per role, password '{}'); do not use in production",
                DEMO_PASSWORD);
        List<Auth.NewUser> accounts = new java.util.ArrayList<>();
        for (Role r : Role.values()) {
            String dept = r == Role.DEPARTMENT ? "D01" : null;
            accounts.add(new Auth.NewUser(r.code(), r.chinese(), r.code(), dept, DEMO_PASSWORD));
        }
        auth.createDemoAccounts(accounts, DEMO_PASSWORD);
    }

    /** The bound port (the real one when started on port 0). */
    public int port() {
        return app.port();
    }

    /** The route table (method, path, roles) — for the role-matrix and OpenAPI tests. */
    public List<Router.Route> routes() {
        return router.routes();
    }

    /** In-process access for the demo-city generator and benchmarks (same rules as HTTP). */
    public ReferenceDataStore referenceData() {
        return reference;
    }

    public CaseService cases() {
        return cases;
    }

    /**
     * Bulk import of case histories with every step replayed through the workflow's effects (the demo
     * city's two years); on close, live case numbering continues after the imported cases.
     */
    public CaseHistoryImport historyImport() {
        return new CaseHistoryImport(db, reference, cases::refreshSequences);
    }

    /** Bulk load of externally created cases as they stand today (one {@code import} step each). */
    public CaseImporter caseImporter() {
        return caseImporter;
    }

    /** In-process evaluation (benchmarks; the same service the evaluation routes use). */
    public EvaluationService evaluation() {
        return evaluation;
    }

    /** Whether this instance runs the city's once-only jobs (several instances on one PostgreSQL, ADR 0101). */
    public boolean leads() {
        return db.leads();
    }

    /** Report generation (日统计 / 周通报 / 月考核), for the scheduler of {@code serve}. */
    public ReportService reports() {
        return reports;
    }

    public AuthService auth() {
        return auth;
    }

    /** The event stream's subscriptions (a test closes them alone, as {@link #stop()} does first). */
    public EventStream subscriptions() {
        return stream;
    }

    public EventLog events() {
        return events;
    }

    /** The NoData watchdog (tests move the clock and call {@code check}). */
    public NoDataWatchdog watchdog() {
        return watchdog;
    }

    public AlarmCases alarmCases() {
        return alarmCases;
    }

    public ThresholdTable thresholds() {
        return thresholds;
    }

    /** Sensor readings and their history (tests prune it on a moved clock). */
    public Readings readings() {
        return readings;
    }

    /** The heartbeats of background jobs (the report scheduler of {@code serve} registers and ticks there). */
    public Liveness liveness() {
        return liveness;
    }

    public void stop() {
        if (stream != null) {
            stream.close();
        }
        if (health != null) {
            health.close();
        }
        if (lifeline != null) {
            lifeline.close();
        }
        if (app != null) {
            app.stop();
        }
        if (db != null) {
            db.close();
        }
    }
}
