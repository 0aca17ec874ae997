package cn.tongguan.console.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.Cases;
import cn.tongguan.api.Evaluation;
import cn.tongguan.api.Ledger;
import cn.tongguan.console.i18n.Messages;
import cn.tongguan.console.support.TestPlatform;
import cn.tongguan.console.sync.MeetingApi;
import cn.tongguan.console.sync.PlatformClient;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The meeting's view model against a real platform (no JavaFX toolkit): figures, rankings, drill-down, the ledger. */
class MeetingViewModelTest {
    @TempDir
    Path dir;
    private TestPlatform platform;
    private MeetingViewModel vm;
    private PlatformClient operator;

    @BeforeEach
    void start() throws Exception {
        platform = new TestPlatform(dir).start();
        operator = platform.client("operator");
        vm = new MeetingViewModel(Messages.load(Locale.SIMPLIFIED_CHINESE), new MeetingApi(platform.client("leader")),
                Runnable::run, Runnable::run, platform.clock(), dir.resolve("downloads"));
        vm.monthProperty().set(YearMonth.from(platform.clock().instant().atZone(ZoneId.of("Asia/Shanghai"))));
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    @Test
    void theMonthAtAGlanceAndTheCasesBehindAFigure() throws Exception {
        for (int i = 0; i < 3; i++) {
            platform.report(operator, "会议测试垃圾 " + i);
        }
        vm.load();
        assertThat(vm.statusProperty().get()).matches("数据期间 \\d{4} 年 \\d{1,2} 月，来自平台的实时统计");
        MeetingViewModel.Tile reported = vm.tiles().stream().filter(t -> t.indicator().equals("reported")).findFirst()
                .orElseThrow();
        assertThat(reported.value()).isEqualTo("3");
        assertThat(reported.label()).isEqualTo("上报数");
        assertThat(vm.trend()).isNotEmpty();
        assertThat(vm.topClasses()).anyMatch(line -> line.contains("3 件"));

        vm.drill("reported", "上报数", null, null);
        assertThat(vm.behind()).hasSize(3);
        assertThat(vm.behindTitleProperty().get()).contains("全市").contains("共 3 件");
    }

    @Test
    void hotSpotsNamePlacesWithTheGridCodeAside() throws Exception {
        cn.tongguan.console.support.SmallCity.load(platform);
        for (int i = 0; i < 2; i++) {
            // Inside the small city's 红旗区 (its east half), where grids are.
            operator.create(new Cases.NewCase("hotline_12319", "event", "06", "06010", 113.905, 35.285,
                    "新乡市红旗区平原路 热点测试 " + i, "热点测试 " + i, "normal", "张三", "13812345678", null, false),
                    java.util.UUID.randomUUID().toString());
        }
        vm.load();
        assertThat(vm.hotGrids()).isNotEmpty();
        MeetingViewModel.HotSpot worst = vm.hotGrids().get(0);
        assertThat(worst.gridCode()).matches("\\d{14,15}");
        // The place the platform names by its one rule (district · street · community), never the bare code.
        assertThat(worst.place()).startsWith("红旗区 · ").doesNotContain(worst.gridCode());
        assertThat(worst.text()).isEqualTo(worst.place() + "　2 件");
        assertThat(worst.detail()).isEqualTo("网格 " + worst.gridCode());
        assertThat(vm.hotGridCode(0)).isEqualTo(worst.gridCode());
    }

    @Test
    void aPlatformThatDoesNotNameGridsLeavesTheCode() {
        MeetingViewModel.HotSpot bare = vm.hotSpot(new Evaluation.Top("410702001001001", null, 4));
        assertThat(bare.place()).isEqualTo("410702001001001");
        assertThat(bare.text()).isEqualTo("410702001001001　4 件");
    }

    @Test
    void theWorstThreeAreMarkedAndTiesAreNot() {
        Evaluation.Report report = new Evaluation.Report("department", null, List.of(), List.of(
                row("D1", 95.0), row("D2", 90.0), row("D3", 80.0), row("D4", 70.0), row("D5", 60.0), row("D6", 60.0)));
        List<MeetingViewModel.Ranked> ranked = MeetingViewModel.ranked("department", report);
        assertThat(ranked).extracting(MeetingViewModel.Ranked::key).containsExactly("D1", "D2", "D3", "D4", "D5", "D6");
        assertThat(ranked).filteredOn(MeetingViewModel.Ranked::worst).extracting(MeetingViewModel.Ranked::key)
                .containsExactly("D4", "D5", "D6");
        List<MeetingViewModel.Ranked> tied = MeetingViewModel.ranked("department", new Evaluation.Report("department",
                null, List.of(), List.of(row("D1", 90.0), row("D2", 80.0), row("D3", 80.0), row("D4", 80.0),
                row("D5", 80.0))));
        // Five units: the last two at most, and D3 is level with them: none of them is singled out.
        assertThat(tied).noneMatch(MeetingViewModel.Ranked::worst);
        List<MeetingViewModel.Ranked> districts = MeetingViewModel.ranked("district", new Evaluation.Report("district",
                null, List.of(), List.of(row("410702", 82.0), row("410703", 81.0), row("410704", 81.0),
                row("410711", 72.0))));
        // Four districts: not three of them marked, only the last below its neighbour.
        assertThat(districts).filteredOn(MeetingViewModel.Ranked::worst).extracting(MeetingViewModel.Ranked::key)
                .containsExactly("410711");
    }

    private static Evaluation.Row row(String key, Double composite) {
        return new Evaluation.Row(key, key, Map.of(), Map.of("closeRate", composite), composite, "B", null);
    }

    @Test
    void theMeetingRecordsItsDecisionOnALedgerEntry() throws Exception {
        Cases.Case c = platform.report(operator, "疑难：老旧小区私搭乱建");
        PlatformClient leader = platform.client("leader");
        Request mark = new Request.Builder().url(leader.base().resolve("/api/v1/cases/" + c.id() + "/difficult").toString())
                .post(RequestBody.create("{\"reason\":\"涉及多个部门\"}", MediaType.get("application/json"))).build();
        try (Response r = leader.http().newCall(mark).execute()) {
            assertThat(r.code()).isEqualTo(201);
        }
        vm.load();
        assertThat(vm.ledger()).extracting(Ledger.Entry::caseId).contains(c.id());
        assertThat(vm.ledgerFiguresProperty().get()).contains("共 1 件");
        Ledger.Entry entry = vm.ledger().stream().filter(e -> e.caseId() == c.id()).findFirst().orElseThrow();

        vm.discuss(entry, " ", null, null, false);
        assertThat(vm.statusProperty().get()).isEqualTo("请先填写讨论意见");
        vm.discuss(entry, "城管局牵头，街道配合", "两周内拆除", "D01", true);
        Ledger.Entry now = vm.ledger().stream().filter(e -> e.caseId() == c.id()).findFirst().orElseThrow();
        assertThat(now.discussions()).hasSize(1);
        assertThat(now.claimedBy()).isEqualTo("D01");
        assertThat(now.assignedAt()).isNotNull().isBeforeOrEqualTo(platform.clock().instant());
        assertThat(vm.statusProperty().get()).contains(c.caseNo());
    }

    @Test
    void theMonthlyReportIsGeneratedAndBothFilesAreSaved() throws Exception {
        platform.report(operator, "报表测试");
        vm.generateMonthly();
        assertThat(vm.reports()).hasSize(1);
        assertThat(vm.statusProperty().get()).startsWith("已生成“");
        vm.download(vm.reports().get(0));
        java.nio.file.Path saved = dir.resolve("downloads");
        try (var files = java.nio.file.Files.list(saved)) {
            List<java.nio.file.Path> list = files.sorted().toList();
            assertThat(list).hasSize(2);
            assertThat(java.nio.file.Files.readString(list.get(0), java.nio.charset.StandardCharsets.ISO_8859_1))
                    .startsWith("%PDF");
            assertThat(java.nio.file.Files.size(list.get(1))).isGreaterThan(1000);
        }
        assertThat(vm.statusProperty().get()).isEqualTo("报告已保存到 " + saved);
    }

    @Test
    void withoutThePlatformTheMeetingSaysSoInAPlainSentence() {
        platform.stop();
        vm.load();
        assertThat(vm.statusProperty().get()).isEqualTo("暂时连不上平台，无法读取评价数据；请稍后再试");
        assertThat(vm.tiles()).isEmpty();
    }
}
