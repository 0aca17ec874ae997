package cn.tongguan.platform.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.platform.PlatformServer;
import cn.tongguan.platform.cases.CaseHistoryImport;
import cn.tongguan.platform.support.Api;
import cn.tongguan.api.testing.MutableClock;
import cn.tongguan.platform.support.Platforms;
import cn.tongguan.platform.support.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reports through the real API on H2 (files under the data directory) and PostgreSQL (files in the database): a
 * hand-made October of 90 cases — ten per department, D09 slow and never closing — generates a monthly report
 * whose workbook and PDF carry the figures computed here by hand; the scheduler writes what is due.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("cn.tongguan.platform.support.TestDatabases#all")
class ReportsTest {
    private static final Instant OCT = Instant.parse("2026-09-30T16:00:00Z"); // 2026-10-01 00:00 in Asia/Shanghai
    private static final List<String> DISTRICTS = List.of("410702", "410703", "410704", "410711");

    @Parameter
    String db;

    @TempDir
    static Path data;

    private static PlatformServer server;
    private static MutableClock clock;
    private static Api api;

    @BeforeParameterizedClassInvocation
    static void start(String db) throws Exception {
        clock = new MutableClock(Instant.parse("2026-11-01T02:00:00Z"));
        // H2 with a data directory keeps report files on disk; PostgreSQL without one keeps them in the table.
        Path dir = TestDatabases.H2.equals(db) ? Files.createDirectories(data.resolve("h2")) : null;
        server = Platforms.start(db, dir, clock);
        api = new Api(server.port());
        try (CaseHistoryImport history = server.historyImport()) {
            for (int i = 0; i < 90; i++) {
                history.add(october(i));
            }
        }
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        server.stop();
    }

    /** Case i: department D0(1 + i % 9), district i % 4, reported on day 1 + i / 3; D09's cases stay in handling. */
    private static CaseHistoryImport.HistoricCase october(int i) {
        String dept = "D0" + (1 + i % 9);
        boolean slow = dept.equals("D09");
        Instant t = OCT.plus(Duration.ofDays(i / 3)).plus(Duration.ofHours(1 + i % 3));
        List<CaseHistoryImport.Step> steps = new ArrayList<>();
        steps.add(step("report", null, "reported", "inspector", t, null));
        steps.add(step("accept", "reported", "accepted", "operator", t.plusSeconds(600), null));
        steps.add(step("file", "accepted", "filed", "shift_leader", t.plusSeconds(1200), null));
        steps.add(step("dispatch", "filed", "dispatched", "dispatcher", t.plusSeconds(1800), dept));
        steps.add(step("start", "dispatched", "handling", "department", t.plusSeconds(2400), null));
        if (!slow) {
            steps.add(step("feedback", "handling", "feedback", "department", t.plusSeconds(7200), null));
            steps.add(step("send_check", "feedback", "checking", "operator", t.plusSeconds(7800), null));
            steps.add(step("check_ok", "checking", "checked", "inspector", t.plusSeconds(9000), null));
            steps.add(step("close", "checked", "closed", "shift_leader", t.plusSeconds(9600), null));
        }
        CaseHistoryImport.Ledger ledger = i % 10 == 8
                ? new CaseHistoryImport.Ledger(t.plusSeconds(86_400), i < 60 ? Instant.parse("2026-10-25T01:30:00Z") : null, "月联席会议交办")
                : null;
        String district = DISTRICTS.get(i % 4);
        return new CaseHistoryImport.HistoricCase(1000 + i, String.format("XX2026%06d", i), "inspector", "event", "06",
                "06010", 113.9 + i * 0.001, 35.3, district, null, null, district + "001001", null, "暴露垃圾 " + i, "normal",
                null, null, steps, ledger);
    }

    private static CaseHistoryImport.Step step(String action, String from, String to, String role, Instant at, String dept) {
        return new CaseHistoryImport.Step(action, from, to, role, role, at, dept == null ? null : "派遣至" + dept, dept, null);
    }

