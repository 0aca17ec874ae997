package cn.tongguan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.testing.MutableClock;
import cn.tongguan.platform.auth.Role;
import cn.tongguan.platform.support.Api;
import cn.tongguan.platform.support.Platforms;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every object checked against who asks, as a matrix: each role (two 专业部门 users of different departments)
 * × each route that returns or changes a case, its photos or its events (detail, list, snapshot, photo read,
 * photo upload, transition, SSE) × cases of D01, of D02 and of none. What a caller may see follows one rule: the
 * role reads cases, and a department only its own; nobody but the roles that may see it gets a reporter's
 * phone in full (the wall gets it masked, events carry none). Over real HTTP and SSE, on H2 and PostgreSQL.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("cn.tongguan.platform.support.TestDatabases#all")
@Timeout(120)
class AccessMatrixTest {
    private static final String PHONE = "13812345678";
    private static final String SECOND_DEPT_USER = "dept.d02";
    private static final String SECOND_DEPT_PASSWORD = "Tongguan-D02-pass";

    @Parameter
    String db;

    private static MutableClock clock;
    private static PlatformServer server;
    private static Api api;

    @BeforeParameterizedClassInvocation
    static void start(String db) {
        clock = new MutableClock(Instant.parse("2026-11-24T02:00:00Z"));
        server = Platforms.start(db, null, clock);
        api = new Api(server.port());
        server.referenceData().upsertSensors(List.of(new cn.tongguan.api.Reference.Sensor("W01", "waterlogging", "人民路积水点",
                113.88, 35.30, "cm", 20.0, null, null)));
    }

    /** The event every stream may receive, sent last: when it arrives, everything before it has been judged. */
    private static void sentinel() {
        ok(api.post("/api/v1/sensors/readings", api.login("admin"), Map.of("sensorId", "W01", "value", 1.5), null));
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        server.stop();
    }

    /** A caller of the matrix: a role, and for the department role its department. */
    record Caller(String name, Role role, String department, String token) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A case of the matrix and the department it was dispatched to ({@code null}: not dispatched). */
    record Obj(String name, long id, String department, long photoId) {
    }

    /** An SSE stream read on its own thread until the sentinel event (a sensor reading) arrives. */
    static final class Stream {
        final List<JsonNode> events = new CopyOnWriteArrayList<>();
        final List<String> types = new CopyOnWriteArrayList<>();
        final CompletableFuture<Void> done = new CompletableFuture<>();

        /** Whether the platform refused the subscription (403: the auditor reads the audit log, not the city's events). */
        final boolean refused;

