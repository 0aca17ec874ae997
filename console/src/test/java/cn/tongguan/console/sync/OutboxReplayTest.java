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
    private SyncEngine engine;
    private CaseCache cases;
    private OutboxStore store;
    private Outbox outbox;
    private final List<String> refusals = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        platform = new TestPlatform(dir.resolve("platform")).start();
        db = CacheDatabase.open(dir.resolve("cache"));
        cases = new CaseCache(db);
        CacheMeta meta = new CacheMeta(db);
        store = new OutboxStore(db);
        worker = Executors.newSingleThreadScheduledExecutor();
        PlatformClient client = platform.client("operator");
        SyncBus bus = new SyncBus();
        bus.add(new SyncListener() {
            @Override
            public void actionRefused(OutboxStore.Entry entry, Cases.Case current, String code, String message) {
                refusals.add(code + ":" + (current == null ? "?" : current.state()));
            }
        });
        engine = new SyncEngine(client, cases, meta, worker, bus, platform.clock());
        outbox = new Outbox(client, store, cases, worker, bus, platform.clock());
        engine.onConnected(outbox::flush);
    }

    @AfterEach
    void stop() {
        engine.close();
        worker.shutdownNow();
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
}