    @Test
    void aMonthlyReportIsGeneratedOverHttpAndBothFilesDownload() throws Exception {
        String leader = api.login("leader");
        Api.Resp made = api.post("/api/v1/reports", leader, Map.of("kind", "monthly", "period", "2026-10"), null);
        assertThat(made.status()).as(made.text()).isEqualTo(201);
        JsonNode info = made.body();
        assertThat(info.get("title").asText()).isEqualTo("2026年10月城市运行管理服务月度考核通报");
        assertThat(info.get("generatedBy").asText()).isEqualTo("leader");

        String dispatcher = api.login("dispatcher");
        Api.Resp list = api.get("/api/v1/reports?kind=monthly", dispatcher);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().findValuesAsText("period")).contains("2026-10");

        HttpResponse<byte[]> pdf = download(info.get("pdfUrl").asText(), dispatcher);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        String disposition = pdf.headers().firstValue("Content-Disposition").orElseThrow();
        assertThat(disposition).startsWith("attachment; filename=\"report-monthly-2026-10.pdf\"; filename*=UTF-8''");
        assertThat(URLDecoder.decode(disposition.substring(disposition.indexOf("''") + 2), StandardCharsets.UTF_8))
                .isEqualTo("2026年10月城市运行管理服务月度考核通报.pdf");
        assertThat(pdf.body().length).isEqualTo(info.get("pdfBytes").asLong());
        Path out = Files.createDirectories(Path.of("target", "reports-" + db));
        Files.write(out.resolve("monthly-2026-10.pdf"), pdf.body()); // to look at
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("2026年10月城市运行管理服务月度考核通报", "新乡市城市运行管理服务中心",
                    "国网新乡供电公司", "疑难案件台账共9件");
            // Eight departments tie at 100: one rank, no "worst" among them; D09 alone is marked.
            assertThat(text.replaceAll("\\s", "")).contains("等8个单位以100.0分并列第一", "市城市管理综合执法支队位列末位");
        }

        HttpResponse<byte[]> xlsx = download(info.get("xlsxUrl").asText(), dispatcher);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet overview = wb.getSheet("总体情况");
            // 90 reported, filed and dispatched; the 80 cases outside D09 closed: 结案率 80/90.
            assertThat(overview.getRow(4).getCell(1).getNumericCellValue()).isEqualTo(90);
            assertThat(overview.getRow(7).getCell(1).getNumericCellValue()).isEqualTo(80);
            assertThat(overview.getRow(10).getCell(0).getStringCellValue()).isEqualTo("结案率");
            assertThat(overview.getRow(10).getCell(1).getNumericCellValue()).isCloseTo(80.0 / 90, within());
            // Every headline figure is the evaluation summary's for the same month (rates as fractions).
            JsonNode summary = api.get("/api/v1/evaluation/summary?period=month:2026-10", leader).body();
            JsonNode figures = summary.get("figures");
            assertThat(overview.getRow(4 + figures.size() - 1).getCell(0).getStringCellValue())
                    .isEqualTo(figures.get(figures.size() - 1).get("name").asText());
            for (int i = 0; i < figures.size(); i++) {
                JsonNode f = figures.get(i);
                Row x = overview.getRow(4 + i);
                assertThat(x.getCell(0).getStringCellValue()).isEqualTo(f.get("name").asText());
                double scale = x.getCell(0).getStringCellValue().endsWith("率") ? 100 : 1;
                assertThat(x.getCell(1).getNumericCellValue() * scale).as(f.toString())
                        .isCloseTo(f.get("value").asDouble(), within());
            }
            Sheet depts = wb.getSheet("专业部门综合评价排名");
            assertThat(depts.getLastRowNum()).isEqualTo(3 + 9);
            // D09 disposed nothing: 立案数分值 100×10% + 处置率 0 + 按期处置率 0 + (1 − 0)×30% = 40: last, grade D, marked.
            Row last = depts.getRow(12);
            assertThat(last.getCell(0).getNumericCellValue()).isEqualTo(9);
            assertThat(last.getCell(1).getStringCellValue()).isEqualTo("市城市管理综合执法支队");
            assertThat(last.getCell(2).getNumericCellValue()).isEqualTo(10);
            assertThat(last.getCell(3).getNumericCellValue()).isEqualTo(0);
            assertThat(last.getCell(6).getNumericCellValue()).isEqualTo(40.0);
            assertThat(last.getCell(7).getStringCellValue()).isEqualTo("D");
            assertThat(last.getCell(8).getStringCellValue()).isEqualTo("是");
            assertThat(depts.getRow(4).getCell(6).getNumericCellValue()).isEqualTo(100.0);
            Sheet districts = wb.getSheet("城区综合评价排名");
            assertThat(districts.getLastRowNum()).isEqualTo(3 + 4);
            // The rankings are the evaluation's, row for row: ranks, names, figures, composites and grades.
            assertSameAsEvaluation(depts, api.get("/api/v1/evaluation?subject=department&period=month:2026-10", leader),
                    List.of("filed", "disposeRate", "inTimeDisposeRate", "reworkRate"));
            assertSameAsEvaluation(districts, api.get("/api/v1/evaluation?subject=district&period=month:2026-10", leader),
                    List.of("filed", "closeRate", "inTimeCloseRate", "inspectorReportRate"));
            // Districts 410704 and 410711 had two open D09 cases of 22, the other two three of 23: 结案率 20/22 vs
            // 20/23, so composite 10 + 20 + 30×20/22 + 40×20/22 (closed in time, all filed by inspectors) leads;
            // as in the meeting view, the two below the tie at the top are the marked last places.
            assertThat(districts.getRow(4).getCell(6).getNumericCellValue()).isCloseTo(30 + 70 * 20.0 / 22, within());
            assertThat(districts.getRow(5).getCell(0).getNumericCellValue()).isEqualTo(1);
            assertThat(districts.getRow(6).getCell(0).getNumericCellValue()).isEqualTo(3);
            assertThat(districts.getRow(6).getCell(6).getNumericCellValue()).isCloseTo(30 + 70 * 20.0 / 23, within());
            assertThat(List.of(4, 5, 6, 7).stream().map(i -> districts.getRow(i).getCell(8).getStringCellValue()))
                    .containsExactly("", "", "是", "是");
            Sheet trend = wb.getSheet("案件趋势");
            assertThat(trend.getLastRowNum()).isEqualTo(3 + 31);
            assertThat(trend.getRow(4).getCell(1).getNumericCellValue()).isEqualTo(3);
            Sheet ledger = wb.getSheet("疑难案件台账");
            assertThat(ledger.getLastRowNum()).isEqualTo(3 + 9);
            assertThat(ledger.getRow(1).getCell(0).getStringCellValue()).contains("台账共9件", "现场交办6件");
        }
    }

    @Test
    void weeklyAndDailyReportsRankAsTheEvaluationDoesForTheirWeekAndDay() throws Exception {
        String leader = api.login("leader");
        for (List<String> kind : List.of(List.of("weekly", "2026-W41", "week"), List.of("daily", "2026-10-10", "day"))) {
            Api.Resp made = api.post("/api/v1/reports", leader, Map.of("kind", kind.get(0), "period", kind.get(1)), null);
            assertThat(made.status()).as(made.text()).isEqualTo(201);
            HttpResponse<byte[]> xlsx = download(made.body().get("xlsxUrl").asText(), leader);
            String period = kind.get(2) + ":" + kind.get(1);
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
                assertSameAsEvaluation(wb.getSheet("专业部门综合评价排名"),
                        api.get("/api/v1/evaluation?subject=department&period=" + period, leader),
                        List.of("filed", "disposeRate", "inTimeDisposeRate", "reworkRate"));
                assertSameAsEvaluation(wb.getSheet("城区综合评价排名"),
                        api.get("/api/v1/evaluation?subject=district&period=" + period, leader),
                        List.of("filed", "closeRate", "inTimeCloseRate", "inspectorReportRate"));
                // Days 5–11 October hold cases 12..32 (three a day); 10 October cases 27..29.
                assertThat(wb.getSheet("总体情况").getRow(4).getCell(1).getNumericCellValue())
                        .isEqualTo(kind.get(0).equals("weekly") ? 21 : 3);
            }
        }
    }

    /** The sheet's rows equal the evaluation's rows that have a composite, in the evaluation's order. */
    private static void assertSameAsEvaluation(Sheet sheet, Api.Resp evaluation, List<String> columns) {
        assertThat(evaluation.status()).as(evaluation.text()).isEqualTo(200);
        List<JsonNode> rows = new ArrayList<>();
        evaluation.body().get("rows").forEach(r -> {
            if (r.hasNonNull("composite")) {
                rows.add(r);
            }
        });
        List<String> rates = new ArrayList<>();
        evaluation.body().get("indicators").forEach(d -> {
            if (d.hasNonNull("denominator")) {
                rates.add(d.get("id").asText());
            }
        });
        assertThat(rows).isNotEmpty();
        assertThat(sheet.getLastRowNum()).isEqualTo(3 + rows.size());
        int n = columns.size();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode r = rows.get(i);
            Row x = sheet.getRow(4 + i);
            assertThat(x.getCell(0).getNumericCellValue()).as(r.toString()).isEqualTo(r.get("rank").asInt());
            assertThat(x.getCell(1).getStringCellValue()).isEqualTo(r.get("name").asText());
            for (int c = 0; c < n; c++) {
                JsonNode v = r.get("rates").get(columns.get(c));
                Cell cell = x.getCell(2 + c);
                if (v == null) {
                    assertThat(cell.getCellType()).isEqualTo(CellType.BLANK);
                } else {
                    double scale = rates.contains(columns.get(c)) ? 100 : 1;
                    assertThat(cell.getNumericCellValue() * scale).as(columns.get(c)).isCloseTo(v.asDouble(), within());
                }
            }
            assertThat(x.getCell(n + 2).getNumericCellValue()).isCloseTo(r.get("composite").asDouble(), within());
            assertThat(x.getCell(n + 3).getStringCellValue()).isEqualTo(r.get("grade").asText());
        }
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }

    private static HttpResponse<byte[]> download(String path, String token) throws Exception {
        return api.http().send(api.builder(path, token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void badRequestsAre4xxJson() {
        String leader = api.login("leader");
        assertThat(api.post("/api/v1/reports", leader, Map.of("kind", "yearly", "period", "2026"), null).body()
                .get("details").get("reason").asText()).isEqualTo("unknown_value");
        Api.Resp badPeriod = api.post("/api/v1/reports", leader, Map.of("kind", "weekly", "period", "2026-10"), null);
        assertThat(badPeriod.status()).isEqualTo(400);
        assertThat(badPeriod.body().get("details").get("field").asText()).isEqualTo("period");
        Api.Resp future = api.post("/api/v1/reports", leader, Map.of("kind", "daily", "period", "2027-01-01"), null);
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.body().get("details").get("reason").asText()).isEqualTo("in_future");
        assertThat(api.get("/api/v1/reports/424242/pdf", leader).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/reports?kind=yearly", leader).status()).isEqualTo(400);
    }

    private static void moveClockTo(Instant t) {
        clock.advance(Duration.between(clock.instant(), t));
    }

    @Test
    void theSchedulerWritesWhatIsDueOnceAndNothingMoreUntilTheNextPeriodEnds() {
        ReportScheduler scheduler = new ReportScheduler(server.reports(), clock);
        moveClockTo(Instant.parse("2026-11-02T16:40:00Z")); // Tuesday 3 November 00:40 in Asia/Shanghai
        List<String> first = scheduler.runDue().stream().map(p -> p.kind().code() + " " + p.code()).toList();
        assertThat(first).contains("daily 2026-11-02", "weekly 2026-W44");
        assertThat(scheduler.runDue()).isEmpty();
        moveClockTo(Instant.parse("2026-11-03T16:10:00Z")); // Wednesday 00:10: only the new day is due
        assertThat(scheduler.runDue()).extracting(p -> p.kind().code() + " " + p.code()).containsExactly("daily 2026-11-03");
    }
}