        Stream(String token) throws Exception {
            HttpResponse<InputStream> r = api.stream(api.builder("/api/v1/events", token).header("Accept", "text/event-stream").build());
            refused = r.statusCode() == 403;
            if (refused) {
                r.body().close();
                done.complete(null);
                return;
            }
            assertThat(r.statusCode()).isEqualTo(200);
            BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8));
            // the first comment proves the subscription is registered
            for (String line; (line = in.readLine()) != null && !line.startsWith(":"); ) {
                // skip
            }
            Thread t = new Thread(() -> {
                try (in) {
                    String event = null;
                    for (String line; (line = in.readLine()) != null; ) {
                        if (line.startsWith("event:")) {
                            event = line.substring(6).trim();
                        } else if (line.startsWith("data:") && event != null) {
                            types.add(event);
                            events.add(Api.JSON.readTree(line.substring(5).trim()));
                            if (event.equals("sensor.reading")) {
                                done.complete(null);
                                return;
                            }
                        }
                    }
                    done.complete(null);
                } catch (Exception e) {
                    done.completeExceptionally(e);
                }
            }, "matrix-sse");
            t.setDaemon(true);
            t.start();
        }

        /** The ids of the cases this stream was told about. */
        Set<Long> caseIds() {
            Set<Long> ids = new java.util.HashSet<>();
            for (int i = 0; i < events.size(); i++) {
                if (types.get(i).startsWith("case.")) {
                    assertThat(events.get(i).path("data").get("item")).as(types.get(i) + " " + events.get(i)).isNotNull();
                    ids.add(events.get(i).path("data").get("item").get("id").asLong());
                }
            }
            return ids;
        }
    }

    private static JsonNode ok(Api.Resp r) {
        assertThat(r.status()).as(r.text()).isBetween(200, 201);
        return r.body();
    }

    private static long report(String operator, String description) {
        Map<String, Object> c = Api.newCase();
        c.put("description", description);
        return ok(api.post("/api/v1/cases", operator, c, null)).get("id").asLong();
    }

    private static void move(String token, long id, String action, Map<String, Object> extra) {
        long version = ok(api.get("/api/v1/cases/" + id, api.login("leader"))).get("item").get("version").asLong();
        Map<String, Object> body = Api.move(action, version);
        body.putAll(extra);
        ok(api.post("/api/v1/cases/" + id + "/transitions", token, body, null));
    }

    private static void dispatch(long id, String dept) {
        move(api.login("operator"), id, "accept", Map.of());
        move(api.login("shift_leader"), id, "file", Map.of());
        move(api.login("dispatcher"), id, "dispatch", Map.of("departmentCode", dept));
    }

    private static Api.Resp upload(long caseId, String token) {
        byte[] body = HostileInputTest.multipart("m0", "image/jpeg", HostileInputTest.jpeg());
        return api.send(api.builder("/api/v1/cases/" + caseId + "/photos", token)
                .header("Content-Type", "multipart/form-data; boundary=m0").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private static boolean mayRead(Caller c, Obj o) {
        return Role.CASE_READERS.contains(c.role()) && (c.role() != Role.DEPARTMENT || c.department().equals(o.department()));
    }

    @Test
    void everyRouteShowsEveryCallerOnlyWhatItsRoleAndDepartmentMay() throws Exception {
        String admin = api.login("admin");
        ok(api.post("/api/v1/users", admin, Map.of("username", SECOND_DEPT_USER, "role", "department", "departmentCode", "D02",
                "password", SECOND_DEPT_PASSWORD), null));
        List<Caller> callers = new ArrayList<>();
        for (Role r : Role.values()) {
            callers.add(new Caller(r.code(), r, r == Role.DEPARTMENT ? "D01" : null, api.login(r.code())));
        }
        String d02 = ok(api.post("/api/v1/auth/login", null, Map.of("username", SECOND_DEPT_USER, "password", SECOND_DEPT_PASSWORD),
                null)).get("token").asText();
        callers.add(new Caller(SECOND_DEPT_USER, Role.DEPARTMENT, "D02", d02));
        Map<Caller, Stream> streams = new LinkedHashMap<>();
        for (Caller c : callers) {
            streams.put(c, new Stream(c.token()));
            assertThat(streams.get(c).refused).as(c + " refused the event stream").isEqualTo(c.role() == Role.AUDITOR);
        }

        String operator = api.login("operator");
        List<Obj> objects = new ArrayList<>();
        for (String[] spec : new String[][] {{"case of D01", "D01"}, {"case of D02", "D02"}, {"undispatched case", null}}) {
            long id = report(operator, spec[0]);
            long photo = ok(upload(id, operator)).get("id").asLong();
            if (spec[1] != null) {
                dispatch(id, spec[1]);
            }
            objects.add(new Obj(spec[0], id, spec[1], photo));
        }
        // each department works its own case; a push to the wall; then the sentinel every stream receives
        move(callers.get(Role.DEPARTMENT.ordinal()).token(), objects.get(0).id(), "start", Map.of());
        move(d02, objects.get(1).id(), "start", Map.of());
        ok(api.post("/api/v1/wall/pushes", operator, Map.of("kind", "CASE", "target", String.valueOf(objects.get(0).id())), null));
        sentinel();
        for (Stream s : streams.values()) {
            s.done.get(30, TimeUnit.SECONDS);
        }

        List<String> leaks = new ArrayList<>();
        int cells = 0;
        for (Caller c : callers) {
            Stream sse = streams.get(c);
            Set<Long> listed = ids(api.get("/api/v1/cases?limit=1000", c.token()), c, "list", leaks);
            Set<Long> snapshot = snapshotIds(c, leaks);
            for (Obj o : objects) {
                boolean may = mayRead(c, o);
                Api.Resp detail = api.get("/api/v1/cases/" + o.id(), c.token());
                cells += check(leaks, c, o, "GET /cases/{id}", may, detail.status() == 200, detail.status());
                if (detail.status() == 200) {
                    personal(leaks, c, "detail", detail.body().get("item"));
                }
                cells += check(leaks, c, o, "GET /cases", may, listed.contains(o.id()), 0);
                cells += check(leaks, c, o, "GET /cases/snapshot", may, snapshot.contains(o.id()), 0);
                HttpResponse<byte[]> photo = api.bytes("/api/v1/photos/" + o.photoId(), c.token());
                cells += check(leaks, c, o, "GET /photos/{id}", may, photo.statusCode() == 200, photo.statusCode());
                cells += check(leaks, c, o, "SSE /events", may, sse.caseIds().contains(o.id()), 0);
                if (Role.STAFF.contains(c.role())) {
                    Api.Resp up = upload(o.id(), c.token());
                    cells += check(leaks, c, o, "POST /cases/{id}/photos", may, up.status() == 201, up.status());
                }
                if (c.role() == Role.DEPARTMENT && !may) {
                    Api.Resp act = api.post("/api/v1/cases/" + o.id() + "/transitions", c.token(), Api.move("feedback", 99), null);
                    cells += check(leaks, c, o, "POST /cases/{id}/transitions", false, act.status() < 300, act.status());
                }
            }
            for (int i = 0; i < sse.events.size(); i++) {
                if (sse.types.get(i).startsWith("case.")) {
                    JsonNode item = sse.events.get(i).path("data").get("item");
                    if (item.hasNonNull("reporterPhone") || item.hasNonNull("reporterName")) {
                        leaks.add(c + " received a reporter in " + sse.types.get(i));
                    }
                }
            }
            boolean wallPush = sse.types.contains("wall.push");
            boolean mayPush = c.role() == Role.WALL || Role.WALL_PUSHERS.contains(c.role()) || Role.WALL_AUDITORS.contains(c.role());
            if (wallPush != mayPush) {
                leaks.add(c + (wallPush ? " received" : " did not receive") + " wall.push");
            }
        }
        assertThat(leaks).isEmpty();
        assertThat(cells).isGreaterThan(150);
    }

    /**
     * The served geography (ADR 0110) is public map data: every signed-in role reads every layer, the wall
     * included, with the same content for all; nobody reads it without signing in.
     */
    @Test
    void everySignedInRoleReadsTheGeographyAndNobodyElse() {
        List<String> wrong = new ArrayList<>();
        for (String path : List.of("/api/v1/geo/divisions?level=district", "/api/v1/geo/divisions?level=community&zoom=12",
                "/api/v1/geo/lines?kind=road", "/api/v1/geo/lines?kind=water", "/api/v1/geo/lines?kind=rail",
                "/api/v1/geo/parts", "/api/v1/geo/parts?limit=10")) {
            String first = null;
            for (Role r : Role.values()) {
                Api.Resp resp = api.get(path, api.login(r.code()));
                if (resp.status() != 200) {
                    wrong.add(path + " as " + r + " → " + resp.status());
                } else if (first == null) {
                    first = resp.text();
                } else if (!first.equals(resp.text())) {
                    wrong.add(path + " as " + r + ": another answer than the first role's");
                }
            }
            Api.Resp anonymous = api.get(path, null);
            if (anonymous.status() != 401) {
                wrong.add(path + " without token → " + anonymous.status());
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static int check(List<String> leaks, Caller c, Obj o, String route, boolean may, boolean got, int status) {
        if (may != got) {
            leaks.add(route + " as " + c + " on " + o.name() + ": " + (got ? "LEAKED" : "withheld") + (status == 0 ? "" : " (" + status + ")"));
        }
        return 1;
    }

    /** A reporter's phone in full only for the roles that may see it: never the wall. */
    private static void personal(List<String> leaks, Caller c, String where, JsonNode item) {
        String phone = item.path("reporterPhone").asText("");
        if (c.role() == Role.WALL && phone.equals(PHONE)) {
            leaks.add(c + " saw a full phone number in " + where);
        }
    }

    private static Set<Long> ids(Api.Resp r, Caller c, String where, List<String> leaks) {
        Set<Long> out = new java.util.HashSet<>();
        if (r.status() != 200) {
            return out;
        }
        for (JsonNode item : r.body().get("items")) {
            out.add(item.get("id").asLong());
            personal(leaks, c, where, item);
        }
        return out;
    }

    private static Set<Long> snapshotIds(Caller c, List<String> leaks) throws Exception {
        Set<Long> out = new java.util.HashSet<>();
        Api.Resp r = api.get("/api/v1/cases/snapshot", c.token());
        if (r.status() != 200) {
            return out;
        }
        String[] lines = r.text().split("\n");
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                JsonNode item = Api.JSON.readTree(lines[i]);
                out.add(item.get("id").asLong());
                personal(leaks, c, "snapshot", item);
            }
        }
        return out;
    }

    @Test
    void aStreamEndsWhenItsTokenIsSignedOutOrExpires() throws Exception {
        String department = api.login("department");
        Stream signedOut = new Stream(department);
        ok(api.send("POST", "/api/v1/auth/logout", department));
        // the stream ends by itself (within the recheck period): no sentinel needed
        signedOut.done.get(20, TimeUnit.SECONDS);
        assertThat(signedOut.types).doesNotContain("sensor.reading");

        String wall = api.login("wall");
        Stream expiring = new Stream(wall);
        String stays = api.login("leader");
        clock.advance(Duration.ofMinutes(50));
        Stream fresh = new Stream(api.login("leader"));
        clock.advance(Duration.ofMinutes(20)); // the wall's and the first leader's tokens (1 h) are now expired
        expiring.done.get(20, TimeUnit.SECONDS);
        assertThat(expiring.types).doesNotContain("sensor.reading");
        assertThat(api.get("/api/v1/me", stays).status()).isEqualTo(401);
        // a stream whose token still stands keeps going
        sentinel();
        fresh.done.get(20, TimeUnit.SECONDS);
        assertThat(fresh.types).contains("sensor.reading");
    }
}
