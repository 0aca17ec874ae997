package cn.tongguan.reports;

import cn.tongguan.reports.model.ClassCount;
import cn.tongguan.reports.model.Column;
import cn.tongguan.reports.model.GradeBands;
import cn.tongguan.reports.model.HotSpot;
import cn.tongguan.reports.model.Kpi;
import cn.tongguan.reports.model.Ledger;
import cn.tongguan.reports.model.LedgerRow;
import cn.tongguan.reports.model.Ranking;
import cn.tongguan.reports.model.Rankings;
import cn.tongguan.reports.model.Report;
import cn.tongguan.reports.model.ReportKind;
import cn.tongguan.reports.model.TrendPoint;
import cn.tongguan.reports.model.Unit;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A realistic monthly assessment for tests and the benchmark: 9 departments, 4 districts and 30 streets, a
 * 30-day trend, 10 classes, 10 hot spots and the seed's 108 difficult cases (103 assigned on the spot).
 * Deterministic (fixed seed), so assertions can name rows.
 */
public final class SampleReports {
    public static final String TITLE = "新乡市城市运行管理服务2026年10月考核通报";
    public static final List<String> DEPARTMENTS = List.of("市城市管理局", "市住房和城乡建设局", "市交通运输局", "市园林绿化中心",
            "市环境卫生服务中心", "市市政设施维护中心", "新乡水务集团", "新乡燃气公司", "国网新乡供电公司");
    public static final List<String> DISTRICTS = List.of("红旗区", "卫滨区", "牧野区", "凤泉区");
    public static final List<String> STREETS = List.of("西街街道", "东街街道", "渠东街道", "文化街街道", "向阳街道",
            "洪门街道", "胜利路街道", "中同街街道", "健康路街道", "解放路街道", "自由路街道", "铁西街道", "花园街道", "卫北街道",
            "东干道街道", "荣校路街道", "北干道街道", "王村街道", "宝西街道", "宝东街道", "耿黄街道", "大块街道", "关堤街道",
            "小店街道", "平原路街道", "和平路街道", "新华街道", "人民路街道", "金穗街道", "潞王坟街道");
    static final List<Column> DEPT_COLUMNS = List.of(new Column("立案数", Unit.COUNT), new Column("处置率", Unit.PERCENT),
            new Column("按期处置率", Unit.PERCENT), new Column("返工率", Unit.PERCENT));
    static final List<Column> AREA_COLUMNS = List.of(new Column("立案数", Unit.COUNT), new Column("结案率", Unit.PERCENT),
            new Column("按期结案率", Unit.PERCENT), new Column("返工率", Unit.PERCENT));
    private static final String[] CLASSES = {"暴露垃圾", "乱堆物堆料", "店外经营", "道路破损", "绿地脏乱", "无照经营游商",
            "井盖破损", "私搭乱建", "违规广告", "非机动车乱停放"};
    private static final String[] STATES = {"处置中", "待核查", "已结案"};

    private SampleReports() {
    }

    public static Report monthly() {
        Random rnd = new Random(20261101);
        List<Kpi> kpis = List.of(
                Kpi.count("受理", 38_412, 36_980L, 33_507L), Kpi.count("立案", 35_977, 34_406L, 31_120L),
                Kpi.count("派遣", 35_102, 33_911L, 30_877L), Kpi.count("结案", 34_013, 32_705L, 29_410L),
                Kpi.rate("处置率", 0.9690, 0.9652, 0.9488, true), Kpi.rate("结案率", 0.9693, 0.9644, 0.9523, true),
                Kpi.rate("按期结案率", 0.9127, 0.9201, 0.8765, true), Kpi.rate("返工率", 0.0213, 0.0198, 0.0302, false));
        List<Ranking> rankings = List.of(
                ranking("专业部门综合评价排名", "部门", DEPARTMENTS, DEPT_COLUMNS, rnd),
                ranking("城区综合评价排名", "城区", DISTRICTS, AREA_COLUMNS, rnd),
                ranking("街道综合评价排名", "街道", STREETS, AREA_COLUMNS, rnd));
        List<TrendPoint> trend = new ArrayList<>();
        for (int d = 1; d <= 30; d++) {
            long received = 1100 + rnd.nextInt(400);
            trend.add(new TrendPoint(LocalDate.of(2026, 10, d), received, received - 40 - rnd.nextInt(60)));
        }
        List<ClassCount> classes = new ArrayList<>();
        long c = 5200;
        for (int i = 0; i < CLASSES.length; i++) {
            classes.add(new ClassCount(String.format("%02d%02d", 1 + i / 4, 1 + i), CLASSES[i], c));
            c = c * (70 + rnd.nextInt(20)) / 100;
        }
        List<HotSpot> spots = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            spots.add(new HotSpot("41070201" + String.format("%04d", 100 + rnd.nextInt(900)),
                    DISTRICTS.get(i % 4) + STREETS.get(rnd.nextInt(STREETS.size())), 160 - i * 9L - rnd.nextInt(5)));
        }
        List<LedgerRow> rows = new ArrayList<>();
        long closed = 0;
        long overdue = 0;
        for (int i = 0; i < 108; i++) {
            LocalDate listed = LocalDate.of(2026, 9, 1).plusDays(rnd.nextInt(55));
            boolean assigned = i < 103;
            String state = STATES[rnd.nextInt(STATES.length)];
            boolean late = !"已结案".equals(state) && rnd.nextInt(5) == 0;
            closed += "已结案".equals(state) ? 1 : 0;
            overdue += late ? 1 : 0;
            rows.add(new LedgerRow(String.format("XX2026%06d", 1000 + i * 37), CLASSES[rnd.nextInt(CLASSES.length)],
                    DISTRICTS.get(rnd.nextInt(4)) + STREETS.get(rnd.nextInt(STREETS.size())),
                    DEPARTMENTS.get(rnd.nextInt(DEPARTMENTS.size())), listed, assigned ? listed.plusDays(3) : null,
                    state, late, "联席会议研究"));
        }
        Ledger ledger = new Ledger(108, 103, closed, overdue, rows);
        return new Report(ReportKind.MONTHLY, TITLE, "新乡市城市运行管理服务中心", "2026年10月",
                Instant.parse("2026-10-31T16:30:00Z"), kpis, rankings, trend, classes, spots, ledger,
                List.of("综合指标值按市考核办法计算，满分100分；等级：A≥90，B≥75，C≥60，D≥40，E<40。"));
    }

    private static Ranking ranking(String title, String label, List<String> names, List<Column> cols, Random rnd) {
        List<Rankings.Scored> units = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            double filed = 400 + rnd.nextInt(5000);
            double a = 0.90 + rnd.nextDouble() * 0.1;
            double b = 0.80 + rnd.nextDouble() * 0.19;
            double rework = rnd.nextDouble() * 0.05;
            double score = 10 * 0.9 + a * 30 + b * 30 + (1 - rework) * 30 - (i == names.size() - 1 ? 25 : 0);
            units.add(new Rankings.Scored(String.format("U%02d", i + 1), names.get(i), List.of(filed, a, b, rework), score));
        }
        return new Ranking(title, label, cols, Rankings.rank(units, GradeBands.STANDARD, 3));
    }
}
