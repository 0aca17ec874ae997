package cn.tongguan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.testing.MutableClock;
import cn.tongguan.platform.support.Api;
import cn.tongguan.platform.support.ErrorShape;
import cn.tongguan.platform.support.Platforms;
import cn.tongguan.platform.support.RawHttp;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile inputs measured in issue 14, over real HTTP (raw sockets where java.net.http cannot send them):
 * each is refused with the documented JSON error in the caller's language, never a 5xx, Jetty's HTML page or a
 * parser's own words, and nothing of it is stored.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("cn.tongguan.platform.support.TestDatabases#all")
class HostileInputTest {
    @Parameter
    String db;

    private static PlatformServer server;
    private static Api api;
    private static RawHttp raw;

    @BeforeParameterizedClassInvocation
    static void start(String db) {
        server = Platforms.start(db, null, new MutableClock(Instant.parse("2026-11-24T02:00:00Z")));
        api = new Api(server.port());
        raw = new RawHttp(server.port());
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        server.stop();
    }

    private static Map<String, String> headers(String token, boolean english, String... more) {
        Map<String, String> h = new LinkedHashMap<>();
        if (token != null) {
            h.put("Authorization", "Bearer " + token);
        }
        h.put("Accept-Language", english ? "en" : "zh-CN");
        for (int i = 0; i < more.length; i += 2) {
            h.put(more[i], more[i + 1]);
        }
        return h;
    }

    /** The answer is the documented error with {@code status} and {@code code}; returns its JSON. */
    private static JsonNode refused(RawHttp.Answer a, int status, String code, boolean english) throws Exception {
        assertThat(ErrorShape.problem(a.status(), a.contentType(), a.body(), english)).as(a.body()).isNull();
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        JsonNode json = Api.JSON.readTree(a.body());
        if (code != null) {
            assertThat(json.get("code").asText()).isEqualTo(code);
        }
        return json;
    }

    private static long caseCount() {
        return api.get("/api/v1/cases?limit=1000", api.login("leader")).body().get("items").size();
    }

    private static byte[] json(Object o) throws Exception {
        return Api.JSON.writeValueAsBytes(o);
    }

