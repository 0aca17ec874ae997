package cn.tongguan.console.sync;

import static cn.tongguan.console.sync.OutboxReplayTest.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.Cases;
import cn.tongguan.console.cache.CacheDatabase;
import cn.tongguan.console.cache.CacheMeta;
import cn.tongguan.console.cache.CaseCache;
import cn.tongguan.console.cache.OutboxStore;
import cn.tongguan.console.support.TestPlatform;
import cn.tongguan.console.workflow.Workflow;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seat given two platform instances that share one PostgreSQL (ADR 0100, 0101): it follows events written by the
 * other instance, and when its instance goes away mid-work it carries on through the other one — the queued actions
 * arrive once each, the stream resumes live on the other instance, and cases filed afterwards still reach it.
 */
class SharedDatabaseFailoverTest {
    @TempDir
    Path dir;
    private final List<AutoCloseable> open = new ArrayList<>();
    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private final List<String> phases = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    /** A fresh schema on the test cluster (./dev test starts one); skipped without it, unless CI requires it. */
    private static String freshPostgres() throws Exception {
        String base = System.getenv("TONGGUAN_TEST_PG_URL");
        if (base == null || base.isBlank()) {
            if (System.getenv("CI") != null || System.getenv("TONGGUAN_REQUIRE_PG") != null) {
                throw new IllegalStateException("TONGGUAN_TEST_PG_URL is not set but PostgreSQL is required");
            }
            Assumptions.abort("TONGGUAN_TEST_PG_URL not set: shared-database failover skipped");
        }
        String schema = "c_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @Test
    void theSeatCarriesOnThroughTheOtherInstanceWithNothingLostOrDoubled() throws Exception {
        String url = freshPostgres();
        TestPlatform a = new TestPlatform(dir.resolve("a"), url).start();
        open.add(a);
        TestPlatform b = new TestPlatform(dir.resolve("b"), url).start();
        open.add(b);
        PlatformFailover failover = new PlatformFailover(List.of(a.uri(), b.uri()));
        TestPlatform.SignedIn seat = a.signIn("operator",
                new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(2)).addInterceptor(failover));
        CacheDatabase db = CacheDatabase.open(dir.resolve("cache"));
        open.add(db::close);
        CaseCache cases = new CaseCache(db);
        CacheMeta meta = new CacheMeta(db);
        OutboxStore store = new OutboxStore(db);
        ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor();
        open.add(worker::shutdownNow);
        SyncBus bus = new SyncBus();
        bus.add(new SyncListener() {
            @Override
            public void actionRefused(OutboxStore.Entry entry, Cases.Case current, String code, String message) {
                refusals.add(code);
            }

            @Override
            public void statusChanged(SyncStatus status) {
                phases.add(status.phase().name());
            }
        });
        SyncEngine engine = new SyncEngine(seat.client(), seat.session(), cases, meta,
                new cn.tongguan.console.cache.ReferenceHolder(meta), worker, bus, a.clock());
        open.add(engine::close);
        Outbox outbox = new Outbox(seat.client(), seat.session(), store, cases, Executors.newSingleThreadScheduledExecutor(),
                bus, a.clock());
        engine.onConnected(outbox::flush);
        engine.start();

        // Filed through the other instance: the seat, streaming from the first, still hears of them.
        PlatformClient onB = b.client("inspector");
        List<Cases.Case> reported = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            reported.add(b.report(onB, "共享库 " + i));
        }
        waitUntil(() -> reported.stream().allMatch(c -> cases.find(c.id()).isPresent()), Duration.ofSeconds(20));
        assertThat(failover.current()).isEqualTo(a.uri());

        for (int i = 0; i < 3; i++) {
            outbox.submit(cases.find(reported.get(i).id()).orElseThrow(), Workflow.action("accept").orElseThrow(), null, null, null);
        }
        waitUntil(() -> store.pending().isEmpty(), Duration.ofSeconds(20));

        // The seat's instance goes away; the rest of the work goes through the other one.
        a.stop();
        for (int i = 3; i < 6; i++) {
            outbox.submit(cases.find(reported.get(i).id()).orElseThrow(), Workflow.action("accept").orElseThrow(), null, null, null);
        }
        waitUntil(() -> store.pending().isEmpty(), Duration.ofSeconds(30));
        assertThat(failover.current()).isEqualTo(b.uri());
        Cases.Case later = b.report(onB, "切换之后");
        waitUntil(() -> cases.find(later.id()).isPresent(), Duration.ofSeconds(20));

        PlatformClient check = b.client("shift_leader");
        for (Cases.Case c : reported) {
            Cases.CaseDetail d = check.parseDetail(check.detailJson(c.id()));
            assertThat(d.timeline()).extracting(Cases.TimelineEntry::action).containsExactly("report", "accept");
            waitUntil(() -> cases.find(c.id()).orElseThrow().pending() == null, Duration.ofSeconds(10));
            assertThat(cases.find(c.id()).orElseThrow().item().version()).isEqualTo(d.item().version());
        }
        assertThat(refusals).isEmpty();
        assertThat(store.all()).extracting(OutboxStore.Entry::status).containsOnly("done");
        waitUntil(() -> phases.get(phases.size() - 1).equals("LIVE"), Duration.ofSeconds(10));
    }
}
