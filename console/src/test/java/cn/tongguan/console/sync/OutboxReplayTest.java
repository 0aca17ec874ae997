package cn.tongguan.console.sync;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.Cases;
import cn.tongguan.console.cache.CacheDatabase;
import cn.tongguan.console.cache.CacheMeta;
import cn.tongguan.console.cache.CachedCase;
import cn.tongguan.console.cache.CaseCache;
import cn.tongguan.console.cache.OutboxStore;
import cn.tongguan.console.support.TestPlatform;
import cn.tongguan.console.workflow.Workflow;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sync engine and the outbox against a real platform: snapshot, live events, the platform stopped while the
 * seat works and started again — the queued actions arrive once each, in order; a stale action is refused with
 * the current case.
 */
class OutboxReplayTest {
    @TempDir
    Path dir;
    private TestPlatform platform;
    private CacheDatabase db;
    private ScheduledExecutorService worker;
    private ScheduledExecutorService sender;
    private SyncEngine engine;
    private CaseCache cases;
    private OutboxStore store;
    private Outbox outbox;
    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private final List<String> heard = new CopyOnWriteArrayList<>();
    private Session session;

    @BeforeEach
    void start() throws Exception {
        platform = new TestPlatform(dir.resolve("platform")).start();
        db = CacheDatabase.open(dir.resolve("cache"));
        cases = new CaseCache(db);
        CacheMeta meta = new CacheMeta(db);
        store = new OutboxStore(db);
        worker = Executors.newSingleThreadScheduledExecutor();
        TestPlatform.SignedIn seat = platform.signIn("operator");
        PlatformClient client = seat.client();
        session = seat.session();
        SyncBus bus = new SyncBus();
        bus.add(new SyncListener() {
            @Override
            public void actionRefused(OutboxStore.Entry entry, Cases.Case current, String code, String message) {
                refusals.add(code + ":" + (current == null ? "?" : current.state()));
            }

            @Override
            public void sessionEnded() {
                heard.add("ended");
            }

            @Override
            public void statusChanged(SyncStatus status) {
                heard.add(status.phase().name());
            }
        });
        engine = new SyncEngine(client, session, cases, meta, new cn.tongguan.console.cache.ReferenceHolder(meta),
                worker, bus, platform.clock());
        sender = Executors.newSingleThreadScheduledExecutor();
        outbox = new Outbox(client, session, store, cases, sender, bus,
                platform.clock());
        engine.onConnected(outbox::flush);
    }

    @AfterEach
    void stop() {
        engine.close();
        worker.shutdownNow();
        // Its retries would otherwise go on into the next test, against a closed cache.
        sender.shutdownNow();
        db.close();
        platform.close();
    }

