package cn.tongguan.console.detail;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.Cases;
import cn.tongguan.console.cache.CacheDatabase;
import cn.tongguan.console.cache.CacheMeta;
import cn.tongguan.console.cache.CaseCache;
import cn.tongguan.console.support.SampleCases;
import cn.tongguan.console.cache.OutboxStore;
import cn.tongguan.console.cache.ReferenceHolder;
import cn.tongguan.console.i18n.Labels;
import cn.tongguan.console.i18n.Messages;
import cn.tongguan.console.sync.Outbox;
import cn.tongguan.console.sync.PlatformClient;
import cn.tongguan.console.sync.SyncBus;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The detail view model without the toolkit, with the platform unreachable (a port nobody listens on): it shows
 * the cache, offers the role's actions by letter, queues actions, and explains refusals in plain words.
 */
class CaseDetailViewModelTest {
    private final CacheDatabase db = CacheDatabase.inMemory("detail-" + UUID.randomUUID());
    private final CaseCache cases = new CaseCache(db);
    private final CacheMeta meta = new CacheMeta(db);
    private final OutboxStore store = new OutboxStore(db);
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor();
    private CaseDetailViewModel vm;
    private ReferenceHolder reference;
    private PlatformClient client;
    private Outbox outbox;
    private Clock clock;

    @BeforeEach
    void setUp() throws Exception {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        meta.putReference("departments", "[{\"code\":\"D01\",\"name\":\"环卫处\",\"categoryCodes\":[\"06010\"]},"
                + "{\"code\":\"D00\",\"name\":\"其他\"}]");
        reference = new ReferenceHolder(meta);
        reference.reload();
        client = new PlatformClient(new OkHttpClient.Builder().connectTimeout(Duration.ofMillis(200))
                .build(), URI.create("http://127.0.0.1:" + deadPort));
        clock = Clock.fixed(SampleCases.T0, ZoneOffset.UTC);
        outbox = new Outbox(client, new cn.tongguan.console.sync.Session(client, new cn.tongguan.console.sync.SessionToken(),
                new cn.tongguan.api.Auth.LoginResponse("t", null, new cn.tongguan.api.Auth.User("dispatcher", "派遣员",
                        "dispatcher", null))), store, cases, worker, new SyncBus(), clock);
        cases.upsert(List.of(SampleCases.item(5, "filed", 3, SampleCases.T0, null)));
        vm = new CaseDetailViewModel(new Labels(Messages.load(Locale.SIMPLIFIED_CHINESE)), "dispatcher", cases, meta,
                reference, client, outbox, Runnable::run, Runnable::run, clock);
        vm.show(5);
    }

    @AfterEach
    void tearDown() {
        worker.shutdownNow();
        db.close();
    }

    @Test
    void casesOfTheSameClassAtTheSamePlaceWithin48HoursAreSuggestedAsDuplicates() {
        cases.upsert(List.of(SampleCases.item(6, "reported", 1, SampleCases.T0.plusSeconds(3_600), null),
                SampleCases.item(7, "reported", 1, SampleCases.T0.plusSeconds(72 * 3_600), null)));
        vm.show(6);
        vm.show(5);
        assertThat(vm.duplicates()).hasSize(1);
        assertThat(vm.duplicates().get(0)).startsWith("20261120000006 · 相距 0 米");
    }

    @Test
    void distancesAreInMetres() {
        Cases.Case a = SampleCases.item(1, "reported", 1, SampleCases.T0, null);
        assertThat(CaseCache.metres(a, a)).isZero();
    }

    @Test
    void theDispatcherIsOfferedDispatchOnDWithTheSuggestedDepartmentFirst() {
        assertThat(vm.actions()).extracting(ActionItem::label).containsExactly("派遣 (D)", "申请作废 (Z)");
        assertThat(vm.actionFor('d')).map(a -> a.action()).contains("dispatch");
        assertThat(vm.actionFor('x')).isEmpty();
        assertThat(vm.departmentChoices().get(0).code()).isEqualTo("D01");
        assertThat(vm.departmentChoices().get(0).label()).isEqualTo("环卫处（推荐）");
    }