    @Test
    void aCharsetThatIsNoneIs415OnEveryWriteRoute() throws Exception {
        String operator = api.login("operator");
        String admin = api.login("admin");
        long id = api.post("/api/v1/cases", operator, Api.newCase(), null).body().get("id").asLong();
        long before = caseCount();
        Map<String, byte[]> posts = Map.of("/api/v1/cases", json(Api.newCase()),
                "/api/v1/cases/" + id + "/transitions", json(Api.move("accept", 1)),
                "/api/v1/auth/login", json(Map.of("username", "operator", "password", "tongguan")));
        for (boolean english : new boolean[] {false, true}) {
            for (var e : posts.entrySet()) {
                refused(raw.send("POST", e.getKey(), headers(operator, english, "Content-Type",
                        "application/json; charset=nonsense"), e.getValue()), 415, "unsupported_charset", english);
            }
            refused(raw.send("PUT", "/api/v1/evaluation/settings", headers(admin, english, "Content-Type",
                    "application/json; charset=nonsense"), "{}".getBytes(StandardCharsets.UTF_8)), 415, "unsupported_charset",
                    english);
            // with an idempotency key the refusal goes through the replay store: still a 415
            refused(raw.send("POST", "/api/v1/cases", headers(operator, english, "Content-Type",
                    "application/json; charset=x-nothing", "Idempotency-Key", "k-" + english), json(Api.newCase())), 415,
                    "unsupported_charset", english);
        }
        byte[] latin1 = "{\"description\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        refused(raw.send("POST", "/api/v1/cases", headers(operator, true, "Content-Type", "application/json"), latin1), 400,
                "bad_encoding", true);
        assertThat(caseCount()).isEqualTo(before);
    }

    @Test
    void aMultipartWithoutOrWithABrokenBoundaryIs400() throws Exception {
        String operator = api.login("operator");
        long id = api.post("/api/v1/cases", operator, Api.newCase(), null).body().get("id").asLong();
        String path = "/api/v1/cases/" + id + "/photos";
        byte[] body = ("--abc\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\nxxxx\r\n--abc--\r\n").getBytes(StandardCharsets.UTF_8);
        for (String type : new String[] {"multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=zzz",
                "multipart/form-data; boundary=\"unterminated"}) {
            for (boolean english : new boolean[] {false, true}) {
                RawHttp.Answer a = raw.send("POST", path, headers(operator, english, "Content-Type", type), body);
                assertThat(ErrorShape.problem(a.status(), a.contentType(), a.body(), english)).as(type + " " + a.body()).isNull();
                assertThat(a.status()).as(type).isIn(400, 415);
            }
        }
        // cut off in the middle of the part
        RawHttp.Answer cut = raw.send("POST", path, headers(operator, true, "Content-Type", "multipart/form-data; boundary=abc"),
                Arrays.copyOf(body, body.length - 12));
        refused(cut, 400, null, true);
        assertThat(api.get("/api/v1/cases/" + id, operator).body().get("photos")).isEmpty();
    }

    @Test
    void jettysOwnRefusalsAreTheJsonErrorToo() throws Exception {
        String leader = api.login("leader");
        // a raw byte that is no UTF-8 in the query, percent-encoded and bare
        refused(raw.send("GET", "/api/v1/cases?q=%FF%FE".getBytes(StandardCharsets.US_ASCII), headers(leader, true), null), 400,
                null, true);
        byte[] bare = "/api/v1/cases?q=\u00ff\u00fe".getBytes(StandardCharsets.ISO_8859_1);
        refused(raw.send("GET", bare, headers(leader, false), null), 400, null, false);
        byte[] barePath = "/api/v1/cases/\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        // refused on its request line, before Jetty reads Accept-Language: in the default language
        RawHttp.Answer p = raw.send("GET", barePath, headers(leader, true), null);
        assertThat(ErrorShape.problem(p.status(), p.contentType(), p.body(), false)).as(p.body()).isNull();
        // 414 and 431: too long to be read at all
        refused(raw.send("GET", "/api/v1/cases?q=" + "a".repeat(100_000), headers(leader, false), null), 414, "uri_too_long",
                false);
        RawHttp.Answer big = raw.send("GET", "/api/v1/cases", headers(leader, false, "X-Filler", "b".repeat(100_000)), null);
        refused(big, 431, "headers_too_large", false);
    }

    @Test
    void typesAreNotCoercedAndUnknownKeysAreRefused() throws Exception {
        String operator = api.login("operator");
        long before = caseCount();
        Map<String, Object> wrong = new HashMap<>();
        wrong.put("lat", "35.3");
        wrong.put("description", 123);
        wrong.put("selfHandled", "true");
        wrong.put("reporterName", true);
        wrong.put("colour", "blue");
        for (var e : wrong.entrySet()) {
            Map<String, Object> c = Api.newCase();
            c.put(e.getKey(), e.getValue());
            JsonNode err = refused(raw.send("POST", "/api/v1/cases", headers(operator, true, "Content-Type", "application/json"),
                    json(c)), 400, "invalid_field", true);
            assertThat(err.get("details").get("field").asText()).isEqualTo(e.getKey());
        }
        for (String body : new String[] {"{\"lat\": NaN}", "{\"lat\": 1e999, \"lng\": 113.88}", "{\"kind\":\"event\",\"kind\":\"part\"}",
                "[".repeat(10_000) + "]".repeat(10_000), "{\"source\":\"inspector\"} trailing", "{\"lat\": 123456789012345678901234567890}"}) {
            for (boolean english : new boolean[] {false, true}) {
                RawHttp.Answer a = raw.send("POST", "/api/v1/cases", headers(operator, english, "Content-Type", "application/json"),
                        body.getBytes(StandardCharsets.UTF_8));
                assertThat(ErrorShape.problem(a.status(), a.contentType(), a.body(), english)).as(body).isNull();
                assertThat(a.status()).isEqualTo(400);
            }
        }
        long id = api.post("/api/v1/cases", operator, Api.newCase(), null).body().get("id").asLong();
        JsonNode err = refused(raw.send("POST", "/api/v1/cases/" + id + "/transitions", headers(operator, true, "Content-Type",
                "application/json"), "{\"action\":\"accept\",\"version\":\"1\"}".getBytes(StandardCharsets.UTF_8)), 400,
                "invalid_field", true);
        assertThat(err.get("details").get("field").asText()).isEqualTo("version");
        assertThat(api.get("/api/v1/cases/" + id, operator).body().get("item").get("version").asLong()).isEqualTo(1);
        assertThat(caseCount()).isEqualTo(before + 1);
    }

    @Test
    void aMisspeltSettingsKeyIs400AndKeepsTheOverrides() throws Exception {
        String admin = api.login("admin");
        JsonNode current = api.get("/api/v1/evaluation/settings", admin).body();
        Api.Resp set = api.send(api.builder("/api/v1/evaluation/settings", admin).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"grades\": " + current.get("grades") + "}")).build());
        assertThat(set.status()).as(set.text()).isEqualTo(200);
        JsonNode kept = api.get("/api/v1/evaluation/settings", admin).body().get("overrides");
        JsonNode err = refused(raw.send("PUT", "/api/v1/evaluation/settings", headers(admin, false, "Content-Type",
                "application/json"), "{\"weigths\": {}}".getBytes(StandardCharsets.UTF_8)), 400, "invalid_field", false);
        assertThat(err.get("details").get("field").asText()).isEqualTo("weigths");
        assertThat(err.get("details").get("reason").asText()).isEqualTo("unknown_field");
        assertThat(api.get("/api/v1/evaluation/settings", admin).body().get("overrides")).isEqualTo(kept);
    }

    @Test
    void userNamesThatAreNoNamesAreRefused() throws Exception {
        String admin = api.login("admin");
        int before = api.get("/api/v1/users", admin).body().size();
        for (String name : new String[] {"../../etc/passwd", "<script>alert(1)</script>", "ab", "Admin", "a b", "x".repeat(33),
                "张三", "-lead"}) {
            Map<String, Object> u = Map.of("username", name, "role", "operator", "password", "long-enough-1");
            JsonNode err = refused(raw.send("POST", "/api/v1/users", headers(admin, true, "Content-Type", "application/json"),
                    json(u)), 400, "invalid_field", true);
            assertThat(err.get("details").get("field").asText()).isEqualTo("username");
        }
        refused(raw.send("POST", "/api/v1/users", headers(admin, true, "Content-Type", "application/json"),
                json(Map.of("username", "ok.name", "displayName", "<b>x</b>", "role", "operator", "password", "long-enough-1"))),
                400, "invalid_field", true);
        assertThat(api.post("/api/v1/users", admin, Map.of("username", "wang.wu-2", "role", "operator", "password",
                "long-enough-1"), null).status()).isEqualTo(201);
        assertThat(api.get("/api/v1/users", admin).body().size()).isEqualTo(before + 1);
    }

    static byte[] png() {
        BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        img.setRGB(3, 4, 0xff0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(img, "png", out);
        return out.toByteArray();
    }

    static byte[] jpeg() {
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 64; x++) {
            img.setRGB(x, x % 48, 0x3366cc + x);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(img, "jpg", out);
        return out.toByteArray();
    }

    private static void write(BufferedImage img, String format, ByteArrayOutputStream out) {
        try {
            ImageIO.write(img, format, out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static byte[] multipart(String boundary, String type, byte[] content) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p\"\r\nContent-Type: "
                + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        b.writeBytes(content);
        b.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return b.toByteArray();
    }

    @Test
    void photosAreCheckedByDecodingAndServedAsWhatTheyAre() throws Exception {
        String operator = api.login("operator");
        long id = api.post("/api/v1/cases", operator, Api.newCase(), null).body().get("id").asLong();
        String path = "/api/v1/cases/" + id + "/photos";
        byte[] jpeg = jpeg();
        byte[] random = new byte[5000];
        new Random(14).nextBytes(random);
        byte[] fakeJpeg = Arrays.copyOf(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, 2000);
        fakeJpeg[1999] = (byte) 0xD9;
        fakeJpeg[1998] = (byte) 0xFF;
        Map<String, byte[]> bad = Map.of("text", "这不是图片 not an image".getBytes(StandardCharsets.UTF_8), "random", random,
                "empty", new byte[0], "truncated jpeg", Arrays.copyOf(jpeg, jpeg.length / 2),
                "truncated png", Arrays.copyOf(png(), png().length - 20), "jpeg signature only", fakeJpeg);
        for (var e : bad.entrySet()) {
            for (String declared : new String[] {"image/jpeg", "image/png", "text/plain"}) {
                RawHttp.Answer a = raw.send("POST", path, headers(operator, true, "Content-Type",
                        "multipart/form-data; boundary=b0"), multipart("b0", declared, e.getValue()));
                assertThat(ErrorShape.problem(a.status(), a.contentType(), a.body(), true)).as(e.getKey()).isNull();
                assertThat(a.status()).as(e.getKey() + " as " + declared).isIn(400, 415);
            }
        }
        assertThat(api.get("/api/v1/cases/" + id, operator).body().get("photos")).isEmpty();
        // a real PNG declared as JPEG (or as text) is stored and served as the PNG it is
        RawHttp.Answer ok = raw.send("POST", path, headers(operator, true, "Content-Type", "multipart/form-data; boundary=b1"),
                multipart("b1", "text/plain", png()));
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        JsonNode photo = Api.JSON.readTree(ok.body());
        assertThat(photo.get("contentType").asText()).isEqualTo("image/png");
        HttpResponse<byte[]> back = api.bytes(photo.get("url").asText(), operator);
        assertThat(back.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(back.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(back.body()).isEqualTo(png());
        RawHttp.Answer okJpeg = raw.send("POST", path, headers(operator, true, "Content-Type", "multipart/form-data; boundary=b2"),
                multipart("b2", "image/png", jpeg));
        assertThat(Api.JSON.readTree(okJpeg.body()).get("contentType").asText()).isEqualTo("image/jpeg");
    }

    @Test
    void aCursorOfOneSortOrderIsRefusedWithAnother() {
        String operator = api.login("operator");
        for (int i = 0; i < 3; i++) {
            api.post("/api/v1/cases", operator, Api.newCase(), null);
        }
        String leader = api.login("leader");
        String cursor = api.get("/api/v1/cases?limit=1&sort=-reportedAt", leader).body().get("nextCursor").asText();
        assertThat(api.get("/api/v1/cases?limit=1&sort=-reportedAt&cursor=" + cursor, leader).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/cases?limit=1&cursor=" + cursor, leader).status()).isEqualTo(200); // the default sort
        for (String other : new String[] {"reportedAt", "deadline", "-updatedAt"}) {
            Api.Resp r = api.get("/api/v1/cases?limit=1&sort=" + other + "&cursor=" + cursor, leader);
            assertThat(r.status()).as(other).isEqualTo(400);
            assertThat(r.body().get("details").get("reason").asText()).isEqualTo("other_sort");
        }
    }

    @Test
    void anUnsupportedMethodOnAKnownPathIs405NamingWhatIsAllowed() throws Exception {
        String leader = api.login("leader");
        for (String[] m : new String[][] {{"DELETE", "/api/v1/cases", "GET, POST"}, {"PUT", "/api/v1/cases/1", "GET"},
                {"PATCH", "/api/v1/health", "GET"}, {"POST", "/api/v1/events", "GET"}, {"DELETE", "/api/v1/evaluation/settings", "GET, PUT"}}) {
            for (boolean english : new boolean[] {false, true}) {
                RawHttp.Answer a = raw.send(m[0], m[1], headers(leader, english), null);
                refused(a, 405, "method_not_allowed", english);
                assertThat(a.headers().get("allow")).as(m[0] + " " + m[1]).isEqualTo(m[2]);
            }
        }
        refused(raw.send("GET", "/api/v1/nothing-here", headers(leader, true), null), 404, "not_found", true);
    }
}
