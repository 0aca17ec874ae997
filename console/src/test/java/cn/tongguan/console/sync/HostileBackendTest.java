package cn.tongguan.console.sync;

import static cn.tongguan.console.support.HostileBackend.html;
import static cn.tongguan.console.support.HostileBackend.huge;
import static cn.tongguan.console.support.HostileBackend.inTurn;
import static cn.tongguan.console.support.HostileBackend.json;
import static cn.tongguan.console.support.HostileBackend.ndjson;
import static cn.tongguan.console.support.HostileBackend.sse;
import static cn.tongguan.console.support.HostileBackend.stall;
import static cn.tongguan.console.sync.OutboxReplayTest.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.Auth;
import cn.tongguan.api.Cases;
import cn.tongguan.api.Events;
import cn.tongguan.api.Json;
import cn.tongguan.console.cache.CacheDatabase;
import cn.tongguan.console.cache.CacheMeta;
import cn.tongguan.console.cache.CaseCache;
import cn.tongguan.console.cache.OutboxStore;
import cn.tongguan.console.cache.ReferenceHolder;
import cn.tongguan.console.support.HostileBackend;
import cn.tongguan.console.support.SampleCases;
import cn.tongguan.console.workflow.Workflow;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The seat's sync layer against a broken or hostile backend (a real HTTP server on 127.0.0.1): it stays
 * responsive, says what is wrong in words that match the fault, keeps its last good reference data, bounds what it
 * reads, keeps the outbox moving on its own thread, and loses nothing.
 */
class HostileBackendTest {
    private static final ObjectMapper JSON = Json.newMapper();
    private final HostileBackend backend;
    private final CacheDatabase db = CacheDatabase.inMemory("hostile-" + UUID.randomUUID());
    private final CaseCache cases = new CaseCache(db);
    private final CacheMeta meta = new CacheMeta(db);
    private final OutboxStore store = new OutboxStore(db);
    private final ScheduledExecutorService syncThread = Executors.newSingleThreadScheduledExecutor();
    private final ScheduledExecutorService outboxThread = Executors.newSingleThreadScheduledExecutor();
    private final List<SyncStatus> statuses = new CopyOnWriteArrayList<>();
    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private final SyncBus bus = new SyncBus();
    private PlatformClient client;
    private Session session;
    private SyncEngine engine;
    private Outbox outbox;

    HostileBackendTest() throws Exception {
        backend = new HostileBackend();
    }

    @BeforeEach
    void wire() {
        client = backend.client();
        session = new Session(client, new SessionToken(), new Auth.LoginResponse("t0", null,
                new Auth.User("operator", "受理员", "operator", null)));
        bus.add(new SyncListener() {
            @Override
            public void statusChanged(SyncStatus status) {
                statuses.add(status);
            }

            @Override
            public void actionRefused(OutboxStore.Entry entry, Cases.Case current, String code, String message) {
                refusals.add(code);
            }
        });
        engine = new SyncEngine(client, session, cases, meta, new ReferenceHolder(meta), syncThread, bus,
                SampleCasesClock.CLOCK);
        outbox = new Outbox(client, session, store, cases, outboxThread, bus, SampleCasesClock.CLOCK);
    }

    @AfterEach
    void stop() {
        engine.close();
        syncThread.shutdownNow();
        outboxThread.shutdownNow();
        db.close();
        backend.close();
    }

    private static String line(Cases.Case c) throws Exception {
        return JSON.writeValueAsString(c);
    }

    private boolean live() {
        return !statuses.isEmpty() && statuses.get(statuses.size() - 1).phase() == SyncStatus.Phase.LIVE;
    }

    private SyncStatus last() {
        return statuses.get(statuses.size() - 1);
    }

    @Test
    void htmlWrongTypesAndA200MegabyteAnswerNeverReplaceTheLastGoodReferenceData() throws Exception {
        engine.start();
        waitUntil(this::live, Duration.ofSeconds(10));
        String good = meta.reference("categories").orElseThrow();

        backend.on("GET", "/api/v1/categories", html(200));
        backend.on("GET", "/api/v1/departments", json(200, "{\"code\":1}"));
        backend.on("GET", "/api/v1/divisions", huge(200L << 20));
        engine.reconnect();
        waitUntil(() -> engine.referenceFault() != null && live(), Duration.ofSeconds(30));

        assertThat(engine.referenceFault()).isEqualTo(Fault.UNRECOGNISED);
        assertThat(meta.reference("categories")).contains(good);
        assertThat(meta.reference("departments")).contains(HostileBackend.DEPARTMENTS);
        assertThat(meta.reference("divisions")).contains(HostileBackend.DIVISIONS);

        backend.on("GET", "/api/v1/categories", json(200, "[]"));
        engine.reconnect();
        Thread.sleep(500);
        waitUntil(this::live, Duration.ofSeconds(10));
        assertThat(meta.reference("categories")).contains(good);
    }

