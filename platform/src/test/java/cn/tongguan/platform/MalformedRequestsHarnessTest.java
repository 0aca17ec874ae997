package cn.tongguan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.testing.MutableClock;
import cn.tongguan.platform.auth.Role;
import cn.tongguan.platform.http.Router;
import cn.tongguan.platform.support.Api;
import cn.tongguan.platform.support.ErrorShape;
import cn.tongguan.platform.support.Platforms;
import cn.tongguan.platform.support.RawHttp;
import cn.tongguan.platform.support.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 14 item 7, hostile input: generated malformed requests across every route of {@code PlatformServer.routes()}
 * (bad charsets, broken multipart, bytes that are no UTF-8 in path, query and body, huge headers and URLs, JSON
 * nested 10,000 deep, wrong types, unknown keys, huge numbers, NaN, duplicate keys, wrong methods, missing and
 * garbage tokens), sent over raw sockets. Every answer must be below 500, JSON {code, message} in the caller's
 * language without a word of the libraries, no malformed write may be accepted, and no table may change.
 *
 * <p>CI size: 1,000 requests per database. Full size: {@code -Dtongguan.malformed.requests=10000} (docs/benchmarks.md).
 * The seed is logged; {@code -Dtongguan.malformed.seed=N} replays a run.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("cn.tongguan.platform.support.TestDatabases#all")
@Timeout(1800)
class MalformedRequestsHarnessTest {
    private static final Logger LOG = LoggerFactory.getLogger(MalformedRequestsHarnessTest.class);
    private static final int REQUESTS = Integer.getInteger("tongguan.malformed.requests", 1_000);
    /** Codes of refusals made before Jetty has read Accept-Language: answered in the default language. */
    private static final Set<String> BEFORE_HEADERS = Set.of("bad_request", "uri_too_long", "headers_too_large");

    @Parameter
    String db;

    /** One generated request and what it is meant to break. */
    record Attack(String kind, String method, byte[] target, Map<String, String> headers, byte[] body, boolean english,
                  boolean write) {
    }

    @Test
    void noMalformedRequestGetsA5xxHtmlLibraryTextOrIsStored() throws Exception {
        String url = TestDatabases.H2.equals(db) ? "jdbc:h2:mem:harness-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"
                : TestDatabases.fresh(db, null);
        PlatformServer server = Platforms.startOn(url, null, new MutableClock(Instant.parse("2026-11-24T02:00:00Z")));
        try {
            Api api = new Api(server.port());
            RawHttp raw = new RawHttp(server.port());
            Map<Role, String> tokens = new EnumMap<>(Role.class);
            for (Role r : Role.values()) {
                tokens.put(r, api.login(r.code()));
            }
            // one case with a photo, so that {id} paths reach real objects too
            long caseId = api.post("/api/v1/cases", tokens.get(Role.OPERATOR), Api.newCase(), null).body().get("id").asLong();
            long seed = Long.getLong("tongguan.malformed.seed", System.nanoTime());
            LOG.info("Malformed-request harness on {}: {} requests, seed {}", db, REQUESTS, seed);
            Generator gen = new Generator(new Random(seed), server.routes(), tokens, caseId);
            Map<String, Long> before = rows(url);

            Map<String, Integer> byKind = new TreeMap<>();
            Map<Integer, Integer> byStatus = new TreeMap<>();
            List<String> problems = new ArrayList<>();
            int fivexx = 0;
            int html = 0;
            int acceptedMalformed = 0;
            int lost = 0;
            for (int i = 0; i < REQUESTS; i++) {
                Attack a = gen.next();
                RawHttp.Answer answer = raw.send(a.method(), a.target(), a.headers(), a.body());
                byKind.merge(a.kind(), 1, Integer::sum);
                byStatus.merge(answer.status(), 1, Integer::sum);
                String where = a.kind() + " " + a.method() + " " + new String(a.target(), StandardCharsets.ISO_8859_1)
                        .substring(0, Math.min(120, a.target().length));
                if (answer.status() == RawHttp.NO_ANSWER) {
                    // TCP, not HTTP: the server answered a request it refused while the client was still sending
                    // (a reset can then discard the answer). Counted; only the oversized kinds may do this.
                    lost++;
                    if (!a.kind().startsWith("huge")) {
                        problems.add(where + " → connection closed without an answer: " + answer.body());
                    }
                    continue;
                }
                if (answer.status() >= 500) {
                    fivexx++;
                }
                if (answer.contentType().contains("html") || answer.body().toLowerCase(Locale.ROOT).contains("<html")) {
                    html++;
                }
                if (answer.status() < 400) {
                    if (a.write()) {
                        acceptedMalformed++;
                        problems.add(where + " → accepted " + answer.status() + ": " + answer.body());
                    }
                    continue;
                }
                String problem = ErrorShape.problem(answer.status(), answer.contentType(), answer.body(), a.english());
                if (problem != null && a.english() && answer.body().contains("\"code\"")) {
                    // refused before the headers were read: the default language is the only one possible
                    String code = Api.JSON.readTree(answer.body()).path("code").asText();
                    if (BEFORE_HEADERS.contains(code)) {
                        problem = ErrorShape.problem(answer.status(), answer.contentType(), answer.body(), false);
                    }
                }
                if (problem != null) {
                    problems.add(where + " → " + answer.status() + ": " + problem);
                }
            }
            Map<String, Long> after = rows(url);
            LOG.info("Malformed-request harness on {}: tried {}, 5xx {}, HTML {}, accepted-malformed {}, answers lost to a reset "
                    + "{}, other problems {}, statuses {}, kinds {}", db, REQUESTS, fivexx, html, acceptedMalformed, lost,
                    problems.size() - acceptedMalformed, byStatus, byKind);
            assertThat(problems).as("seed " + seed).isEmpty();
            assertThat(fivexx).isZero();
            assertThat(html).isZero();
            assertThat(after).as("rows per table").isEqualTo(before);
            assertThat(byKind).hasSizeGreaterThanOrEqualTo(15);
        } finally {
            server.stop();
        }
    }

