package cn.tongguan.platform.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.tongguan.platform.support.Api;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The evaluation over real HTTP on the Tianmen fixture ({@link TianmenFixture}); every expected figure below was
 * worked out by hand from the fixture's groups (the arithmetic is in the comments).
 */
@ParameterizedClass(name = "{0}")
@MethodSource("cn.tongguan.platform.support.TestDatabases#all")
class EvaluationTest {
    private static final double EPS = 0.005;

    @Parameter
    String db;

    private static TianmenPlatform tianmen;
    private static Api api;
    private static String leader;

    @BeforeParameterizedClassInvocation
    static void start(String db) {
        tianmen = TianmenPlatform.start(db, List.of());
        api = tianmen.api();
        leader = tianmen.leader();
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        tianmen.close();
    }

    private static JsonNode ok(String path) {
        return tianmen.ok(path);
    }

    private static JsonNode row(JsonNode report, String key) {
        return TianmenPlatform.row(report, key);
    }

    private static Map<String, Double> figures(JsonNode summary, String field) {
        Map<String, Double> out = new java.util.HashMap<>();
        summary.get("figures").forEach(f -> out.put(f.get("id").asText(), f.has(field) ? f.get(field).asDouble() : null));
        return out;
    }

    @Test
    void theTianmenMonthAsInDomainNotes() {
        JsonNode s = ok("/api/v1/evaluation/summary?period=month:2026-10");
        Map<String, Double> f = figures(s, "value");
        assertThat(f.get("reported")).isEqualTo(1054.0);
        assertThat(f.get("filed")).isEqualTo(996.0);
        assertThat(f.get("closed")).isEqualTo(911.0);
        assertThat(f.get("closeRate")).isCloseTo(93.72, within(EPS));        // 911 / 972
        assertThat(f.get("inTimeCloseRate")).isCloseTo(75.82, within(EPS));  // 737 / 972
        assertThat(f.get("disposeRate")).isCloseTo(94.75, within(EPS));      // (911 + 10 waiting for check) / 972 dispatched
        assertThat(f.get("inTimeDisposeRate")).isCloseTo(76.85, within(EPS)); // (737 + 10) / 972
        assertThat(f.get("reworkRate")).isCloseTo(3.09, within(EPS));        // 30 / 972
        assertThat(f.get("overdueRate")).isCloseTo(5.25, within(EPS));       // 51 handling past the deadline / 972
        // September has no cases: counts are zero, rates absent; so is October 2025.
        assertThat(figures(s, "previous").get("reported")).isEqualTo(0.0);
        assertThat(figures(s, "previous").get("closeRate")).isNull();
        assertThat(figures(s, "lastYear").get("reported")).isEqualTo(0.0);
        assertThat(s.get("previous").get("label").asText()).isEqualTo("month:2026-09");
        assertThat(s.get("lastYear").get("label").asText()).isEqualTo("month:2025-10");
        assertThat(s.get("trend")).hasSize(31);
        long received = 0;
        for (JsonNode d : s.get("trend")) {
            received += d.get("received").asLong();
        }
        assertThat(received).isEqualTo(1054);
        assertThat(s.get("trend").get(11).get("date").asText()).isEqualTo("2026-10-12");
        assertThat(s.get("trend").get(11).get("received").asLong()).isEqualTo(58);   // ids ≡ 0 (mod 18): 1054 / 18 → 58
        assertThat(s.get("topClasses").get(0).get("count").asLong()).isEqualTo(1054);
        assertThat(s.get("hotGrids").get(0).get("key").asText()).isEqualTo("410702001001001");
    }

