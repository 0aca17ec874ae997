package cn.tongguan.democity.load;

import cn.tongguan.api.Reference;
import cn.tongguan.democity.CaseCategory;
import cn.tongguan.democity.CaseHistoryGenerator;
import cn.tongguan.democity.CaseStep;
import cn.tongguan.democity.CodeTables;
import cn.tongguan.democity.DeadlineCalendar;
import cn.tongguan.democity.DemoCity;
import cn.tongguan.democity.Department;
import cn.tongguan.democity.HistoricCase;
import cn.tongguan.democity.LocalProjection;
import cn.tongguan.democity.Sensor;
import cn.tongguan.platform.PlatformServer;
import cn.tongguan.platform.cases.CaseHistoryImport;
import cn.tongguan.platform.reference.ReferenceDataStore;
import cn.tongguan.platform.workflow.WorkCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills an empty platform with the demo city through the platform's own storage services: reference data
 * through {@link ReferenceDataStore}, two years of cases through {@link CaseHistoryImport} (replayed by
 * the platform's workflow effects on its working calendar).
 */
public final class DemoCityLoader {
    private static final Logger LOG = LoggerFactory.getLogger(DemoCityLoader.class);

    /** What was loaded, and how long each part took. */
    public record Report(long divisions, long grids, long parts, long lines, long cases, long difficult,
                         long referenceMillis, long caseMillis) {
    }

    private final PlatformServer platform;

    public DemoCityLoader(PlatformServer platform) {
        this.platform = platform;
    }

    /** The phases {@link #load} reports to its {@link LoadProgress}. */
    public static final int PHASES = 4;

    public Report load(DemoCity city, CodeTables tables, LocalDate firstDay, Instant end, int caseCount) {
        return load(city, tables, firstDay, end, caseCount, LoadProgress.silent(java.time.Clock.fixed(end, java.time.ZoneOffset.UTC)));
    }

    /** Loads the city, telling {@code progress} of its {@link #PHASES} phases as it goes. */
    public Report load(DemoCity city, CodeTables tables, LocalDate firstDay, Instant end, int caseCount,
                       LoadProgress progress) {
        long start = System.nanoTime();
        progress.begin("参考数据（区、街道、社区、网格、部件、道路水系铁路、摄像机、传感器）", city.parts().size(), "个部件");
        ReferenceDataStore ref = platform.referenceData();
        ReferenceRows rows = new ReferenceRows(city);
        ref.upsertCategories(categories(tables.categories()));
        ref.upsertDepartments(departments(city));
        long divisions = ref.upsertDivisions(rows.divisions());
        long grids = ref.upsertGrids(rows.grids());
        long parts = 0;
        for (int from = 0; from < city.parts().size(); from += 50_000) {
            parts += ref.upsertParts(rows.parts(from, Math.min(city.parts().size(), from + 50_000)));
            progress.advance(parts);
        }
        ref.upsertLines(rows.lines());
        ref.upsertCameras(rows.cameras());
        ref.upsertSensors(sensors(city, tables));
        ref.reload();
        progress.finish();
        long referenceMillis = (System.nanoTime() - start) / 1_000_000;
        LOG.info("reference data loaded in {} ms: {} divisions, {} grids, {} parts", referenceMillis, divisions, grids, parts);

        long casesStart = System.nanoTime();
        WorkCalendar calendar = ref.calendar();
        DeadlineCalendar deadlines = (from, amount, unit) ->
                calendar.plus(from, calendar.limitMinutes(amount, unit), WorkCalendar.isWorkingClock(unit));
        long cases;
        long[] difficult = {0};
        long[] added = {0};
        // The generator's first pass plans the history (how many old cases stay parked); the second streams it.
        progress.begin("规划案件历史", caseCount, "件");
        try (CaseHistoryImport history = platform.historyImport()) {
            new CaseHistoryGenerator(city, tables.categories(), deadlines, firstDay, end, caseCount, city.seed())
                    .generate(c -> {
                        if (added[0] == 0) {
                            progress.finish();
                            progress.begin("导入案件历史", caseCount, "件");
                        }
                        CaseHistoryImport.HistoricCase row = toImport(c, end);
                        if (row.ledger() != null) {
                            difficult[0]++;
                        }
                        history.add(row);
                        if (++added[0] % 1_000 == 0) {
                            progress.advance(added[0]);
                        }
                    }, planned -> {
                        if (planned % 1_000 == 0) {
                            progress.advance(planned);
                        }
                    });
            progress.advance(added[0]);
            progress.finish();
            progress.begin("写入收尾（序号、索引）", 0, "");
            history.close();
            progress.finish();
            cases = history.imported();
        }
        long caseMillis = (System.nanoTime() - casesStart) / 1_000_000;
        LOG.info("{} cases loaded in {} ms", cases, caseMillis);
        return new Report(divisions, grids, parts, city.lines().size(), cases, difficult[0], referenceMillis, caseMillis);
    }

    public static CaseHistoryImport.HistoricCase toImport(HistoricCase c, Instant end) {
        List<CaseHistoryImport.Step> steps = new ArrayList<>(c.steps().size());
        String department = null;
        for (CaseStep s : c.steps()) {
            String dept = null;
            Integer hours = null;
            if ("dispatch".equals(s.action())) {
                // The note names the department: "派遣至<code>".
                dept = s.note().substring("派遣至".length());
                department = dept;
            } else if ("apply_extension".equals(s.action())) {
                hours = Integer.parseInt(s.note().replaceAll("\\D", ""));
            }
            steps.add(new CaseHistoryImport.Step(s.action(), s.fromState(), s.toState(), s.actor(), s.role(), s.at(),
                    s.note(), dept, hours));
        }
        assert department == null || department.equals(c.departmentCode()) || c.backCount() > 0;
        return new CaseHistoryImport.HistoricCase(c.id(), c.caseNo(), c.source(), c.kind(), c.bigCode(), c.smallCode(),
                c.lng(), c.lat(), c.districtCode(), c.streetCode(), c.communityCode(), c.gridCode(), c.partCode(),
                c.address(), c.description(), c.urgency(), c.reporterName(), c.reporterPhone(), steps, ledger(c, end));
    }

    /**
     * Difficult cases enter the ledger when they are parked (挂账); those a meeting took up were assigned at
     * the monthly joint meeting after that, held here on the 25th at 09:30 (Asia/Shanghai).
     */
    static CaseHistoryImport.Ledger ledger(HistoricCase c, Instant end) {
        if (!c.difficult()) {
            return null;
        }
        Instant listed = c.at("approve_suspend") != null ? c.at("approve_suspend") : c.updatedAt();
        Instant assigned = null;
        if (c.meetingAssigned()) {
            java.time.ZoneId zone = java.time.ZoneId.of("Asia/Shanghai");
            java.time.LocalDate day = LocalDate.ofInstant(listed, zone).plusMonths(1).withDayOfMonth(25);
            Instant meeting = day.atTime(9, 30).atZone(zone).toInstant();
            assigned = meeting.isAfter(end) ? null : meeting;
        }
        return new CaseHistoryImport.Ledger(listed, assigned, assigned == null ? "待月联席会议研究" : "月联席会议交办");
    }

    static List<Reference.Category> categories(List<CaseCategory> categories) {
        Map<String, Reference.Category> big = new LinkedHashMap<>();
        List<Reference.Category> small = new ArrayList<>();
        for (CaseCategory c : categories) {
            big.putIfAbsent(c.kind() + c.bigCode(), new Reference.Category(c.bigCode(), c.kind(), "big", null,
                    bigName(c.kind(), c.bigCode()), List.of()));
            small.add(new Reference.Category(c.smallCode(), c.kind(), "small", c.bigCode(), c.name(), List.of(
                    new Reference.TimeLimit(c.smallCode(), "normal", c.limit(), c.unit()),
                    new Reference.TimeLimit(c.smallCode(), "urgent", c.urgentLimit(), c.urgentUnit()))));
        }
        List<Reference.Category> all = new ArrayList<>(big.values());
        all.addAll(small);
        return all;
    }

    private static String bigName(String kind, String code) {
        if ("part".equals(kind)) {
            return switch (code) {
                case "01" -> "市政公用设施";
                case "02" -> "交通设施";
                case "03" -> "市容环卫设施";
                case "04" -> "园林绿化设施";
                default -> "其他管理部件";
            };
        }
        return switch (code) {
            case "06" -> "市容环境类";
            case "07" -> "宣传广告类";
            case "08" -> "施工管理类";
            case "09" -> "街面秩序类";
            default -> "其他事项类";
        };
    }

    static List<Reference.Department> departments(DemoCity city) {
        List<Reference.Department> out = new ArrayList<>();
        for (Department d : city.departments()) {
            List<String> districts = switch (d.kind()) {
                case CITY_DEPARTMENT -> List.of();
                case DISTRICT_PLATFORM -> List.of(d.areaCode());
                case STREET_OFFICE -> List.of(d.areaCode().substring(0, 6));
            };
            out.add(new Reference.Department(d.code(), d.name(), d.handles(), districts));
        }
        return out;
    }

    static List<Reference.Sensor> sensors(DemoCity city, CodeTables tables) {
        LocalProjection p = city.projection();
        List<Reference.Sensor> out = new ArrayList<>();
        for (Sensor s : city.sensors()) {
            // The platform raises an alarm above one threshold: the level that calls for action.
            String level = s.kind() == Sensor.Kind.UNDERPASS ? "orange" : "yellow";
            String quantity = s.kind() == Sensor.Kind.MANHOLE_COVER ? "tilt" : "depth";
            double threshold = tables.thresholds().stream()
                    .filter(t -> t.kind() == s.kind() && t.level().equals(level) && t.quantity().equals(quantity))
                    .findFirst().orElseThrow().value();
            String kind = switch (s.kind()) {
                case WATERLOGGING -> "waterlogging";
                case UNDERPASS -> "underpass";
                case MANHOLE_COVER -> "manhole";
            };
            out.add(new Reference.Sensor(s.id(), kind, s.name(), p.lng(s.x()), p.lat(s.y()),
                    s.kind() == Sensor.Kind.MANHOLE_COVER ? "deg" : "cm", threshold, null, null));
        }
        return out;
    }
}
