package cn.tongguan.platform.support;

import cn.tongguan.api.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A tiny real-HTTP client for tests: JSON in and out, bearer tokens, idempotency keys. */
public final class Api {
    public static final ObjectMapper JSON = Json.newMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;

    public record Resp(int status, JsonNode body, HttpResponse<String> raw) {
        public String text() {
            return raw.body();
        }
    }

    public Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public String base() {
        return base;
    }

    public HttpClient http() {
        return http;
    }

    public String login(String user) {
        Resp r = post("/api/v1/auth/login", null, Map.of("username", user, "password", "tongguan"), null);
        if (r.status() != 200) {
            throw new IllegalStateException("login " + user + ": " + r.text());
        }
        return r.body().get("token").asText();
    }

    public Resp get(String path, String token) {
        return send(builder(path, token).GET().build());
    }

    public Resp post(String path, String token, Object body, String idempotencyKey) {
        try {
            String json = body instanceof String s ? s : JSON.writeValueAsString(body);
            HttpRequest.Builder b = builder(path, token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json));
            if (idempotencyKey != null) {
                b.header("Idempotency-Key", idempotencyKey);
            }
            return send(b.build());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Resp send(String method, String path, String token) {
        return send(builder(path, token).method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    /** A binary answer (a photo, a report file): status and headers checked, and the body if it is an error. */
    public HttpResponse<byte[]> bytes(String path, String token) {
        HttpRequest req = builder(path, token).GET().build();
        HttpResponse<byte[]> r = exchange(req, HttpResponse.BodyHandlers.ofByteArray());
        boolean json = r.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
        Contract.check(req, null, r.statusCode(), r.headers(), json ? new String(r.body(), StandardCharsets.UTF_8) : null);
        return r;
    }

    /** A streamed answer (SSE, NDJSON) read by the test itself: request, status and headers checked. */
    public HttpResponse<InputStream> stream(HttpRequest req) {
        HttpResponse<InputStream> r = exchange(req, HttpResponse.BodyHandlers.ofInputStream());
        Contract.check(req, Contract.body(req), r.statusCode(), r.headers(), null);
        return r;
    }

    private <T> HttpResponse<T> exchange(HttpRequest req, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(req, handler);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder builder(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    /** Sends and checks the exchange against the OpenAPI document ({@link Contract}): a drift fails the test. */
    public Resp send(HttpRequest req) {
        HttpResponse<String> r = exchange(req, HttpResponse.BodyHandlers.ofString());
        String type = r.headers().firstValue("Content-Type").orElse("");
        boolean binary = type.startsWith("application/pdf") || type.startsWith("application/vnd.");
        Contract.check(req, Contract.body(req), r.statusCode(), r.headers(), binary ? null : r.body());
        JsonNode body = null;
        if (type.startsWith("application/json") && !r.body().isEmpty()) {
            try {
                body = JSON.readTree(r.body());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return new Resp(r.statusCode(), body, r);
    }

    /** A valid report in Xinxiang: 暴露垃圾 (event 06/06010). */
    public static Map<String, Object> newCase() {
        return new java.util.HashMap<>(Map.of("source", "inspector", "kind", "event", "bigCode", "06", "smallCode", "06010",
                "lng", 113.88, "lat", 35.30, "description", "路边暴露垃圾", "reporterName", "张三", "reporterPhone", "13812345678"));
    }

    public static Map<String, Object> move(String action, long version) {
        return new java.util.HashMap<>(Map.of("action", action, "version", version));
    }
}
