package cn.tongguan.console.sync;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.Cases;
import cn.tongguan.console.cache.CacheDatabase;
import cn.tongguan.console.cache.CacheMeta;
import cn.tongguan.console.cache.CaseCache;
import cn.tongguan.console.cache.ReferenceHolder;
import cn.tongguan.console.support.SampleCases;
import cn.tongguan.api.testing.MutableClock;
import cn.tongguan.console.support.TestPlatform;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seat's first sync against a real platform, as the listeners see it: the names come before the snapshot
 * starts (so no row can show a code), the snapshot's header announces its total, and every applied event is
 * published with its time.
 */
class FirstSyncTest {
    @TempDir
    Path dir;
    private TestPlatform platform;
    private CacheDatabase db;
    private ScheduledExecutorService worker;
    private SyncEngine engine;
    private ReferenceHolder reference;
    private final List<String> heard = new CopyOnWriteArrayList<>();
    private final BlockingQueue<SyncStatus> live = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        platform = new TestPlatform(dir.resolve("platform")).start();
        db = CacheDatabase.open(dir.resolve("cache"));
        CacheMeta meta = new CacheMeta(db);
        reference = new ReferenceHolder(meta);
        worker = Executors.newSingleThreadScheduledExecutor();
        SyncBus bus = new SyncBus();
        bus.add(new SyncListener() {
            @Override
            public void referenceChanged() {
                heard.add("reference:" + reference.get().smallClasses().size());
            }

            @Override
            public void casesChanged(Set<Long> ids) {
                heard.add("cases");
            }

            @Override
            public void statusChanged(SyncStatus s) {
                heard.add(s.phase() + ":" + s.snapshotRows() + "/" + s.snapshotTotal()
                        + (s.detail() == null ? "" : ":" + s.detail()));
                if (s.phase() == SyncStatus.Phase.LIVE) {
                    live.add(s);
                }
            }
        });
        TestPlatform.SignedIn operator = platform.signIn("operator");
        engine = new SyncEngine(operator.client(), operator.session(), new CaseCache(db), meta, reference, worker, bus,
                new MutableClock(SampleCases.T0, Duration.ofSeconds(1)));
    }

    @AfterEach
    void stop() {
        engine.close();
        worker.shutdownNow();
        db.close();
        platform.close();
    }

    @Test
    void namesFirstThenTheAnnouncedSnapshotThenEveryEventWithItsTime() throws Exception {
        var operator = platform.client("operator");
        for (int i = 0; i < 3; i++) {
            platform.report(operator, "暴露垃圾 " + i);
        }
        engine.start();
        SyncStatus first = live.poll(30, TimeUnit.SECONDS);
        assertThat(first).as("the stream opened").isNotNull();

        int names = indexOf(h -> h.startsWith("reference:"));
        assertThat(names).as("names were announced: " + heard).isGreaterThanOrEqualTo(0);
        assertThat(heard.get(names)).as("the holder held the classes when told").isNotEqualTo("reference:0");
        assertThat(names).as("names before the snapshot: " + heard).isLessThan(indexOf(h -> h.startsWith("SNAPSHOT")));
        assertThat(heard).as("the header's total reaches the status").contains("SNAPSHOT:0/3", "SNAPSHOT:3/3:indexing");
        assertThat(names).as("names before any row: " + heard).isLessThan(heard.indexOf("cases"));

        live.clear();
        Cases.Case reported = platform.report(operator, "暴露垃圾 new");
        SyncStatus afterEvent = live.poll(30, TimeUnit.SECONDS);
        assertThat(afterEvent).as("an applied event is published (report %s)", reported.caseNo()).isNotNull();
        assertThat(afterEvent.lastEventAt()).isAfter(first.lastEventAt());
    }

    private int indexOf(java.util.function.Predicate<String> p) {
        for (int i = 0; i < heard.size(); i++) {
            if (p.test(heard.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