    @Test
    void theReporterPhoneIsMasked() {
        assertThat(vm.reporterProperty().get()).isEqualTo("上报人：张三　电话：138****5678");
    }

    @Test
    void anActionTakenOfflineIsShownAtOnceAndWaitsInTheOutbox() {
        vm.perform(vm.actionFor('D').orElseThrow(), null, "D01", null);
        assertThat(cases.find(5).orElseThrow().item().state()).isEqualTo("dispatched");
        assertThat(cases.find(5).orElseThrow().pending()).isEqualTo("dispatch");
        assertThat(store.pending()).singleElement().satisfies(e -> {
            assertThat(e.baseVersion()).isEqualTo(3);
            assertThat(e.departmentCode()).isEqualTo("D01");
        });
        assertThat(vm.bannerProperty().get()).isEqualTo("「派遣」已记录（案件 20261120000005），正在发送…");
    }

    @Test
    void aConflictIsExplainedWithTheCurrentState() {
        OutboxStore.Entry entry = new OutboxStore.Entry(1, "k", 5, "dispatch", 3, null, "D01", null, 0, "conflict", null);
        Cases.Case now = SampleCases.item(5, "void_requested", 4, SampleCases.T0, null);
        vm.actionRefused(entry, now, "version_conflict", "案件已被他人修改，请刷新后重试");
        assertThat(vm.bannerProperty().get()).isEqualTo(
                "案件 20261120000005 已被他人处理，您的「派遣」没有执行。当前状态：「申请作废」（版本 4）。请根据当前状态重新操作。");
        assertThat(vm.bannerIsConflictProperty().get()).isTrue();
    }

    @Test
    void aLetterActsOnlyOnTheCaseThatIsBothHighlightedAndShown() {
        java.util.ArrayDeque<Runnable> background = new java.util.ArrayDeque<>();
        cases.upsert(List.of(SampleCases.item(6, "filed", 2, SampleCases.T0, null)));
        CaseDetailViewModel seat = new CaseDetailViewModel(new Labels(Messages.load(Locale.SIMPLIFIED_CHINESE)),
                "dispatcher", cases, meta, reference, client, outbox, background::add, Runnable::run, clock);
        seat.show(5);
        runAll(background);
        assertThat(seat.actionFor('D', 5)).map(a -> a.action()).contains("dispatch");

        // The seat moves to row 6; its read has not come back, so the pane still shows case 5.
        seat.show(6);
        assertThat(seat.shownProperty().get().id()).isEqualTo(5);
        assertThat(seat.actionFor('D', 6)).as("the detail still shows another case").isEmpty();
        assertThat(seat.actionFor('D', 5)).as("the highlight has moved on").isEmpty();
        runAll(background);
        assertThat(seat.shownProperty().get().id()).isEqualTo(6);
        assertThat(seat.actionFor('D', 6)).map(a -> a.action()).contains("dispatch");

        // The row left the list (a search): nothing is shown, nothing acts.
        seat.clear();
        assertThat(seat.presentProperty().get()).isFalse();
        assertThat(seat.actions()).isEmpty();
        assertThat(seat.actionFor('D', 6)).isEmpty();
    }

    @Test
    void namesArrivingLaterAreShownForTheCaseOnScreen() {
        assertThat(vm.titleProperty().get()).isEqualTo("20261120000005 · 06010");
        meta.putReference("categories", "[{\"code\":\"06010\",\"kind\":\"event\",\"level\":\"small\",\"name\":\"暴露垃圾\"}]");
        reference.reload();
        vm.referenceChanged();
        assertThat(vm.titleProperty().get()).isEqualTo("20261120000005 · 暴露垃圾");
    }

    private static void runAll(java.util.ArrayDeque<Runnable> tasks) {
        while (!tasks.isEmpty()) {
            tasks.poll().run();
        }
    }
}
