package cn.tongguan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.platform.support.Api;
import cn.tongguan.api.testing.MutableClock;
import cn.tongguan.platform.support.Platforms;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Client mistakes answer 4xx JSON {code, message} in the caller's language, and write nothing. */
@ParameterizedClass(name = "{0}")
@MethodSource("cn.tongguan.platform.support.TestDatabases#all")
class BadInputTest {
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
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        server.stop();
    }

    private static long caseCount() {
        return api.get("/api/v1/cases?limit=1000", api.login("leader")).body().get("items").size();
    }

    private static void assertError(Api.Resp r, int status, String code) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(r.body().get("code").asText()).isEqualTo(code);
        assertThat(r.body().get("message").asText()).isNotBlank();
    }

    /** An enum the document declares on a query parameter is enforced: a typo is a 400, not a wider list. */
    @Test
    void aQueryParameterOutsideItsDocumentedValuesIs400NamingIt() {
        String leader = api.login("leader");
        Map<String, String> wrong = Map.of("/api/v1/cases?kind=foo", "kind", "/api/v1/cases?light=blue", "light",
                "/api/v1/cases?sort=name", "sort", "/api/v1/ledger?state=pending", "state", "/api/v1/ledger?sort=size", "sort",
                "/api/v1/reports?kind=yearly", "kind", "/api/v1/stats?groupBy=grid", "groupBy",
                "/api/v1/sensors/W01/readings?quantity=colour", "quantity");
        wrong.forEach((query, parameter) -> {
            Api.Resp r = api.get(query, leader);
            assertError(r, 400, "invalid_parameter");
            assertThat(r.body().get("details").get("parameter").asText()).as(query).isEqualTo(parameter);
        });
        assertThat(api.get("/api/v1/cases?kind=event", leader).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/cases?kind=foo", leader).body().get("details").get("allowed"))
                .extracting(com.fasterxml.jackson.databind.JsonNode::asText).containsExactly("event", "part");
    }

    @Test
    void wrongTypesMissingFieldsAndBadJsonAre400NamingTheField() {
        String token = api.login("operator");
        long before = caseCount();
        Map<String, Object> wrongType = Api.newCase();
        wrongType.put("lng", "东经113");
        Api.Resp r = api.post("/api/v1/cases", token, wrongType, null);
        assertError(r, 400, "invalid_field");
        assertThat(r.body().get("details").get("field").asText()).isEqualTo("lng");

        Map<String, Object> missing = Api.newCase();
        missing.remove("description");
        r = api.post("/api/v1/cases", token, missing, null);
        assertError(r, 400, "invalid_field");
        assertThat(r.body().get("details").get("field").asText()).isEqualTo("description");
        assertThat(r.body().get("details").get("reason").asText()).isEqualTo("required");

        Map<String, Object> badEnum = Api.newCase();
        badEnum.put("source", "fax");
        assertError(api.post("/api/v1/cases", token, badEnum, null), 400, "invalid_field");
        assertError(api.post("/api/v1/cases", token, "{\"source\": ", null), 400, "bad_json");
        assertError(api.post("/api/v1/cases", token, "[1,2]", null), 400, "invalid_field");
        assertError(api.post("/api/v1/cases", token, "", null), 400, "bad_json");
        assertThat(caseCount()).isEqualTo(before);
    }

    @Test
    void unknownCodesAndPlacesOutsideTheCityAre422() {
        String token = api.login("operator");
        long before = caseCount();
        Map<String, Object> unknown = Api.newCase();
        unknown.put("smallCode", "99999");
        assertError(api.post("/api/v1/cases", token, unknown, null), 422, "unknown_category");
        Map<String, Object> wrongParent = Api.newCase();
        wrongParent.put("bigCode", "07");
        assertError(api.post("/api/v1/cases", token, wrongParent, null), 422, "unknown_category");
        Map<String, Object> part = Api.newCase();
        part.put("partCode", "NOPE");
        assertError(api.post("/api/v1/cases", token, part, null), 422, "unknown_part");
        Map<String, Object> beijing = Api.newCase();
        beijing.put("lng", 116.40);
        beijing.put("lat", 39.90);
        assertError(api.post("/api/v1/cases", token, beijing, null), 422, "outside_city");
        Map<String, Object> nonsense = Api.newCase();
        nonsense.put("lat", 123.0);
        assertError(api.post("/api/v1/cases", token, nonsense, null), 400, "invalid_field");
        assertThat(caseCount()).isEqualTo(before);

        JsonNode c = api.post("/api/v1/cases", token, Api.newCase(), null).body();
        String path = "/api/v1/cases/" + c.get("id").asLong() + "/transitions";
        c = api.post(path, token, Api.move("accept", 1), null).body();
        c = api.post(path, api.login("shift_leader"), Api.move("file", 2), null).body();
        Map<String, Object> dispatch = Api.move("dispatch", 3);
        dispatch.put("departmentCode", "NO-SUCH");
        assertError(api.post(path, api.login("dispatcher"), dispatch, null), 422, "unknown_department");
        assertError(api.post(path, api.login("dispatcher"), Api.move("dispatch", 3), null), 422, "department_required");
        // nothing half-written: still filed, version 3, three steps
        JsonNode detail = api.get("/api/v1/cases/" + c.get("id").asLong(), token).body();
        assertThat(detail.get("item").get("state").asText()).isEqualTo("filed");
        assertThat(detail.get("timeline").size()).isEqualTo(3);
        assertError(api.post(path, token, Api.move("fly_away", 3), null), 400, "invalid_field");
    }

    @Test
    void messagesFollowAcceptLanguage() {
        Map<String, Object> beijing = Api.newCase();
        beijing.put("lng", 116.40);
        HttpRequest zh = api.builder("/api/v1/cases", api.login("operator")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(beijing))).build();
        assertThat(api.send(zh).body().get("message").asText()).isEqualTo("位置不在本市范围内");
        HttpRequest en = api.builder("/api/v1/cases", api.login("operator")).header("Content-Type", "application/json")
                .header("Accept-Language", "en-US,en;q=0.9").POST(HttpRequest.BodyPublishers.ofString(json(beijing))).build();
        assertThat(api.send(en).body().get("message").asText()).isEqualTo("The location is outside the city");
    }

    private static String json(Object o) {
        try {
            return Api.JSON.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void oversizedBodiesAndUploadsAre413AndStoreNothing() {
        String token = api.login("operator");
        Map<String, Object> huge = Api.newCase();
        huge.put("address", "很".repeat(40_000));
        assertError(api.post("/api/v1/cases", token, huge, null), 413, "payload_too_large");

        JsonNode c = api.post("/api/v1/cases", token, Api.newCase(), null).body();
        String photos = "/api/v1/cases/" + c.get("id").asLong() + "/photos";
        byte[] big = new byte[300 * 1024];
        assertError(upload(photos, token, "image/jpeg", big), 413, "payload_too_large");
        assertError(upload(photos, token, "text/plain", new byte[10]), 415, "unsupported_media_type");
        byte[] notAnImage = new byte[1000];
        Arrays.fill(notAnImage, (byte) 7);
        assertError(upload(photos, token, "image/jpeg", notAnImage), 415, "unsupported_media_type");
        byte[] jpeg = HostileInputTest.jpeg();
        Api.Resp ok = upload(photos, token, "image/jpeg", jpeg);
        assertThat(ok.status()).as(ok.text()).isEqualTo(201);
        JsonNode detail = api.get("/api/v1/cases/" + c.get("id").asLong(), token).body();
        assertThat(detail.get("photos").size()).isEqualTo(1);
        try {
            HttpResponse<byte[]> back = api.bytes(ok.body().get("url").asText(), token);
            assertThat(back.statusCode()).isEqualTo(200);
            assertThat(back.body()).isEqualTo(jpeg);
            assertThat(back.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aPhotoIsServedWithTheTypeItsBytesShowNotTheOneDeclared() {
        String token = api.login("operator");
        JsonNode c = api.post("/api/v1/cases", token, Api.newCase(), null).body();
        byte[] png = HostileInputTest.png();
        Api.Resp stored = upload("/api/v1/cases/" + c.get("id").asLong() + "/photos", token, "image/jpeg", png);
        assertThat(stored.status()).as(stored.text()).isEqualTo(201);
        assertThat(stored.body().get("contentType").asText()).isEqualTo("image/png");
        HttpResponse<byte[]> back = api.bytes(stored.body().get("url").asText(), token);
        assertThat(back.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(back.body()).isEqualTo(png);
    }

    /** 1,000 bytes that start with an image format's signature. */
    private static byte[] image(int... signature) {
        byte[] b = new byte[1000];
        Arrays.fill(b, (byte) 7);
        for (int i = 0; i < signature.length; i++) {
            b[i] = (byte) signature[i];
        }
        return b;
    }

    private static Api.Resp upload(String path, String token, String type, byte[] content) {
        String boundary = "----tongguan" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"stage\"\r\n\r\nreport\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.jpg\"\r\nContent-Type: " + type + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return api.send(api.builder(path, token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    @Test
    void badAndExpiredTokensAre401() {
        assertError(api.get("/api/v1/cases", null), 401, "unauthorized");
        assertError(api.get("/api/v1/cases", "not-a-token"), 401, "unauthorized");
        assertError(api.post("/api/v1/auth/login", null, Map.of("username", "operator", "password", "wrong"), null), 401,
                "bad_credentials");
        String token = api.login("leader");
        assertThat(api.get("/api/v1/me", token).status()).isEqualTo(200);
        clock.advance(Duration.ofHours(2));
        assertError(api.get("/api/v1/me", token), 401, "token_expired");
        String fresh = api.login("leader");
        api.send("POST", "/api/v1/auth/logout", fresh);
        assertError(api.get("/api/v1/me", fresh), 401, "unauthorized");
    }

    @Test
    void badQueryParametersAre400AndUnknownPaths404() {
        String token = api.login("leader");
        assertError(api.get("/api/v1/cases?limit=abc", token), 400, "invalid_parameter");
        assertError(api.get("/api/v1/cases?limit=100000", token), 400, "invalid_parameter");
        assertError(api.get("/api/v1/cases?sort=bogus", token), 400, "invalid_parameter");
        // A source no case can have is refused, not searched for across every case (issue 16).
        assertError(api.get("/api/v1/cases?source=wechat", token), 400, "invalid_parameter");
        assertError(api.get("/api/v1/cases?cursor=%25%25", token), 400, "invalid_parameter");
        assertError(api.get("/api/v1/cases?from=yesterday", token), 400, "invalid_parameter");
        assertError(api.get("/api/v1/cases?overdue=maybe", token), 400, "invalid_parameter");
        assertError(api.get("/api/v1/cases/abc", token), 400, "invalid_parameter");
        assertError(api.get("/api/v1/cases/987654321", token), 404, "not_found");
        assertError(api.get("/api/v1/stats?groupBy=planet", token), 400, "invalid_parameter");
        assertError(api.get("/api/v1/parts?bbox=1,2,3", token), 400, "invalid_parameter");
        assertError(api.get("/api/v1/nothing", token), 404, "not_found");
    }
}
