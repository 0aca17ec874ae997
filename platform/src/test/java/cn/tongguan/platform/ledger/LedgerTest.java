package cn.tongguan.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.platform.PlatformServer;
import cn.tongguan.platform.events.EventLog;
import cn.tongguan.platform.support.Api;
import cn.tongguan.api.testing.MutableClock;
import cn.tongguan.platform.support.Platforms;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The ledger of difficult cases through real HTTP: list, discuss at the meeting, follow until the case closes. */
@ParameterizedClass(name = "{0}")
@MethodSource("cn.tongguan.platform.support.TestDatabases#all")
class LedgerTest {
    @Parameter
    String db;

    private static PlatformServer server;
    private static Api api;
    private static MutableClock clock;

    @BeforeParameterizedClassInvocation
    static void start(String db) {
        clock = new MutableClock(Instant.parse("2026-11-24T02:00:00Z"));
        server = Platforms.start(db, null, clock);
        api = new Api(server.port());
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        server.stop();
    }

    private static JsonNode move(JsonNode c, String action, String role, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Api.move(action, c.get("version").asLong()));
        body.putAll(extra);
        Api.Resp r = api.post("/api/v1/cases/" + c.get("id").asLong() + "/transitions", api.login(role), body, null);
        assertThat(r.status()).as(action + ": " + r.text()).isEqualTo(200);
        return r.body();
    }

    private static JsonNode dispatchedCase() {
        Api.Resp r = api.post("/api/v1/cases", api.login("inspector"), Api.newCase(), null);
        assertThat(r.status()).isEqualTo(201);
        JsonNode c = move(r.body(), "accept", "operator", Map.of());
        c = move(c, "file", "shift_leader", Map.of());
        return move(c, "dispatch", "dispatcher", Map.of("departmentCode", "D01"));
    }

    private static long ledgerEvents(long caseId) throws InterruptedException {
        List<EventLog.Stored> all = server.events().after(0, 100_000, 0);
        return all.stream().filter(e -> e.type().equals(LedgerService.EVENT) && e.json().contains("\"caseId\":" + caseId)).count();
    }

    @Test
    void markDiscussFollowAndCloseWithTheCase() throws Exception {
        JsonNode c = dispatchedCase();
        long id = c.get("id").asLong();
        String dispatcher = api.login("dispatcher");
        String leader = api.login("leader");
        clock.advance(Duration.ofMinutes(1));

        Api.Resp marked = api.post("/api/v1/cases/" + id + "/difficult", dispatcher, Map.of("reason", "涉及多部门，权属不清"), "k1");
        assertThat(marked.status()).as(marked.text()).isEqualTo(201);
        assertThat(marked.body().get("open").asBoolean()).isTrue();
        assertThat(marked.body().get("listedBy").asText()).isEqualTo("dispatcher");
        assertThat(marked.body().get("reason").asText()).isEqualTo("涉及多部门，权属不清");
        // Replaying the same key answers the same; listing again is a conflict.
        assertThat(api.post("/api/v1/cases/" + id + "/difficult", dispatcher, Map.of("reason", "涉及多部门，权属不清"), "k1")
                .status()).isEqualTo(201);
        Api.Resp again = api.post("/api/v1/cases/" + id + "/difficult", leader, Map.of("reason", "再次"), null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("code").asText()).isEqualTo("already_listed");

        assertThat(ids(api.get("/api/v1/ledger?state=open", leader).body())).contains(id);
        assertThat(ids(api.get("/api/v1/ledger?state=closed", leader).body())).doesNotContain(id);
        assertThat(ids(api.get("/api/v1/ledger?departmentCode=D01&sort=age", api.login("wall")).body())).contains(id);
        assertThat(ids(api.get("/api/v1/ledger?departmentCode=D05", leader).body())).doesNotContain(id);

        Instant deadline = clock.instant().plus(Duration.ofDays(3));
        Api.Resp talked = api.post("/api/v1/ledger/" + id + "/discussions", leader, Map.of("notes", "市政处认领，三日内处置",
                "decision", "现场交办市政处", "departmentCode", "D02", "deadline", deadline.toString(), "assignedOnTheSpot", true), null);
        assertThat(talked.status()).as(talked.text()).isEqualTo(201);
        JsonNode e = talked.body();
        assertThat(e.get("claimedBy").asText()).isEqualTo("D02");
        assertThat(Instant.parse(e.get("deadline").asText())).isEqualTo(deadline);
        assertThat(Instant.parse(e.get("assignedAt").asText())).isEqualTo(clock.instant());
        assertThat(e.get("discussions")).hasSize(1);
        assertThat(e.get("discussions").get(0).get("by").asText()).isEqualTo("leader");
        assertThat(e.get("discussions").get(0).get("assignedOnTheSpot").asBoolean()).isTrue();

        JsonNode f = api.get("/api/v1/ledger/figures", leader).body();
        assertThat(f.get("assignedOnTheSpot").asLong()).isEqualTo(count(f, "assignedOnTheSpot"));
        JsonNode d02 = dept(f, "D02");
        assertThat(d02.get("total").asLong()).isEqualTo(1);
        assertThat(d02.get("assignedOnTheSpot").asLong()).isEqualTo(1);
        assertThat(d02.get("overdue").asLong()).isZero();
        assertThat(d02.get("name").asText()).isEqualTo("市市政工程管理处");

        clock.advance(Duration.ofDays(4));
        leader = api.login("leader"); // tokens live an hour
        assertThat(dept(api.get("/api/v1/ledger/figures", leader).body(), "D02").get("overdue").asLong()).isEqualTo(1);
        JsonNode detail = api.get("/api/v1/ledger/" + id, api.login("shift_leader")).body();
        assertThat(detail.get("overdue").asBoolean()).isTrue();
        assertThat(detail.get("ageDays").asLong()).isEqualTo(4);

        // The case runs its course; closing it closes the entry, in the same transaction, with an event.
        c = move(c, "start", "department", Map.of());
        c = move(c, "feedback", "department", Map.of());
        c = move(c, "send_check", "operator", Map.of());
        c = move(c, "check_ok", "inspector", Map.of());
        long before = ledgerEvents(id);
        move(c, "close", "shift_leader", Map.of());
        assertThat(ledgerEvents(id)).isEqualTo(before + 1);
        detail = api.get("/api/v1/ledger/" + id, leader).body();
        assertThat(detail.get("open").asBoolean()).isFalse();
        assertThat(Instant.parse(detail.get("closedAt").asText())).isEqualTo(clock.instant());
        assertThat(detail.get("overdue").asBoolean()).isFalse();
        JsonNode closed = dept(api.get("/api/v1/ledger/figures", leader).body(), "D02");
        assertThat(closed.get("closed").asLong()).isEqualTo(1);
        assertThat(closed.get("overdue").asLong()).isZero();
        assertThat(ids(api.get("/api/v1/ledger?state=closed", leader).body())).contains(id);
        Api.Resp late = api.post("/api/v1/ledger/" + id + "/discussions", leader, Map.of("notes", "补记"), null);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body().get("code").asText()).isEqualTo("ledger_closed");
        Api.Resp ended = api.post("/api/v1/cases/" + id + "/difficult", leader, Map.of("reason", "x"), null);
        assertThat(ended.status()).isEqualTo(409);
        assertThat(ended.body().get("code").asText()).isEqualTo("case_ended");
        // The older read of the ledger still lists it.
        assertThat(api.get("/api/v1/cases/difficult", leader).text()).contains("\"id\":" + id);
        // 3 changes: listed, discussed, closed.
        assertThat(ledgerEvents(id)).isEqualTo(3);
    }

    @Test
    void badInputAndRoles() {
        long id = dispatchedCase().get("id").asLong();
        String leader = api.login("leader");
        Api.Resp r = api.post("/api/v1/cases/" + id + "/difficult", leader, Map.of(), null);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("details").get("field").asText()).isEqualTo("reason");
        assertThat(api.post("/api/v1/cases/" + id + "/difficult", leader, Map.of("reason", "x".repeat(1001)), null).status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/cases/99999999/difficult", leader, Map.of("reason", "x"), null).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/cases/" + id + "/difficult", api.login("inspector"), Map.of("reason", "x"), null).status())
                .isEqualTo(403);
        Api.Resp notListed = api.post("/api/v1/ledger/" + id + "/discussions", leader, Map.of("notes", "n"), null);
        assertThat(notListed.status()).isEqualTo(404);
        assertThat(notListed.body().get("code").asText()).isEqualTo("not_listed");
        assertThat(api.post("/api/v1/cases/" + id + "/difficult", leader, Map.of("reason", "x"), null).status()).isEqualTo(201);
        Api.Resp unknown = api.post("/api/v1/ledger/" + id + "/discussions", leader, Map.of("notes", "n", "departmentCode", "X9"), null);
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body().get("code").asText()).isEqualTo("unknown_department");
        assertThat(api.post("/api/v1/ledger/" + id + "/discussions", api.login("dispatcher"), Map.of("notes", "n"), null).status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/ledger/" + id + "/discussions", leader, Map.of("notes", "n", "deadline", "soon"), null)
                .status()).isEqualTo(400);
        assertThat(api.get("/api/v1/ledger?state=maybe", leader).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/ledger?sort=size", leader).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/ledger/abc", leader).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/ledger", api.login("department")).status()).isEqualTo(403);
    }

    private static List<Long> ids(JsonNode list) {
        List<Long> out = new java.util.ArrayList<>();
        list.forEach(e -> out.add(e.get("caseId").asLong()));
        return out;
    }

    private static JsonNode dept(JsonNode figures, String code) {
        for (JsonNode d : figures.get("byDepartment")) {
            if (d.has("departmentCode") && d.get("departmentCode").asText().equals(code)) {
                return d;
            }
        }
        throw new AssertionError("no " + code + " in " + figures);
    }

    private static long count(JsonNode figures, String field) {
        long n = 0;
        for (JsonNode d : figures.get("byDepartment")) {
            n += d.get(field).asLong();
        }
        return n;
    }
}