    @Test
    void departmentsRankedByCompositeWithGrades() {
        JsonNode r = ok("/api/v1/evaluation?subject=department&period=month:2026-10");
        assertThat(r.get("rows")).hasSize(2);
        JsonNode d02 = row(r, "D02");
        // D02: 100 dispatched, 90 disposed and closed (80 in time), 10 reworked; 立案 100 → score 90.
        // 10×90 + 30×90 + 30×80 + 30×(100 − 10) = 8,700 → 87.00, B, first.
        assertThat(d02.get("rates").get("disposeRate").asDouble()).isCloseTo(90.0, within(EPS));
        assertThat(d02.get("rates").get("reworkRate").asDouble()).isCloseTo(10.0, within(EPS));
        assertThat(d02.get("composite").asDouble()).isCloseTo(87.0, within(EPS));
        assertThat(d02.get("grade").asText()).isEqualTo("B");
        assertThat(d02.get("rank").asInt()).isEqualTo(1);
        assertThat(d02.get("name").asText()).isEqualTo("市市政工程管理处");
        JsonNode d01 = row(r, "D01");
        // D01: 872 dispatched; disposed 657 + 164 + 10 = 831; in time 657 + 10 = 667; closed 821 (657 in time);
        // reworked 20; 51 − 10 = 41 overdue open. 立案 872 → score 40.
        assertThat(d01.get("counts").get("dispatch").asLong()).isEqualTo(872);
        assertThat(d01.get("rates").get("disposeRate").asDouble()).isCloseTo(95.30, within(EPS));      // 831 / 872
        assertThat(d01.get("rates").get("inTimeDisposeRate").asDouble()).isCloseTo(76.49, within(EPS)); // 667 / 872
        assertThat(d01.get("rates").get("closeRate").asDouble()).isCloseTo(94.15, within(EPS));         // 821 / 872
        assertThat(d01.get("rates").get("inTimeCloseRate").asDouble()).isCloseTo(75.34, within(EPS));   // 657 / 872
        assertThat(d01.get("rates").get("reworkRate").asDouble()).isCloseTo(2.29, within(EPS));         // 20 / 872
        assertThat(d01.get("rates").get("overdueRate").asDouble()).isCloseTo(4.70, within(EPS));        // 41 / 872
        // (10×40 + 30×95.298 + 30×76.491 + 30×97.706) / 100 = 84.85
        assertThat(d01.get("composite").asDouble()).isCloseTo(84.85, within(EPS));
        assertThat(d01.get("grade").asText()).isEqualTo("B");
        assertThat(d01.get("rank").asInt()).isEqualTo(2);
    }

    @Test
    void districtStreetAndCommunity() {
        for (String[] s : new String[][] {{"district", "410702"}, {"street", "410702001"}, {"community", "410702001001"}}) {
            JsonNode row = row(ok("/api/v1/evaluation?subject=" + s[0] + "&period=month:2026-10"), s[1]);
            assertThat(row.get("rates").get("filed").asDouble()).isEqualTo(996.0);
            assertThat(row.get("rates").get("inspectorReportRate").asDouble()).isCloseTo(93.37, within(EPS)); // 930 / 996
            // (10×93.373 + 20×90 (立案 996 ≤ 1,000 scores 90) + 30×93.724 + 40×75.823) / 100 = 85.78
            assertThat(row.get("composite").asDouble()).isCloseTo(85.78, within(EPS));
            assertThat(row.get("grade").asText()).isEqualTo("B");
        }
    }

    @Test
    void rolesByUser() {
        JsonNode insp = row(ok("/api/v1/evaluation?subject=inspector&period=month:2026-10"), "insp1");
        // 988 reports by insp1 (66 came from 12345), 30 of them cancelled → 958 valid; checks 941, in time 757.
        assertThat(insp.get("rates").get("validReportRate").asDouble()).isCloseTo(96.96, within(EPS));
        assertThat(insp.get("rates").get("checkInTimeRate").asDouble()).isCloseTo(80.45, within(EPS));
        assertThat(insp.get("rates").has("verifyInTimeRate")).isFalse(); // no verifications: left out, weights rescaled
        assertThat(insp.get("composite").asDouble()).isCloseTo(91.46, within(EPS)); // (40×96.964 + 20×80.446) / 60
        assertThat(insp.get("grade").asText()).isEqualTo("A");
        JsonNode op = row(ok("/api/v1/evaluation?subject=operator&period=month:2026-10"), "op1");
        assertThat(op.get("rates").get("operatorAccepted").asDouble()).isEqualTo(1054.0);
        assertThat(op.get("composite").asDouble()).isCloseTo(89.58, within(EPS)); // (25×75 + 35×100) / 60
        JsonNode sl = row(ok("/api/v1/evaluation?subject=shift_leader&period=month:2026-10"), "shift_leader");
        assertThat(sl.get("rates").get("fileAccurateRate").asDouble()).isCloseTo(97.59, within(EPS)); // 972 / 996
        assertThat(sl.get("composite").asDouble()).isCloseTo(99.04, within(EPS));
        assertThat(sl.get("grade").asText()).isEqualTo("A");
        JsonNode disp = row(ok("/api/v1/evaluation?subject=dispatcher&period=month:2026-10"), "disp1");
        assertThat(disp.get("rates").get("dispatchInTimeRate").asDouble()).isEqualTo(0.0); // 50 min after 立案 > 30
        assertThat(disp.get("rates").get("dispatchAccurateRate").asDouble()).isCloseTo(96.91, within(EPS)); // 942 / 972
        assertThat(disp.get("composite").asDouble()).isCloseTo(53.77, within(EPS)); // (20×75 + 40×0 + 40×96.914) / 100
        assertThat(disp.get("grade").asText()).isEqualTo("D");
    }

