package cn.tongguan.console.queue;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.console.cache.CacheDatabase;
import cn.tongguan.console.cache.CacheMeta;
import cn.tongguan.console.cache.CaseCache;
import cn.tongguan.console.support.SampleCases;
import cn.tongguan.console.queue.QueueTab;
import cn.tongguan.console.cache.ReferenceHolder;
import cn.tongguan.console.i18n.Labels;
import cn.tongguan.console.i18n.Messages;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The queue's view model over a real (in-memory) cache, without the JavaFX toolkit: executors run inline. */
class QueueViewModelTest {
    static final Instant T0 = SampleCases.T0;
    private final CacheDatabase db = CacheDatabase.inMemory("queue-" + UUID.randomUUID());
    private final CaseCache cases = new CaseCache(db);
    private final CacheMeta meta = new CacheMeta(db);
    private QueueViewModel vm;

    @BeforeEach
    void setUp() {
        meta.putReference("categories", "[{\"code\":\"06010\",\"kind\":\"event\",\"level\":\"small\",\"name\":\"暴露垃圾\"}]");
        meta.putReference("departments", "[{\"code\":\"D01\",\"name\":\"环卫处\"}]");
        meta.putReference("divisions", "[{\"code\":\"410702\",\"name\":\"红旗区\",\"level\":\"district\"}]");
        cases.upsert(List.of(SampleCases.item(1, "reported", 1, T0, null),
                SampleCases.item(2, "reported", 1, T0.plusSeconds(60), null),
                SampleCases.item(3, "handling", 4, T0, T0.plusSeconds(3600))));
        vm = new QueueViewModel(new Labels(Messages.load(Locale.SIMPLIFIED_CHINESE)), cases, meta, new ReferenceHolder(meta),
                Runnable::run, Runnable::run, Clock.fixed(T0, ZoneOffset.UTC));
        vm.start();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void showsTheTabNewestFirstInChineseWithCounts() {
        assertThat(vm.rowsProperty().get()).extracting(QueueRow::id).containsExactly(2L, 1L);
        QueueRow row = vm.rowsProperty().get().get(0);
        assertThat(row.source()).isEqualTo("监督员上报");
        assertThat(row.category()).isEqualTo("暴露垃圾");
        assertThat(row.state()).isEqualTo("待受理");
        assertThat(vm.countsProperty().get()).containsEntry(QueueTab.PENDING_ACCEPT, 2L).containsEntry(QueueTab.HANDLING, 1L);
        assertThat(vm.tabLabel(QueueTab.PENDING_ACCEPT, vm.countsProperty().get())).isEqualTo("待受理 2");
        assertThat(vm.footerProperty().get()).isEqualTo("共 2 件");
    }

    @Test
    void switchingTabShowsTheCountdownAndTheDepartment() {
        vm.tabProperty().set(QueueTab.HANDLING);
        QueueRow row = vm.rowsProperty().get().get(0);
        assertThat(row.id()).isEqualTo(3);
        assertThat(row.remaining()).isEqualTo("剩 1小时0分");
        assertThat(row.light()).isEqualTo("yellow");
        assertThat(row.department()).isEqualTo("环卫处");
    }

    @Test
    void aCaseArrivingFromTheSyncAppearsAfterTheNotification() {
        cases.upsert(List.of(SampleCases.item(4, "reported", 1, T0.plusSeconds(120), null)));
        vm.casesChanged(Set.of(4L));
        assertThat(vm.rowsProperty().get()).extracting(QueueRow::id).containsExactly(4L, 2L, 1L);
    }

    @Test
    void savedFiltersComeBack() {
        vm.textProperty().set("垃圾 2");
        vm.saveFilter("我的筛选");
        vm.textProperty().set("");
        assertThat(vm.rowsProperty().get()).hasSize(2);
        vm.applySavedFilter("我的筛选");
        assertThat(vm.savedFilters()).containsExactly("我的筛选");
        assertThat(vm.rowsProperty().get()).extracting(QueueRow::id).containsExactly(2L);
    }

    @Test
    void namesThatArriveAfterTheRowsReplaceTheCodesAndFillTheFilters() {
        CacheDatabase fresh = CacheDatabase.inMemory("queue-fresh-" + UUID.randomUUID());
        try {
            CaseCache freshCases = new CaseCache(fresh);
            CacheMeta freshMeta = new CacheMeta(fresh);
            freshCases.upsert(List.of(SampleCases.item(1, "reported", 1, T0, null)));
            ReferenceHolder reference = new ReferenceHolder(freshMeta);
            QueueViewModel seat = new QueueViewModel(new Labels(Messages.load(Locale.SIMPLIFIED_CHINESE)), freshCases,
                    freshMeta, reference, Runnable::run, Runnable::run, Clock.fixed(T0, ZoneOffset.UTC));
            seat.start();
            assertThat(seat.rowsProperty().get().get(0).category()).isEqualTo("06010");

            // What the sync engine does before the first snapshot row: store the lists, reload, announce.
            freshMeta.putReference("categories", "[{\"code\":\"06010\",\"kind\":\"event\",\"level\":\"small\",\"name\":\"暴露垃圾\"}]");
            freshMeta.putReference("divisions", "[{\"code\":\"410702\",\"name\":\"红旗区\",\"level\":\"district\"}]");
            reference.reload();
            seat.referenceChanged();
            assertThat(seat.rowsProperty().get().get(0).category()).isEqualTo("暴露垃圾");
            assertThat(seat.districts()).extracting(Choice::label).containsExactly("全部区县", "红旗区");
        } finally {
            fresh.close();
        }
    }

    @Test
    void aRefreshOfTheNamesKeepsTheSeatsFilters() {
        Choice hongqi = vm.districts().stream().filter(c -> "410702".equals(c.code())).findFirst().orElseThrow();
        vm.districtProperty().set(hongqi);
        vm.referenceChanged();
        assertThat(vm.districtProperty().get().code()).isEqualTo("410702");
    }
}
