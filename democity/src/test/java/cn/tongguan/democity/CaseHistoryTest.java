package cn.tongguan.democity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.tongguan.api.Json;
import cn.tongguan.democity.load.DemoCityLoader;
import cn.tongguan.platform.PlatformConfig;
import cn.tongguan.platform.PlatformServer;
import cn.tongguan.platform.cases.CaseHistoryImport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two full years of cases at the seed's scale, checked against the seed's figures. */
class CaseHistoryTest {
    static final Instant END = Instant.parse("2026-11-24T16:00:00Z");
    static final LocalDate FIRST = LocalDate.of(2024, 11, 25);
    /** Plain clock hours and days: the real working calendar is the platform's (checked end to end). */
    static final DeadlineCalendar CLOCK = (start, amount, unit) -> start.plus(
            unit.endsWith("day") ? Duration.ofDays(amount) : Duration.ofHours(amount));

    private static final List<HistoricCase> cases = new ArrayList<>();
    private static DemoCity city;

    @BeforeAll
    static void generate() {
        city = new DemoCityGenerator().generate(20210721L, 100_000, DemoCityGenerator.DEFAULT_CAMERA_URL);
        new CaseHistoryGenerator(city, CodeTables.load().categories(), CLOCK, FIRST, END, CaseHistoryGenerator.CASES, 20210721L)
                .generate(cases::add);
    }

    @Test
    void aboutNineHundredTenThousandCasesInReportOrder() {
        assertThat(cases).hasSize(CaseHistoryGenerator.CASES);
        for (int i = 1; i < cases.size(); i++) {
            assertThat(cases.get(i).reportedAt()).isAfterOrEqualTo(cases.get(i - 1).reportedAt());
        }
        assertThat(cases.stream().map(HistoricCase::caseNo).distinct().count()).isEqualTo(cases.size());
    }

    @Test
    void hotlineCountsMatchTheSeed() {
        Map<String, Long> bySource = cases.stream().collect(Collectors.groupingBy(HistoricCase::source, Collectors.counting()));
        assertThat(bySource.get("hotline_12319")).isCloseTo(18_803L, within(600L));
        assertThat(bySource.get("hotline_12345")).isCloseTo(22_951L, within(600L));
        assertThat(bySource.get("inspector")).isGreaterThan(bySource.get("video_ai"));
    }

    @Test
    void disposalAndClosureRatesWithinTwoTenthsOfAPointOfTheSeed() {
        long dispatched = cases.stream().filter(c -> c.at("dispatch") != null).count();
        long disposed = cases.stream().filter(c -> c.at("dispatch") != null && c.disposedAt() != null).count();
        long shouldClose = cases.stream().filter(c -> c.at("file") != null && !"void".equals(c.state())).count();
        long closed = cases.stream().filter(c -> c.at("file") != null && "closed".equals(c.state())).count();
        assertThat(100.0 * disposed / dispatched).isCloseTo(96.9, within(0.2));
        assertThat(100.0 * closed / shouldClose).isCloseTo(96.93, within(0.2));
    }