    private static Set<String> traceAll(String query, long expectTotal) {
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = ok("/api/v1/evaluation/cases?period=month:2026-10&limit=300&" + query
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            assertThat(page.get("total").asLong()).isEqualTo(expectTotal);
            page.get("items").forEach(i -> seen.add(i.get("caseId").asText() + "/" + (i.has("seq") ? i.get("seq").asText() : "")));
            cursor = page.has("nextCursor") ? page.get("nextCursor").asText() : null;
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo((int) ((expectTotal + 299) / 300));
        return seen;
    }

    @Test
    void theCasesBehindAFigureAreAsManyAsTheFigure() {
        JsonNode d01 = row(ok("/api/v1/evaluation?subject=department&period=month:2026-10"), "D01");
        assertThat(traceAll("indicator=closeRate&subject=department:D01", d01.get("counts").get("archive").asLong())).hasSize(821);
        assertThat(traceAll("indicator=closeRate&part=denominator", 972)).hasSize(972);
        // Per-step: the 757 checks insp1 did in time (20 reworked cases are checked twice, both in time).
        Set<String> steps = traceAll("indicator=checkInTimeRate&subject=inspector:insp1", 757);
        assertThat(steps).hasSize(757);
        assertThat(steps.stream().map(s -> s.substring(0, s.indexOf('/'))).distinct().count()).isEqualTo(737);
        JsonNode one = ok("/api/v1/evaluation/cases?period=month:2026-10&indicator=overdueRate&subject=department:D02&limit=5");
        assertThat(one.get("total").asLong()).isEqualTo(10);
        assertThat(one.get("items").get(0).get("state").asText()).isEqualTo("handling");
        assertThat(one.get("items").get(0).has("reporterName")).isFalse();
    }

    @Test
    void periodsAndComparisons() {
        JsonNode w = ok("/api/v1/evaluation/summary?period=week:2026-W43");
        assertThat(w.get("period").get("from").asText()).isEqualTo("2026-10-18T16:00:00Z"); // Monday 19 Oct, Shanghai
        assertThat(w.get("previous").get("label").asText()).isEqualTo("week:2026-W42");
        assertThat(w.get("lastYear").get("label").asText()).isEqualTo("week:2025-W43");
        assertThat(w.get("trend")).hasSize(7);
        JsonNode q = ok("/api/v1/evaluation/summary?period=quarter:2026-Q4");
        assertThat(figures(q, "value").get("reported")).isEqualTo(1054.0);
        assertThat(q.get("previous").get("label").asText()).isEqualTo("quarter:2026-Q3");
        JsonNode custom = ok("/api/v1/evaluation/summary?from=2026-10-12&to=2026-10-12");
        assertThat(figures(custom, "value").get("reported")).isEqualTo(58.0);
        assertThat(custom.get("previous").get("label").asText()).isEqualTo("2026-10-11..2026-10-11");
        JsonNode day = ok("/api/v1/evaluation?subject=department&period=day:2026-10-12");
        long dispatched = 0;
        for (JsonNode r : day.get("rows")) {
            dispatched += r.get("counts").get("dispatch").asLong();
        }
        assertThat(dispatched).isBetween(1L, 58L);
    }

    @Test
    void anAdministratorReweighsWithoutCode() {
        String admin = api.login("admin");
        Api.Resp put = put("/api/v1/evaluation/settings", admin, "{\"weights\":{\"department\":{\"filed\":0}},"
                + "\"grades\":[{\"grade\":\"优\",\"min\":95},{\"grade\":\"良\",\"min\":85},{\"grade\":\"差\",\"min\":0}]}");
        assertThat(put.status()).as(put.text()).isEqualTo(200);
        try {
            JsonNode d01 = row(ok("/api/v1/evaluation?subject=department&period=month:2026-10"), "D01");
            // (30×95.298 + 30×76.491 + 30×97.706) / 90 = 89.83
            assertThat(d01.get("composite").asDouble()).isCloseTo(89.83, within(EPS));
            assertThat(d01.get("grade").asText()).isEqualTo("良");
            assertThat(put.body().get("overrides").get("weights").get("department").get("filed").asDouble()).isZero();
            assertThat(put("/api/v1/evaluation/settings", admin, "{\"weights\":{\"department\":{\"nope\":1}}}").status())
                    .isEqualTo(400);
            assertThat(put("/api/v1/evaluation/settings", admin, "{\"grades\":[{\"grade\":\"A\",\"min\":50}]}").status())
                    .isEqualTo(400);
            assertThat(put("/api/v1/evaluation/settings", leader, "{}").status()).isEqualTo(403);
        } finally {
            assertThat(put("/api/v1/evaluation/settings", admin, "{}").status()).isEqualTo(200);
        }
        assertThat(row(ok("/api/v1/evaluation?subject=department&period=month:2026-10"), "D01").get("grade").asText())
                .isEqualTo("B");
    }

    private static Api.Resp put(String path, String token, String json) {
        return api.send(api.builder(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    @Test
    void badInputIsA400WithCode() {
        for (String q : List.of("/api/v1/evaluation?subject=department&period=month:2026-13",
                "/api/v1/evaluation?subject=department&period=week:2026-W60",
                "/api/v1/evaluation?subject=department&period=year:2026",
                "/api/v1/evaluation?subject=planet&period=month:2026-10",
                "/api/v1/evaluation?subject=department",
                "/api/v1/evaluation?subject=department&from=2026-10-05&to=2026-10-01",
                "/api/v1/evaluation?subject=department&from=2026-10-05",
                "/api/v1/evaluation/cases?period=month:2026-10&indicator=nope",
                "/api/v1/evaluation/cases?period=month:2026-10&indicator=filed&part=denominator",
                "/api/v1/evaluation/cases?period=month:2026-10&indicator=closeRate&part=half",
                "/api/v1/evaluation/cases?period=month:2026-10&indicator=closeRate&cursor=%21%21",
                "/api/v1/evaluation/cases?period=month:2026-10&indicator=closeRate&subject=department",
                "/api/v1/evaluation/cases?period=month:2026-10&indicator=closeRate&limit=0")) {
            Api.Resp r = api.get(q, leader);
            assertThat(r.status()).as(q).isEqualTo(400);
            assertThat(r.body().get("code").asText()).as(q).isIn("invalid_parameter", "invalid_field");
        }
        Api.Resp r = api.get("/api/v1/evaluation/cases?period=month:2026-10&indicator=closeRate&subject=inspector:insp1", leader);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("code").asText()).isEqualTo("not_for_subject");
        assertThat(api.get("/api/v1/evaluation/summary?period=month:2026-10", api.login("department")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/evaluation/summary?period=month:2026-10", api.login("wall")).status()).isEqualTo(200);
        // The wall sees per-user rows by account, without the person's name; the leader sees the name.
        String wall = api.login("wall");
        JsonNode wallRow = api.get("/api/v1/evaluation?subject=shift_leader&period=month:2026-10", wall).body().get("rows").get(0);
        assertThat(wallRow.get("key").asText()).isEqualTo("shift_leader");
        assertThat(wallRow.has("name")).isFalse();
        assertThat(row(ok("/api/v1/evaluation?subject=shift_leader&period=month:2026-10"), "shift_leader").get("name").asText())
                .isEqualTo("值班长");
    }
}
