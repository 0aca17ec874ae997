package cn.tongguan.democity.sim;

import cn.tongguan.api.Auth;
import cn.tongguan.api.Cases;
import cn.tongguan.api.Events;
import cn.tongguan.api.Json;
import cn.tongguan.api.Reference;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The simulator's only way into the platform: its public REST API, signed in as a real user of a role
 * (the simulator never touches the database). Every POST carries a fresh Idempotency-Key.
 */
public final class PlatformApi {
    /** The platform answered with an error ({@code code} from its {@code {code, message}} body). */
    public static final class ApiFailure extends IOException {
        private static final long serialVersionUID = 1L;
        private final int status;

        ApiFailure(int status, String body) {
            super("HTTP " + status + ": " + body);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final HttpClient http;
    private final URI base;
    private final ObjectMapper json = Json.newMapper();
    private final String token;

    private PlatformApi(HttpClient http, URI base, String token) {
        this.http = http;
        this.base = base;
        this.token = token;
    }

    public static PlatformApi login(HttpClient http, URI base, String username, String password) throws IOException {
        PlatformApi anonymous = new PlatformApi(http, base, null);
        Auth.LoginResponse response = anonymous.post("/api/v1/auth/login", new Auth.LoginRequest(username, password),
                Auth.LoginResponse.class);
        return new PlatformApi(http, base, response.token());
    }

    public static HttpClient newHttpClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    public Cases.Case report(Cases.NewCase report) throws IOException {
        return post("/api/v1/cases", report, Cases.Case.class);
    }

    public Cases.Case transition(long caseId, Cases.Transition transition) throws IOException {
        return post("/api/v1/cases/" + caseId + "/transitions", transition, Cases.Case.class);
    }

    /** Cases in one of {@code states} reported since {@code from}, oldest first. */
    public List<Cases.Case> cases(String states, java.time.Instant from, int limit) throws IOException {
        return get("/api/v1/cases?state=" + URLEncoder.encode(states, StandardCharsets.UTF_8) + "&from=" + from
                + "&limit=" + limit + "&sort=reportedAt", Cases.CasePage.class).items();
    }

    public List<Reference.Department> departments() throws IOException {
        return get("/api/v1/departments", new TypeReference<List<Reference.Department>>() { });
    }

    public List<Reference.Category> categories() throws IOException {
        return get("/api/v1/categories", new TypeReference<List<Reference.Category>>() { });
    }

    public List<Reference.Sensor> sensors() throws IOException {
        return get("/api/v1/sensors", new TypeReference<List<Reference.Sensor>>() { });
    }

    public List<Reference.Camera> cameras() throws IOException {
        return get("/api/v1/cameras", new TypeReference<List<Reference.Camera>>() { });
    }

    /** Parts in a bounding box (lng/lat). */
    public List<Reference.Part> parts(double minLng, double minLat, double maxLng, double maxLat) throws IOException {
        return get(String.format(java.util.Locale.ROOT, "/api/v1/parts?bbox=%f,%f,%f,%f&limit=300", minLng, minLat, maxLng, maxLat),
                new TypeReference<List<Reference.Part>>() { });
    }

    public void reading(Events.SensorReading reading) throws IOException {
        post("/api/v1/sensors/readings", reading, Object.class);
    }

    public void cameraStatus(Events.CameraStatus status) throws IOException {
        post("/api/v1/cameras/status", status, Object.class);
    }

    public void createUser(Auth.NewUser user) throws IOException {
        post("/api/v1/users", user, Object.class);
    }

    public List<Auth.User> users() throws IOException {
        return get("/api/v1/users", new TypeReference<List<Auth.User>>() { });
    }

    private <T> T get(String path, Class<T> type) throws IOException {
        return json.readValue(send(request(path).GET().build()), type);
    }

    private <T> T get(String path, TypeReference<T> type) throws IOException {
        return json.readValue(send(request(path).GET().build()), type);
    }

    private <T> T post(String path, Object body, Class<T> type) throws IOException {
        HttpRequest request = request(path)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build();
        String answer = send(request);
        return answer.isBlank() || type == Object.class ? null : json.readValue(answer, type);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Accept-Language", "zh-CN");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private String send(HttpRequest request) throws IOException {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() >= 400) {
                throw new ApiFailure(response.statusCode(), response.body());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