    @Test
    void aCorruptSnapshotLineIsSkippedAndCountedAndACutSnapshotIsRetried() throws Exception {
        backend.on("GET", "/api/v1/cases/snapshot", inTurn(
                ndjson("{\"eventId\":40,\"total\":3}", line(SampleCases.item(1, "reported", 1, SampleCases.T0, null))),
                ndjson("{\"eventId\":41,\"total\":3}", line(SampleCases.item(1, "reported", 1, SampleCases.T0, null)),
                        "{\"id\":\"two\",\"state\":", line(SampleCases.item(3, "reported", 1, SampleCases.T0, null)))));
        engine.start();
        waitUntil(this::live, Duration.ofSeconds(20));

        assertThat(cases.count()).isEqualTo(2);
        assertThat(meta.get(CacheMeta.SNAPSHOT_SKIPPED)).contains("1");
        assertThat(meta.lastEventId()).isEqualTo(41);
        // The cut one (1 of 3) was not taken as complete: it was asked for again.
        assertThat(backend.received()).filteredOn(r -> r.line().equals("GET /api/v1/cases/snapshot")).hasSize(2);
        assertThat(statuses).anyMatch(s -> s.phase() == SyncStatus.Phase.RECONNECTING
                && Fault.UNRECOGNISED.name().equals(s.detail()));
    }

    @Test
    void eventIdsGoingBackwardsAreNotStoredAndResyncReloadsTheSnapshotWhichRepairsRowsAhead() throws Exception {
        Cases.Case ahead = SampleCases.item(5, "dispatched", 9, SampleCases.T0, null);
        backend.on("GET", "/api/v1/cases/snapshot", inTurn(
                ndjson("{\"eventId\":100,\"total\":1}", line(ahead)),
                ndjson("{\"eventId\":60,\"total\":1}", line(SampleCases.item(5, "filed", 4, SampleCases.T0, null)))));
        String back = JSON.writeValueAsString(new Events.CaseChange(SampleCases.item(5, "closed", 10, SampleCases.T0,
                null), null));
        backend.on("GET", "/api/v1/events", inTurn(sse(List.of("99|case.closed|" + back), false),
                sse(List.of("60|resync|{\"oldest\":1,\"latest\":60}"), true), sse(List.of(), true)));
        engine.start();
        waitUntil(() -> meta.lastEventId() == 60 && live(), Duration.ofSeconds(20));

        // Event 99 after 100 was ignored (it would have moved the resume point back); the resync (the platform
        // knows only up to 60 now) brought a snapshot whose row wins over the seat's version 9.
        assertThat(cases.find(5).orElseThrow().item().state()).isEqualTo("filed");
        assertThat(cases.find(5).orElseThrow().item().version()).isEqualTo(4);
        assertThat(backend.received()).filteredOn(r -> r.line().equals("GET /api/v1/cases/snapshot")).hasSize(2);
    }

    @Test
    void aHungSnapshotDoesNotKeepTheOutboxFromSending() throws Exception {
        cases.upsert(List.of(SampleCases.item(7, "reported", 1, SampleCases.T0, null)));
        backend.on("GET", "/api/v1/cases/snapshot", stall(Duration.ofSeconds(20)));
        backend.on("POST", "/api/v1/cases/7/transitions",
                json(200, line(SampleCases.item(7, "accepted", 2, SampleCases.T0, null))));
        engine.start();
        Thread.sleep(300); // the sync thread is now inside the stalled snapshot
        outbox.submit(cases.find(7).orElseThrow(), Workflow.action("accept").orElseThrow(), null, null, null);
        waitUntil(() -> store.pending().isEmpty(), Duration.ofSeconds(5));
        assertThat(store.all()).extracting(OutboxStore.Entry::status).containsExactly("done");
        assertThat(cases.find(7).orElseThrow().item().state()).isEqualTo("accepted");
    }