    static void waitUntil(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within " + timeout);
            }
            Thread.sleep(25);
        }
    }

    @Test
    void actionsTakenWhileThePlatformIsDownArriveOnceEachAfterItIsBack() throws Exception {
        PlatformClient operator = platform.client("operator");
        Cases.Case x = platform.report(operator, "井盖缺失 X");
        engine.start();
        waitUntil(() -> cases.find(x.id()).isPresent(), Duration.ofSeconds(20));
        Cases.Case y = platform.report(operator, "暴露垃圾 Y");
        waitUntil(() -> cases.find(y.id()).isPresent(), Duration.ofSeconds(10));

        platform.stop();
        outbox.submit(cases.find(x.id()).orElseThrow(), Workflow.action("accept").orElseThrow(), null, null, null);
        outbox.submit(cases.find(y.id()).orElseThrow(), Workflow.action("accept").orElseThrow(), null, null, null);
        CachedCase shown = cases.find(x.id()).orElseThrow();
        assertThat(shown.item().state()).isEqualTo("accepted");
        assertThat(shown.pending()).isEqualTo("accept");
        // Then, still offline, the operator turns X down after all: queued on top of the pending accept.
        outbox.submit(cases.find(x.id()).orElseThrow(), Workflow.action("reject").orElseThrow(), "重复上报", null, null);
        Thread.sleep(500);
        assertThat(store.pending()).hasSize(3);

        platform.start();
        waitUntil(() -> store.pending().isEmpty(), Duration.ofSeconds(30));
        PlatformClient check = platform.client("shift_leader");
        Cases.CaseDetail dx = check.parseDetail(check.detailJson(x.id()));
        Cases.CaseDetail dy = check.parseDetail(check.detailJson(y.id()));
        assertThat(dx.item().state()).isEqualTo("cancelled");
        assertThat(dx.timeline()).extracting(Cases.TimelineEntry::action).containsExactly("report", "accept", "reject");
        assertThat(dy.timeline()).extracting(Cases.TimelineEntry::action).containsExactly("report", "accept");
        assertThat(refusals).isEmpty();
        waitUntil(() -> cases.find(x.id()).orElseThrow().pending() == null, Duration.ofSeconds(5));
        assertThat(cases.find(x.id()).orElseThrow().item().version()).isEqualTo(dx.item().version());

        // An answer lost on the way: the same key sent again is answered from the platform's memory, not redone.
        OutboxStore.Entry sent = store.all().get(1);
        Cases.Case again = operator.transition(sent.caseId(), new Cases.Transition(sent.action(), sent.baseVersion(),
                null, null, null), sent.idempotencyKey());
        assertThat(again.state()).isEqualTo("accepted");
        assertThat(check.parseDetail(check.detailJson(y.id())).timeline()).hasSize(2);
    }

    @Test
    void aStaleActionIsRefusedWithTheCurrentCase() throws Exception {
        PlatformClient operator = platform.client("operator");
        Cases.Case z = platform.report(operator, "占道经营 Z");
        engine.start();
        waitUntil(() -> cases.find(z.id()).isPresent(), Duration.ofSeconds(20));
        CachedCase seen = cases.find(z.id()).orElseThrow();
        platform.act(platform.client("shift_leader"), z.id(), "send_verify", null);

        outbox.submit(seen, Workflow.action("accept").orElseThrow(), null, null, null);
        waitUntil(() -> !refusals.isEmpty(), Duration.ofSeconds(10));
        assertThat(refusals).containsExactly("version_conflict:verifying");
        assertThat(cases.find(z.id()).orElseThrow().item().state()).isEqualTo("verifying");
        assertThat(cases.find(z.id()).orElseThrow().pending()).isNull();
    }

    @Test
    void aRefusedSessionFailsNoActionThePanelIsAskedForAndTheQueueLeavesInOrderAfterSigningInAgain() throws Exception {
        PlatformClient operator = platform.client("operator");
        Cases.Case x = platform.report(operator, "井盖缺失 X");
        Cases.Case y = platform.report(operator, "暴露垃圾 Y");
        engine.start();
        waitUntil(() -> cases.find(x.id()).isPresent() && cases.find(y.id()).isPresent(), Duration.ofSeconds(20));

        // The seat's token stops working (expired or revoked); this platform has no refresh for it.
        platform.revoke(session.token());
        outbox.submit(cases.find(x.id()).orElseThrow(), Workflow.action("accept").orElseThrow(), null, null, null);
        outbox.submit(cases.find(y.id()).orElseThrow(), Workflow.action("accept").orElseThrow(), null, null, null);
        outbox.submit(cases.find(x.id()).orElseThrow(), Workflow.action("reject").orElseThrow(), "重复上报", null, null);
        waitUntil(() -> heard.contains("ended"), Duration.ofSeconds(10));
        engine.reconnect();
        waitUntil(() -> heard.contains("SESSION_ENDED"), Duration.ofSeconds(10));

        // Nothing failed, nothing lost: three entries wait, in order, and the cache shows them as still pending.
        assertThat(store.all()).extracting(OutboxStore.Entry::status).containsExactly("pending", "pending", "pending");
        assertThat(store.pending()).extracting(OutboxStore.Entry::action).containsExactly("accept", "accept", "reject");
        assertThat(refusals).isEmpty();
        assertThat(cases.find(x.id()).orElseThrow().pending()).isNotNull();
        // The stream stopped knocking: it does not go back to "reconnecting" while the session is over.
        int before = heard.size();
        Thread.sleep(1_500);
        assertThat(heard.subList(before, heard.size())).doesNotContain("RECONNECTING");

        session.signedInAgain(platform.signIn("operator").session().current());
        waitUntil(() -> store.pending().isEmpty(), Duration.ofSeconds(20));
        PlatformClient check = platform.client("shift_leader");
        assertThat(check.parseDetail(check.detailJson(x.id())).timeline()).extracting(Cases.TimelineEntry::action)
                .containsExactly("report", "accept", "reject");
        assertThat(check.parseDetail(check.detailJson(y.id())).item().state()).isEqualTo("accepted");
        assertThat(store.all()).extracting(OutboxStore.Entry::status).containsOnly("done");
        waitUntil(() -> heard.get(heard.size() - 1).equals("LIVE"), Duration.ofSeconds(10));
    }
}
