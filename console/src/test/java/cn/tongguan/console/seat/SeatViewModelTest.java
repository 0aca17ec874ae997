package cn.tongguan.console.seat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.tongguan.console.cache.CacheDatabase;
import cn.tongguan.console.cache.OutboxStore;
import cn.tongguan.console.i18n.Labels;
import cn.tongguan.console.i18n.Messages;
import cn.tongguan.console.support.SampleCases;
import cn.tongguan.api.testing.MutableClock;
import cn.tongguan.console.sync.SyncStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The seat's status line and first-snapshot progress without the toolkit: counts, the announced total and an
 * estimate computed from the injected clock, the time of the last applied event, and one connection state.
 */
class SeatViewModelTest {
    private final CacheDatabase db = CacheDatabase.inMemory("seat-" + UUID.randomUUID());
    private final MutableClock clock = new MutableClock(SampleCases.T0);
    private final SeatViewModel vm = new SeatViewModel(new Labels(Messages.load(Locale.SIMPLIFIED_CHINESE)),
            "operator", new OutboxStore(db), Runnable::run, Runnable::run, clock);

    @AfterEach
    void tearDown() {
        db.close();
    }

    private static SyncStatus snapshot(long rows, long total) {
        return new SyncStatus(SyncStatus.Phase.SNAPSHOT, rows, total, null, null);
    }

    @Test
    void theFirstSnapshotShowsCountsOfTheAnnouncedTotalAndAnEstimateFromTheClock() {
        // Before and during the snapshot, the empty queue says its cases are on the way, not that none match.
        assertThat(vm.queueEmptyTextProperty().get()).isEqualTo("正在下载案件，到齐后列在这里。");
        vm.statusChanged(snapshot(0, 910_000));
        assertThat(vm.queueEmptyTextProperty().get()).isEqualTo("正在下载案件，到齐后列在这里。");
        assertThat(vm.snapshottingProperty().get()).isTrue();
        assertThat(vm.snapshotTextProperty().get()).isEqualTo("正在下载案件快照：已收到 0 / 910,000 件（正在估算剩余时间）");
        assertThat(vm.snapshotProgressProperty().get()).isZero();

        // 100,000 rows in 10 s: the other 810,000 at that rate take 81 s.
        clock.advance(Duration.ofSeconds(10));
        vm.statusChanged(snapshot(100_000, 910_000));
        assertThat(vm.snapshotTextProperty().get()).isEqualTo("正在下载案件快照：已收到 100,000 / 910,000 件（约 1 分 21 秒）");
        assertThat(vm.syncTextProperty().get()).isEqualTo(vm.snapshotTextProperty().get());
        assertThat(vm.snapshotProgressProperty().get()).isCloseTo(100_000 / 910_000.0, within(1e-9));

        // Slower since: the estimate follows the average rate from the start.
        clock.advance(Duration.ofSeconds(90));
        vm.statusChanged(snapshot(500_000, 910_000));
        assertThat(vm.snapshotTextProperty().get()).isEqualTo("正在下载案件快照：已收到 500,000 / 910,000 件（约 1 分 22 秒）");
    }

    @Test
    void withoutAnAnnouncedTotalTheBarIsIndeterminateAndTheCountStillMoves() {
        vm.statusChanged(snapshot(0, -1));
        vm.statusChanged(snapshot(20_000, -1));
        assertThat(vm.snapshotProgressProperty().get()).isEqualTo(SnapshotProgress.INDETERMINATE);
        assertThat(vm.snapshotTextProperty().get()).isEqualTo("正在下载案件快照：已收到 20,000 件");
    }

    @Test
    void afterTheLastRowTheSeatIsToldTheCacheBuildsItsIndexes() {
        vm.statusChanged(snapshot(0, 30_000));
        vm.statusChanged(new SyncStatus(SyncStatus.Phase.SNAPSHOT, 30_000, 30_000, null, SyncStatus.INDEXING));
        assertThat(vm.snapshotTextProperty().get()).isEqualTo("案件快照已收到 30,000 件，正在建立本机索引…");
        assertThat(vm.snapshotProgressProperty().get()).isEqualTo(SnapshotProgress.INDETERMINATE);
    }

    @Test
    void whenLiveTheBarGoesAndTheStatusLineShowsTheTimeOfTheLastAppliedEvent() {
        vm.statusChanged(snapshot(10_000, 10_000));
        Instant first = SampleCases.T0.plusSeconds(5);
        vm.statusChanged(new SyncStatus(SyncStatus.Phase.LIVE, 0, first, null));
        assertThat(vm.snapshottingProperty().get()).isFalse();
        assertThat(vm.liveProperty().get()).isTrue();
        assertThat(vm.queueEmptyTextProperty().get()).isEqualTo("没有符合条件的案件。");
        assertThat(vm.syncTextProperty().get()).isEqualTo("实时同步中 · 最近事件 2026-11-20 10:00:05");

        vm.statusChanged(new SyncStatus(SyncStatus.Phase.LIVE, 0, first.plusSeconds(42), null));
        assertThat(vm.syncTextProperty().get()).isEqualTo("实时同步中 · 最近事件 2026-11-20 10:00:47");

        vm.statusChanged(new SyncStatus(SyncStatus.Phase.RECONNECTING, 0, first.plusSeconds(42), "closed"));
        assertThat(vm.liveProperty().get()).isFalse();
        assertThat(vm.syncTextProperty().get()).isEqualTo("与平台断开，正在重连 · 本机数据截至 2026-11-20 10:00:47");
    }

    @Test
    void aSecondSnapshotEstimatesFromItsOwnStart() {
        vm.statusChanged(snapshot(0, 1_000));
        clock.advance(Duration.ofMinutes(30));
        vm.statusChanged(new SyncStatus(SyncStatus.Phase.LIVE, 0, clock.instant(), null));
        vm.statusChanged(snapshot(0, 1_000));
        clock.advance(Duration.ofSeconds(2));
        vm.statusChanged(snapshot(500, 1_000));
        assertThat(vm.snapshotTextProperty().get()).endsWith("（约 2 秒）");
    }
}
