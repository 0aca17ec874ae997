package cn.tongguan.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.tongguan.api.Auth;
import cn.tongguan.api.Cases;
import cn.tongguan.api.Json;
import cn.tongguan.api.Stats;
import cn.tongguan.democity.CaseHistoryGenerator;
import cn.tongguan.democity.CaseStep;
import cn.tongguan.democity.CodeTables;
import cn.tongguan.democity.DemoCity;
import cn.tongguan.democity.DemoCityGenerator;
import cn.tongguan.democity.HistoricCase;
import cn.tongguan.democity.load.DemoCityLoader;
import cn.tongguan.democity.sim.LiveSimulator;
import cn.tongguan.democity.sim.Weather;
import cn.tongguan.platform.PlatformConfig;
import cn.tongguan.platform.PlatformServer;
import cn.tongguan.platform.auth.Role;
import cn.tongguan.platform.workflow.Workflow;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;

/**
 * The demo city loaded into a real platform (embedded H2) through the platform's storage, read back over
 * HTTP, and then driven by the live simulator through the public API.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoCityOnPlatformTest {
    private static final int CASES = 40_000;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = Json.newMapper();
    private static PlatformServer platform;
    private static DemoCity city;
    private static LocalDate first;
    private static Instant end;
    private static DemoCityLoader.Report report;
    private static final java.time.Clock CLOCK = cn.tongguan.api.testing.TestClocks.suite();

    @BeforeAll
    static void load() {
        platform = new PlatformServer(new PlatformConfig("127.0.0.1", 0), CLOCK);
        platform.start();
        city = new DemoCityGenerator().generate(20210721L, 40_000, DemoCityGenerator.DEFAULT_CAMERA_URL);
        end = CLOCK.instant();
        first = LocalDate.ofInstant(end, ZoneId.of("Asia/Shanghai")).minusDays(730);
        report = new DemoCityLoader(platform).load(city, CodeTables.load(), first, end, CASES);
    }

    @AfterAll
    static void stop() {
        platform.stop();
    }

    private static String token(String user) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(new Auth.LoginRequest(user, "tongguan"))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readValue(r.body(), Auth.LoginResponse.class).token();
    }

    private static <T> T get(String path, String token, Class<T> type) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + " → " + r.body()).isEqualTo(200);
        return JSON.readValue(r.body(), type);
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + platform.port() + path);
    }

    @Test
    void everythingGeneratedIsStored() {
        assertThat(report.parts()).isEqualTo(40_000);
        assertThat(report.grids()).isEqualTo(city.grids().size());
        assertThat(report.cases()).isEqualTo(CASES);
    }

    /** Issue 15: the loaded city's geography is served, named like Xinxiang, and its cases are at street addresses. */
    @Test
    void theLoadedCityServesItsNamedRoadsDivisionsAndParts() throws Exception {
        String wall = token("wall");
        com.fasterxml.jackson.databind.JsonNode roads = get("/api/v1/geo/lines?kind=road", wall,
                com.fasterxml.jackson.databind.JsonNode.class).get("features");
        List<String> names = new ArrayList<>();
        roads.forEach(f -> names.add(f.get("properties").get("name").asText()));
        assertThat(names).contains("平原路", "人民路", "胜利路", "金穗大道").anyMatch(n -> n.endsWith("支路"));
        assertThat(get("/api/v1/geo/lines?kind=water", wall, com.fasterxml.jackson.databind.JsonNode.class).get("features"))
                .anyMatch(f -> f.get("properties").get("name").asText().equals("卫河"));
        assertThat(get("/api/v1/geo/lines?kind=rail", wall, com.fasterxml.jackson.databind.JsonNode.class).get("features"))
                .anyMatch(f -> f.get("properties").get("name").asText().equals("京广铁路"));
        assertThat(get("/api/v1/geo/divisions?level=community&zoom=12", wall, com.fasterxml.jackson.databind.JsonNode.class)
                .get("features")).hasSize(276);
        HttpResponse<String> parts = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/geo/parts?limit=1"))
                .header("Authorization", "Bearer " + wall).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(parts.body().split("\n")[0]).get("total").asLong()).isEqualTo(40_000);
        // the imported history is at road + door number (live-simulated reports may come without an address)
        Cases.CasePage page = get("/api/v1/cases?limit=50", token("leader"), Cases.CasePage.class);
        assertThat(page.items()).anyMatch(c -> c.address() != null && c.address().matches(".+(路|大道)\\d+号"))
                .noneMatch(c -> c.address() != null && c.address().matches(".*\\d+\\.\\d+.*"));
    }

    @Test
    void platformStatisticsShowTheSeedsRates() throws Exception {
        Stats.Report stats = get("/api/v1/stats?groupBy=district&from=" + first.minusDays(1) + "T00:00:00Z&to="
                + end.plusSeconds(60), token("leader"), Stats.Report.class);
        long dispatched = stats.rows().stream().mapToLong(Stats.Row::dispatched).sum();
        long disposed = stats.rows().stream().mapToLong(Stats.Row::disposed).sum();
        long shouldClose = stats.rows().stream().mapToLong(Stats.Row::shouldClose).sum();
        long closed = stats.rows().stream().mapToLong(Stats.Row::closed).sum();
        assertThat(stats.rows()).extracting(Stats.Row::key).containsExactlyInAnyOrder("410702", "410703", "410704", "410711");
        assertThat(100.0 * disposed / dispatched).isCloseTo(96.9, within(0.2));
        assertThat(100.0 * closed / shouldClose).isCloseTo(96.93, within(0.2));
    }

    @Test
    void theDifficultCaseLedgerIsStoredAndServed() throws Exception {
        Cases.DifficultCase[] ledger = get("/api/v1/cases/difficult", token("leader"), Cases.DifficultCase[].class);
        assertThat(report.difficult()).isPositive();
        assertThat(ledger).hasSize((int) report.difficult());
        for (Cases.DifficultCase d : ledger) {
            assertThat(d.item().state()).isEqualTo("suspended");
            if (d.assignedAt() != null) {
                assertThat(d.assignedAt()).isAfter(d.listedAt());
            }
        }
        assertThat(ledger).anyMatch(d -> d.assignedAt() != null);
    }

    @Test
    void everyGeneratedStepIsALegalTransitionForItsRole() {
        List<HistoricCase> cases = new ArrayList<>();
        new CaseHistoryGenerator(city, CodeTables.load().categories(), (s, a, u) -> s.plus(Duration.ofHours(a)), first,
                end, 5_000, 1L).generate(cases::add);
        for (HistoricCase c : cases) {
            for (CaseStep step : c.steps().subList(1, c.steps().size())) {
                Workflow.Rule rule = Workflow.rule(step.action());
                assertThat(rule).as(step.action()).isNotNull();
                assertThat(rule.from()).as(c.caseNo() + " " + step.action()).contains(step.fromState());
                assertThat(rule.to()).isEqualTo(step.toState());
                assertThat(rule.roles()).contains(Role.of(step.role()));
            }
        }
    }

    @Test
    @Order(Integer.MAX_VALUE) // it changes the city: after the tests that read the loaded history
    void simulatorMovesCasesThroughTheWorkflowOverHttp() throws Exception {
        LiveSimulator simulator = new LiveSimulator(URI.create("http://127.0.0.1:" + platform.port()), "admin", "tongguan",
                3_600, Weather.RAINSTORM, 7, CLOCK);
        for (int i = 0; i < 6; i++) {
            simulator.tick(Duration.ofSeconds(1));
            Thread.sleep(200);
        }
        assertThat(simulator.actions()).isGreaterThan(50);
        String token = token("operator");
        Cases.CasePage page = get("/api/v1/cases?sort=-updatedAt&limit=200", token, Cases.CasePage.class);
        long bySimulator = 0;
        for (Cases.Case c : page.items().subList(0, 20)) {
            Cases.CaseDetail detail = get("/api/v1/cases/" + c.id(), token, Cases.CaseDetail.class);
            bySimulator += detail.timeline().stream().filter(t -> t.actor().startsWith("sim-")).count();
        }
        assertThat(bySimulator).isGreaterThan(0);
    }
}
