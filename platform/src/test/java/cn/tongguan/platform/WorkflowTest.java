package cn.tongguan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.platform.support.Api;
import cn.tongguan.api.testing.MutableClock;
import cn.tongguan.platform.support.Platforms;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The case workflow over real HTTP, on H2 and PostgreSQL: happy path, branches, roles, clock, statistics. */
@ParameterizedClass(name = "{0}")
@MethodSource("cn.tongguan.platform.support.TestDatabases#all")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkflowTest {
    @Parameter
    String db;

    // Tuesday 2026-11-24 10:00 Asia/Shanghai: inside working hours.
    private static MutableClock clock;
    private static PlatformServer server;
    private static Api api;

    /** One platform per database (not per test): a fresh database and clock for each invocation. */
    @BeforeParameterizedClassInvocation
    static void start(String db) {
        clock = new MutableClock(Instant.parse("2026-11-24T02:00:00Z"));
        server = Platforms.start(db, null, clock);
        api = new Api(server.port());
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private JsonNode report() {
        Api.Resp r = api.post("/api/v1/cases", api.login("inspector"), Api.newCase(), null);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body();
    }

    private Api.Resp move(String role, JsonNode c, String action, Map<String, Object> extra) {
        Map<String, Object> body = Api.move(action, c.get("version").asLong());
        body.putAll(extra);
        return api.post("/api/v1/cases/" + c.get("id").asLong() + "/transitions", api.login(role), body, null);
    }

    private JsonNode ok(Api.Resp r) {
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.body();
    }

    private JsonNode toHandling(JsonNode c) {
        c = ok(move("operator", c, "accept", Map.of()));
        c = ok(move("shift_leader", c, "file", Map.of()));
        c = ok(move("dispatcher", c, "dispatch", Map.of("departmentCode", "D01")));
        return ok(move("department", c, "start", Map.of()));
    }

    @Test
    void caseGoesFromReportToClosedWithAFullTimeline() {
        JsonNode c = report();
        assertThat(c.get("state").asText()).isEqualTo("reported");
        assertThat(c.get("caseNo").asText()).startsWith("20261124");
        c = toHandling(c);
        assertThat(c.get("light").asText()).isEqualTo("green");
        assertThat(c.get("limitUnit").asText()).isEqualTo("work_day");
        // 1 工作日 = 7.5 working hours: Tue 10:00–12:00, 13:30–17:30 (6 h), Wed 08:30–10:00 → Wed 10:00 Shanghai.
        assertThat(c.get("deadline").asText()).isEqualTo("2026-11-25T02:00:00Z");
        // The light turns yellow after 80 % of the limit in working time (6 h: Tue 10:00–12:00, 13:30–17:30), and
        // the wire says when, so a seat need not count it (issue 20). Wall-clock 80 % would be Wed 05:12 Shanghai.
        assertThat(c.get("warnAt").asText()).isEqualTo("2026-11-24T09:30:00Z");
        c = ok(move("department", c, "feedback", Map.of("note", "已清理")));
        c = ok(move("operator", c, "send_check", Map.of()));
        c = ok(move("inspector", c, "check_ok", Map.of()));
        c = ok(move("shift_leader", c, "close", Map.of()));
        assertThat(c.get("state").asText()).isEqualTo("closed");
        assertThat(c.path("warnAt").asText(null)).as("no warn time once the clock stopped").isNull();

        JsonNode detail = api.get("/api/v1/cases/" + c.get("id").asLong(), api.login("leader")).body();
        List<String> actions = new ArrayList<>();
        detail.get("timeline").forEach(s -> actions.add(s.get("action").asText()));
        assertThat(actions).containsExactly("report", "accept", "file", "dispatch", "start", "feedback", "send_check",
                "check_ok", "close");
        JsonNode last = detail.get("timeline").get(8);
        assertThat(last.get("actor").asText()).isEqualTo("shift_leader");
        assertThat(last.get("fromState").asText()).isEqualTo("checked");
        assertThat(detail.get("timeline").get(5).get("note").asText()).isEqualTo("已清理");
    }

    @Test
    void illegalTransitionAnswers409NamingTheAllowedOnes() {
        JsonNode c = report();
        Api.Resp r = move("shift_leader", c, "close", Map.of());
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.body().get("code").asText()).isEqualTo("illegal_transition");
        List<String> allowed = new ArrayList<>();
        r.body().get("details").get("allowed").forEach(a -> allowed.add(a.asText()));
        assertThat(allowed).contains("accept", "send_verify", "reject");
    }

    @Test
    void wrongRoleIsForbidden() {
        JsonNode c = report();
        Api.Resp r = move("dispatcher", c, "accept", Map.of());
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body().get("code").asText()).isEqualTo("forbidden");
    }

    @Test
    void departmentActsOnlyOnItsOwnCases() throws Exception {
        JsonNode c = report();
        c = ok(move("operator", c, "accept", Map.of()));
        c = ok(move("shift_leader", c, "file", Map.of()));
        c = ok(move("dispatcher", c, "dispatch", Map.of("departmentCode", "D06")));
        Api.Resp r = move("department", c, "start", Map.of());
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body().get("code").asText()).isEqualTo("not_your_department");
        // and does not see it either
        assertThat(api.get("/api/v1/cases/" + c.get("id").asLong(), api.login("department")).status()).isEqualTo(404);
        JsonNode list = api.get("/api/v1/cases?limit=1000", api.login("department")).body();
        list.get("items").forEach(i -> assertThat(i.get("departmentCode").asText()).isEqualTo("D01"));
    }

    @Test
    void checkFailureSendsTheCaseBackForRework() {
        JsonNode c = toHandling(report());
        c = ok(move("department", c, "feedback", Map.of()));
        c = ok(move("operator", c, "send_check", Map.of()));
        c = ok(move("inspector", c, "check_fail", Map.of("note", "仍有垃圾")));
        assertThat(c.get("state").asText()).isEqualTo("handling");
        assertThat(c.get("reworkCount").asInt()).isEqualTo(1);
    }

    @Test
    @Order(Integer.MAX_VALUE) // moves the clock: runs last
    void suspensionPausesTheClockAndExtensionExtendsIt() {
        JsonNode c = toHandling(report());
        String deadline = c.get("deadline").asText();
        c = ok(move("department", c, "apply_suspend", Map.of()));
        c = ok(move("dispatcher", c, "approve_suspend", Map.of()));
        assertThat(c.get("state").asText()).isEqualTo("suspended");
        clock.advance(Duration.ofDays(7));
        c = ok(move("department", c, "resume", Map.of()));
        // a week suspended: still green, deadline moved past the pause
        assertThat(c.get("light").asText()).isEqualTo("green");
        assertThat(Instant.parse(c.get("deadline").asText())).isAfter(Instant.parse(deadline).plus(Duration.ofDays(6)));
        String before = c.get("deadline").asText();
        Api.Resp noHours = move("department", c, "apply_extension", Map.of());
        assertThat(noHours.status()).isEqualTo(422);
        c = ok(move("department", c, "apply_extension", Map.of("hours", 4)));
        c = ok(move("dispatcher", c, "approve_extension", Map.of()));
        assertThat(c.get("extensionCount").asInt()).isEqualTo(1);
        assertThat(Instant.parse(c.get("deadline").asText())).isAfter(Instant.parse(before));
        clock.advance(Duration.ofDays(10));
        JsonNode now = api.get("/api/v1/cases/" + c.get("id").asLong(), api.login("leader")).body().get("item");
        assertThat(now.get("light").asText()).isEqualTo("red");
        assertThat(now.get("overdue").asBoolean()).isTrue();
        JsonNode red = api.get("/api/v1/cases?overdue=true&limit=1000", api.login("leader")).body();
        List<Long> ids = new ArrayList<>();
        red.get("items").forEach(i -> ids.add(i.get("id").asLong()));
        assertThat(ids).contains(c.get("id").asLong());
    }

    @Test
    void backVoidAndSelfHandling() {
        JsonNode c = toHandling(report());
        c = ok(move("department", c, "apply_back", Map.of()));
        c = ok(move("dispatcher", c, "approve_back", Map.of()));
        assertThat(c.get("state").asText()).isEqualTo("filed");
        assertThat(c.get("backCount").asInt()).isEqualTo(1);
        assertThat(c.has("departmentCode")).isFalse();
        c = ok(move("operator", c, "apply_void", Map.of()));
        c = ok(move("shift_leader", c, "approve_void", Map.of()));
        assertThat(c.get("state").asText()).isEqualTo("void");

        Map<String, Object> self = Api.newCase();
        self.put("selfHandled", true);
        JsonNode s = api.post("/api/v1/cases", api.login("inspector"), self, null).body();
        assertThat(s.get("state").asText()).isEqualTo("self_handled");
        s = ok(move("shift_leader", s, "approve_self", Map.of()));
        assertThat(s.get("state").asText()).isEqualTo("closed");
    }

    @Test
    void statisticsCountPerDepartment() {
        JsonNode c = toHandling(report());
        c = ok(move("department", c, "feedback", Map.of()));
        Api.Resp r = api.get("/api/v1/stats?groupBy=department&from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z",
                api.login("leader"));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode d01 = null;
        for (JsonNode row : r.body().get("rows")) {
            if (row.get("key").asText().equals("D01")) {
                d01 = row;
            }
        }
        assertThat(d01).isNotNull();
        assertThat(d01.get("name").asText()).contains("环境卫生");
        assertThat(d01.get("dispatched").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(d01.get("disposed").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(d01.get("disposeRate").asDouble()).isBetween(0.0, 1.0);
    }
}