    @Test
    void aRefusalWhoseCaseCannotBeReReadLeavesThePreActionRowNotThePrediction() throws Exception {
        cases.upsert(List.of(SampleCases.item(8, "reported", 3, SampleCases.T0, null)));
        backend.on("POST", "/api/v1/cases/8/transitions",
                json(422, "{\"code\":\"transition_not_allowed\",\"message\":\"不允许\",\"details\":{}}"));
        backend.on("GET", "/api/v1/cases/8", html(502));
        outbox.submit(cases.find(8).orElseThrow(), Workflow.action("accept").orElseThrow(), null, null, null);
        waitUntil(() -> !refusals.isEmpty(), Duration.ofSeconds(10));
        assertThat(cases.find(8).orElseThrow().item().state()).isEqualTo("reported");
        assertThat(cases.find(8).orElseThrow().item().version()).isEqualTo(3);
        assertThat(cases.find(8).orElseThrow().pending()).isNull();
    }

    @Test
    void aReportKeepsItsClientMadeIdOnEveryResend() throws Exception {
        backend.on("POST", "/api/v1/cases", inTurn(html(502), json(503, "{\"code\":\"unavailable\",\"message\":\"x\"}"),
                json(201, line(SampleCases.item(11, "reported", 1, SampleCases.T0, null)))));
        outbox.submitCreate(new Cases.NewCase("hotline_12319", "event", "06", "06010", 113.9, 35.3, "平原路 1号",
                "暴露垃圾", "normal", "张三", "13812345678", null, false));
        waitUntil(() -> store.pending().isEmpty(), Duration.ofSeconds(20));
        List<String> ids = backend.received().stream().filter(r -> r.line().equals("POST /api/v1/cases"))
                .map(r -> readClientId(r.body())).toList();
        assertThat(ids).hasSize(3).doesNotContainNull();
        assertThat(ids).containsOnly(ids.get(0));
        assertThat(ids.get(0)).matches("[A-Za-z0-9_-]{8,64}");
        assertThat(readClientId(store.all().get(0).payload())).isEqualTo(ids.get(0));
    }

    @Test
    void theRefreshTokenRenewsTheSessionOnceAndTheEntryIsSentWithTheNewToken() throws Exception {
        session = new Session(client, tokenOf(), new Auth.LoginResponse("old", null,
                new Auth.User("operator", "受理员", "operator", null), "refresh-1", null));
        outbox = new Outbox(client, session, store, cases, outboxThread, bus, SampleCasesClock.CLOCK);
        cases.upsert(List.of(SampleCases.item(9, "reported", 1, SampleCases.T0, null)));
        backend.on("POST", "/api/v1/cases/9/transitions", inTurn(
                json(401, "{\"code\":\"token_expired\",\"message\":\"登录已过期\"}"),
                json(200, line(SampleCases.item(9, "accepted", 2, SampleCases.T0, null)))));
        backend.on("POST", "/api/v1/auth/refresh", json(200, JSON.writeValueAsString(new Auth.LoginResponse("new",
                null, new Auth.User("operator", "受理员", "operator", null), "refresh-2", null))));
        outbox.submit(cases.find(9).orElseThrow(), Workflow.action("accept").orElseThrow(), null, null, null);
        waitUntil(() -> store.pending().isEmpty(), Duration.ofSeconds(10));
        assertThat(store.all()).extracting(OutboxStore.Entry::status).containsExactly("done");
        assertThat(session.current().refreshToken()).isEqualTo("refresh-2");
        assertThat(session.ended()).isFalse();
        assertThat(backend.received()).filteredOn(r -> r.line().equals("POST /api/v1/auth/refresh"))
                .extracting(HostileBackend.Received::body).containsExactly("{\"refreshToken\":\"refresh-1\"}");
    }

    private SessionToken tokenOf() {
        return new SessionToken();
    }

    private static String readClientId(String body) {
        try {
            return JSON.readTree(body).path("clientId").asText(null);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The suite's clock for the console side. */
    static final class SampleCasesClock {
        static final java.time.Clock CLOCK = java.time.Clock.fixed(SampleCases.T0, java.time.ZoneOffset.UTC);
    }
}