    /** Rows per table of the platform's schema (Flyway's history and the sessions of the harness's own logins aside). */
    private static Map<String, Long> rows(String url) throws Exception {
        Map<String, Long> out = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(url)) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String t = rs.getString("TABLE_NAME");
                    String lower = t.toLowerCase(Locale.ROOT);
                    // audit rows of refused requests are expected to grow (helper "identity"): not data of the city
                    if (!lower.startsWith("flyway") && !lower.startsWith("audit") && !lower.equals("sessions")
                            && !lower.equals("refresh_tokens")) {
                        tables.add(t);
                    }
                }
            }
            try (Statement st = c.createStatement()) {
                for (String t : tables) {
                    try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM \"" + t + "\"")) {
                        rs.next();
                        out.put(t.toLowerCase(Locale.ROOT), rs.getLong(1));
                    }
                }
            }
        }
        assertThat(out).containsKey("cases");
        return out;
    }

    /** Makes the attacks: a route, a caller, a language and one thing wrong. */
    static final class Generator {
        private static final String[] FIELDS = {"lat", "lng", "version", "description", "departmentCode", "hours", "value",
            "status", "username", "password", "kind", "target", "note", "weights", "grades", "action", "source", "sensorId",
            "cameraId", "period", "from", "to", "smallCode", "bigCode", "reporterPhone", "selfHandled", "urgency"};
        private static final Set<String> NUMERIC = Set.of("lat", "lng", "version", "hours", "value");
        /** Wrong for a number field, for a boolean field, for a text (or object) field. */
        private static final String[] WRONG_FOR_NUMBER = {"\"35.3\"", "\"1\"", "true", "[]", "{}", "[1,\"a\"]", "\"\""};
        private static final String[] WRONG_FOR_BOOLEAN = {"\"true\"", "1", "0", "[]", "{}", "\"\""};
        private static final String[] WRONG_FOR_TEXT = {"123", "1.5", "true", "[]", "{}", "[1,\"a\"]", "{\"a\":{\"b\":[]}}",
            "-0", "1e2"};
        /** {@code weights} is an object and {@code grades} a list: an empty one of those is the right type, not a wrong one. */
        private static final Map<String, String[]> WRONG_FOR_CONTAINER = Map.of(
            "weights", new String[] {"123", "1.5", "true", "\"x\"", "[]", "[1,\"a\"]", "{\"department\":[]}"},
            "grades", new String[] {"123", "1.5", "true", "\"x\"", "{}", "{\"a\":{\"b\":[]}}", "[1,\"a\"]"});
        private static final String[] NUMBERS = {"NaN", "Infinity", "-Infinity", "1e999", "-1e999", "123456789012345678901234567890",
            "0x10", "01", "1.", ".5", "+1", "1e-999999"};
        private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "FOO"};
        private static final String[] CHARSETS = {"nonsense", "utf-16", "iso-8859-1", "\"", "", "utf-8x", "x\u00ff", "gbk"};
        private final Random random;
        private final List<Router.Route> routes;
        private final Map<Role, String> tokens;
        private final long caseId;

        Generator(Random random, List<Router.Route> routes, Map<Role, String> tokens, long caseId) {
            this.random = random;
            this.routes = routes;
            this.tokens = tokens;
            this.caseId = caseId;
        }

        private <T> T pick(T[] options) {
            return options[random.nextInt(options.length)];
        }

        private String concrete(String path) {
            String id = pick(new String[] {String.valueOf(caseId), "1", "999999", "-1", "0", "99999999999999999999", "1e3",
                "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "%00", "abc", "%E4%B8%AD"});
            return path.replace("{id}", id).replace("{kind}", pick(new String[] {"divisions", "grids", "nothing", "%2e%2e"}));
        }

        private String token(Router.Route r) {
            if (r.path().endsWith("/logout")) {
                // a logout that went through would end a session the rest of the run needs: a token of no session
                return "no-session-" + random.nextInt(1000);
            }
            if (r.roles() == null) {
                return random.nextBoolean() ? null : tokens.get(pick(Role.values()));
            }
            List<Role> admitted = r.roles().stream().toList();
            return tokens.get(admitted.get(random.nextInt(admitted.size())));
        }

        Attack next() {
            Router.Route route = routes.get(random.nextInt(routes.size()));
            boolean english = random.nextBoolean();
            Map<String, String> h = new LinkedHashMap<>();
            h.put("Accept-Language", english ? pick(new String[] {"en", "en-US,en;q=0.9", "en-GB;q=1, zh;q=0.5"})
                    : pick(new String[] {"zh-CN", "zh-CN,zh;q=0.9,en;q=0.8", "zh"}));
            String token = token(route);
            if (token != null) {
                h.put("Authorization", "Bearer " + token);
            }
            String path = concrete(route.path());
            boolean body = !route.method().equals("GET") && !route.path().endsWith("/logout");
            int kind = random.nextInt(body ? 17 : 8);
            String method = route.method();
            byte[] target = path.getBytes(StandardCharsets.UTF_8);
            byte[] payload = null;
            String name;
            switch (kind) {
                case 0 -> {
                    name = "wrong method";
                    String m;
                    do {
                        m = pick(METHODS);
                    } while (m.equals(route.method()));
                    method = m;
                }
                case 1 -> {
                    name = "garbage token";
                    h.put("Authorization", pick(new String[] {"Bearer ", "Bearer " + "x".repeat(2000), "Basic YWRtaW46dG9uZ2d1YW4=",
                        "Bearer a b c", "bearer", "Bearer \u00e4\u00f6", "Token " + UUID.randomUUID()}));
                }
                case 2 -> {
                    name = "missing token";
                    h.remove("Authorization");
                }
                case 3 -> {
                    name = "huge URL";
                    target = (path + "?q=" + "a".repeat(9_000 + random.nextInt(100_000))).getBytes(StandardCharsets.US_ASCII);
                }
                case 4 -> {
                    name = "huge headers";
                    int n = 1 + random.nextInt(4);
                    for (int i = 0; i < n; i++) {
                        h.put("X-Filler-" + i, "h".repeat(4_000 + random.nextInt(40_000)));
                    }
                }
                case 5 -> {
                    name = "invalid UTF-8 in the query";
                    ByteArrayOutputStream b = new ByteArrayOutputStream();
                    b.writeBytes((path + "?" + pick(new String[] {"q", "state", "cursor", "from", "period", "limit", "bbox"}) + "=")
                            .getBytes(StandardCharsets.US_ASCII));
                    if (random.nextBoolean()) {
                        b.writeBytes(pick(new String[] {"%FF", "%C3%28", "%E2%82", "%ED%A0%80", "%C0%AF", "%"}).getBytes(StandardCharsets.US_ASCII));
                    } else {
                        b.write(0xC3);
                        b.write(0x28);
                        b.write(0xFF);
                    }
                    target = b.toByteArray();
                }
                case 6 -> {
                    name = "invalid UTF-8 in the path";
                    ByteArrayOutputStream b = new ByteArrayOutputStream();
                    b.writeBytes(path.getBytes(StandardCharsets.US_ASCII));
                    if (random.nextBoolean()) {
                        b.writeBytes("/%FF%FE".getBytes(StandardCharsets.US_ASCII));
                    } else {
                        b.write('/');
                        b.write(0xFE);
                        b.write(0xFF);
                    }
                    target = b.toByteArray();
                }
                case 7 -> {
                    name = "hostile query values";
                    target = (path + "?" + pick(new String[] {"limit=-1", "limit=1e9", "limit=99999999999999999999", "cursor=%00%00",
                        "from=2026-13-45T99:00:00Z", "sort=%27%3B--", "state=" + "x,".repeat(3000), "bbox=NaN,NaN,NaN,NaN",
                        "lat=Infinity", "q=%3Cscript%3E", "period=../../", "open=yes", "overdue=1"})).getBytes(StandardCharsets.UTF_8);
                }
                case 8 -> {
                    name = "bad charset";
                    h.put("Content-Type", "application/json; charset=" + pick(CHARSETS));
                    payload = Api.JSON.valueToTree(Api.newCase()).toString().getBytes(StandardCharsets.UTF_8);
                }
                case 9 -> {
                    name = "broken multipart";
                    h.put("Content-Type", pick(new String[] {"multipart/form-data", "multipart/form-data; boundary=",
                        "multipart/form-data; boundary=zz", "multipart/form-data; boundary=\"open", "multipart/mixed; boundary=a"}));
                    payload = HostileInputTest.multipart("a", pick(new String[] {"image/jpeg", "text/html"}),
                            random.nextBoolean() ? "<html>x</html>".getBytes(StandardCharsets.UTF_8) : HostileInputTest.jpeg());
                    if (random.nextBoolean()) {
                        payload = java.util.Arrays.copyOf(payload, payload.length / 2);
                    }
                }
                case 10 -> {
                    name = "invalid UTF-8 in the body";
                    h.put("Content-Type", "application/json");
                    payload = new byte[] {'{', '"', 'd', 'e', 's', 'c', 'r', 'i', 'p', 't', 'i', 'o', 'n', '"', ':', '"', (byte) 0xC3,
                        (byte) 0x28, (byte) 0xFF, '"', '}'};
                }
                case 11 -> {
                    name = "deep JSON";
                    h.put("Content-Type", "application/json");
                    int depth = pick(new Integer[] {100, 1_000, 10_000});
                    payload = (random.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth)
                            : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)).getBytes(StandardCharsets.US_ASCII);
                }
                case 12 -> {
                    name = "wrong types";
                    h.put("Content-Type", "application/json");
                    Map<String, Object> valid = valid(route);
                    String field = pick(FIELDS);
                    String json = Api.JSON.valueToTree(valid).toString();
                    String[] wrongs = NUMERIC.contains(field) ? WRONG_FOR_NUMBER
                            : field.equals("selfHandled") ? WRONG_FOR_BOOLEAN
                            : WRONG_FOR_CONTAINER.getOrDefault(field, WRONG_FOR_TEXT);
                    String wrong = "\"" + field + "\":" + pick(wrongs);
                    payload = (json.equals("{}") ? "{" + wrong + "}" : json.substring(0, json.length() - 1) + "," + wrong + "}")
                            .getBytes(StandardCharsets.UTF_8);
                    payload = dedupe(payload, field);
                }
                case 13 -> {
                    name = "unknown key";
                    h.put("Content-Type", "application/json");
                    String json = Api.JSON.valueToTree(valid(route)).toString();
                    String extra = "\"" + pick(new String[] {"weigths", "lattitude", "isAdmin", "role", "__proto__", "id"}) + "\":1";
                    payload = (json.equals("{}") ? "{" + extra + "}" : json.substring(0, json.length() - 1) + "," + extra + "}")
                            .getBytes(StandardCharsets.UTF_8);
                }
                case 14 -> {
                    name = "huge or non-numbers";
                    h.put("Content-Type", "application/json");
                    payload = ("{\"" + pick(new String[] {"lat", "lng", "version", "value", "hours"}) + "\":" + pick(NUMBERS) + "}")
                            .getBytes(StandardCharsets.UTF_8);
                }
                case 15 -> {
                    name = "duplicate keys";
                    h.put("Content-Type", "application/json");
                    String json = Api.JSON.valueToTree(Api.newCase()).toString();
                    payload = (json.substring(0, json.length() - 1) + ",\"lat\":35.31,\"kind\":\"part\"}").getBytes(StandardCharsets.UTF_8);
                }
                default -> {
                    name = "not JSON";
                    h.put("Content-Type", pick(new String[] {"application/json", "text/plain", "application/xml", "application/x-www-form-urlencoded"}));
                    payload = pick(new String[] {"", "null", "[]", "\"x\"", "<a/>", "a=1&b=2", "{\"a\":", "{}{}", "\u0000", "{'a':1}",
                        "/* c */ {}", "[1,]"}).getBytes(StandardCharsets.UTF_8);
                }
            }
            // with no body for a write the method still writes nothing; a wrong-method write is a write too
            // an empty NDJSON import is an empty file (0 rows), not a malformed one
            boolean emptyImport = payload != null && payload.length == 0 && route.path().startsWith("/api/v1/admin/import");
            boolean write = payload != null && !method.equals("GET") && !emptyImport;
            return new Attack(name, method, target, h, payload, english, write);
        }

        /** The same key twice would be a duplicate-key attack, not a wrong type: keep the wrong value only. */
        private static byte[] dedupe(byte[] json, String field) {
            try {
                String s = new String(json, StandardCharsets.UTF_8);
                var node = (com.fasterxml.jackson.databind.node.ObjectNode) Api.JSON.readTree(s.substring(0, s.lastIndexOf(",\"" + field + "\":")) + "}");
                node.remove(field);
                String rest = s.substring(s.lastIndexOf(",\"" + field + "\":") + 1, s.length() - 1);
                String head = node.toString();
                return (head.equals("{}") ? "{" + rest + "}" : head.substring(0, head.length() - 1) + "," + rest + "}")
                        .getBytes(StandardCharsets.UTF_8);
            } catch (Exception e) {
                return json;
            }
        }

        /** A body the route would take (so that the one thing wrong is what is tested), or {@code {}}. */
        private Map<String, Object> valid(Router.Route r) {
            return switch (r.path()) {
                case "/api/v1/cases" -> Api.newCase();
                case "/api/v1/cases/{id}/transitions" -> Api.move("accept", 1);
                case "/api/v1/auth/login" -> new LinkedHashMap<>(Map.of("username", "operator", "password", "tongguan"));
                case "/api/v1/users" -> new LinkedHashMap<>(Map.of("username", "new.user", "role", "operator", "password", "long-enough-1"));
                case "/api/v1/wall/pushes" -> new LinkedHashMap<>(Map.of("kind", "CASE", "target", String.valueOf(caseId)));
                case "/api/v1/sensors/readings" -> new LinkedHashMap<>(Map.of("sensorId", "W01", "value", 1.0));
                default -> new LinkedHashMap<>();
            };
        }
    }
}