    /**
     * The same two years, one case in ten (every tenth in report order, so each day of both years is in), imported
     * into a real platform (embedded H2 file) and read back through the evaluation API over HTTP: the seed's 处置率
     * and 结案率, and exactly the counts of the imported cases. The whole 910,000 go through the same import and
     * evaluation in the demo city's benchmarks (democity/bench.sh, EvaluationBench; docs/benchmarks.md): here they
     * cost five minutes of every CI run and checked nothing a tenth does not.
     */
    @Test
    void theEvaluationApiGivesTheSeedRatesOverTheTwoYears() throws Exception {
        List<HistoricCase> sample = new ArrayList<>();
        for (int i = 0; i < cases.size(); i += 10) {
            sample.add(cases.get(i));
        }
        Path dir = Files.createTempDirectory("democity-eval");
        PlatformServer platform = new PlatformServer(new PlatformConfig("127.0.0.1", 0, null, null, null, dir, null,
                10L << 20, 1L << 20, true, null), cn.tongguan.api.testing.TestClocks.startingAt(END));
        platform.start();
        try {
            try (CaseHistoryImport history = platform.historyImport()) {
                sample.forEach(c -> history.add(DemoCityLoader.toImport(c, END)));
            }
            ObjectMapper json = Json.newMapper();
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + platform.port();
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"leader\",\"password\":\"tongguan\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            String token = json.readTree(login.body()).get("token").asText();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base
                    + "/api/v1/evaluation/summary?from=" + FIRST + "&to=2026-11-24")).header("Authorization", "Bearer " + token)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            Map<String, Double> figures = new java.util.HashMap<>();
            for (JsonNode f : json.readTree(r.body()).get("figures")) {
                figures.put(f.get("id").asText(), f.get("value").asDouble());
            }
            long dispatched = sample.stream().filter(c -> c.at("dispatch") != null).count();
            long disposed = sample.stream().filter(c -> c.at("dispatch") != null && c.disposedAt() != null).count();
            long shouldClose = sample.stream().filter(c -> c.at("file") != null && !"void".equals(c.state())).count();
            long closed = sample.stream().filter(c -> c.at("file") != null && "closed".equals(c.state())).count();
            assertThat(figures.get("reported")).isEqualTo((double) sample.size());
            assertThat(figures.get("dispatched")).isEqualTo((double) dispatched);
            assertThat(figures.get("closed")).isEqualTo((double) closed);
            // The platform counts a disposal only while the last 处置反馈 stands (a failed check reopens it); the
            // generator's own flag differs on a handful of the 870,000 dispatched cases (7 × 10⁻⁴ points over all of them).
            assertThat(figures.get("disposeRate")).isCloseTo(100.0 * disposed / dispatched, within(0.01));
            assertThat(figures.get("closeRate")).isCloseTo(100.0 * closed / shouldClose, within(0.01));
            assertThat(figures.get("disposeRate")).isCloseTo(96.9, within(0.2));
            assertThat(figures.get("closeRate")).isCloseTo(96.93, within(0.2));
        } finally {
            platform.stop();
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void everyTimelineIsAChainOfStatesInTime() {
        for (HistoricCase c : cases) {
            List<CaseStep> steps = c.steps();
            assertThat(steps.get(0).fromState()).isNull();
            for (int i = 1; i < steps.size(); i++) {
                assertThat(steps.get(i).fromState()).isEqualTo(steps.get(i - 1).toState());
                assertThat(steps.get(i).at()).isAfterOrEqualTo(steps.get(i - 1).at());
            }
            assertThat(c.updatedAt()).isBeforeOrEqualTo(END);
        }
    }

    @Test
    void recentCasesAreStillOpenAndOldOnesMostlyClosed() {
        List<HistoricCase> recent = cases.stream().filter(c -> c.reportedAt().isAfter(END.minus(Duration.ofHours(2)))).toList();
        Set<String> ended = Set.of("closed", "cancelled", "void");
        assertThat(recent).hasSizeGreaterThan(20);
        assertThat(recent.stream().filter(c -> !ended.contains(c.state())).count()).isGreaterThan(recent.size() * 8L / 10);
        List<HistoricCase> old = cases.stream().filter(c -> c.reportedAt().isBefore(END.minus(Duration.ofDays(60)))).toList();
        assertThat(old.stream().filter(c -> ended.contains(c.state())).count()).isGreaterThan(old.size() * 95L / 100);
        assertThat(cases.stream().filter(c -> "suspended".equals(c.state())).count()).isGreaterThan(1_000);
    }

    @Test
    void difficultCaseLedgerAsInTheSeed() {
        assertThat(cases.stream().filter(HistoricCase::difficult)).hasSize(CaseHistoryGenerator.DIFFICULT);
        assertThat(cases.stream().filter(HistoricCase::meetingAssigned)).hasSize(CaseHistoryGenerator.DIFFICULT_ASSIGNED);
        assertThat(cases.stream().filter(HistoricCase::difficult)).allMatch(c -> "suspended".equals(c.state()));
    }

    @Test
    void partCasesPointAtARealPartOfTheirClass() {
        Map<String, Part> parts = city.parts().stream().collect(Collectors.toMap(Part::code, p -> p));
        cases.stream().filter(c -> "part".equals(c.kind())).limit(20_000).forEach(c -> {
            Part p = parts.get(c.partCode());
            assertThat(p).isNotNull();
            assertThat(p.gridCode()).isEqualTo(c.gridCode());
        });
    }
}
