package cn.tongguan.console.sync;

import cn.tongguan.api.ApiError;
import cn.tongguan.api.Auth;
import cn.tongguan.api.Cases;
import cn.tongguan.api.Health;
import cn.tongguan.api.Json;
import cn.tongguan.api.Lifeline;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Blocking calls to the platform's REST API over the console's one shared OkHttp client (which adds the bearer
 * token, see {@link SessionToken}). Callers run it on a background thread, never on the FX thread.
 */
public final class PlatformClient {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    /**
     * The most an answer of each kind may hold: the whole city's reference lists are well under 1 MB, a case with
     * its timeline a few KB; a proxy's endless body or a 200 MB answer stops here, not in the seat's heap.
     */
    static final long REFERENCE_MAX = 8L << 20;
    static final long ANSWER_MAX = 16L << 20;
    static final long GRIDS_MAX = 64L << 20;
    /** One NDJSON line of the snapshot (a case is ~1 KB). */
    static final int LINE_MAX = 1 << 20;
    /** A whole non-streamed call, however slowly its bytes trickle in (the read timeout only bounds each gap). */
    static final java.time.Duration CALL_MAX = java.time.Duration.ofSeconds(60);

    private final OkHttpClient http;
    private final URI base;
    private final ObjectMapper json = Json.newMapper();

    public PlatformClient(OkHttpClient http, URI base) {
        this.http = Objects.requireNonNull(http);
        this.base = Objects.requireNonNull(base);
    }

    public URI base() {
        return base;
    }

    public OkHttpClient http() {
        return http;
    }

    public ObjectMapper json() {
        return json;
    }

    String url(String path) {
        return base.resolve(path).toString();
    }

    /** {@code GET /api/v1/health}. */
    public Health health() throws IOException {
        return json.readValue(get("/api/v1/health"), Health.class);
    }

    /** {@code POST /api/v1/auth/login}: does not need (nor use) a token. */
    public Auth.LoginResponse login(String username, String password) throws IOException {
        return json.readValue(post("/api/v1/auth/login", new Auth.LoginRequest(username, password), null, true),
                Auth.LoginResponse.class);
    }

    /**
     * {@code POST /api/v1/auth/refresh}: a new access and refresh token for the last refresh token (which then no
     * longer works). Sent without the bearer: the access token it replaces has expired.
     */
    public Auth.LoginResponse refresh(String refreshToken) throws IOException {
        return json.readValue(post("/api/v1/auth/refresh", new Auth.RefreshRequest(refreshToken), null, true),
                Auth.LoginResponse.class);
    }

    /** {@code GET /api/v1/cases/{id}}: the case with timeline and photos, as JSON (the cache keeps it as is). */
    public String detailJson(long id) throws IOException {
        return get("/api/v1/cases/" + id);
    }

    public Cases.CaseDetail parseDetail(String body) throws IOException {
        return json.readValue(body, Cases.CaseDetail.class);
    }

    /** {@code POST /api/v1/cases/{id}/transitions} with the outbox entry's idempotency key. */
    public Cases.Case transition(long id, Cases.Transition transition, String idempotencyKey) throws IOException {
        return json.readValue(post("/api/v1/cases/" + id + "/transitions", transition, idempotencyKey), Cases.Case.class);
    }

    /** {@code POST /api/v1/cases}: files a report (hotline intake). */
    public Cases.Case create(Cases.NewCase report, String idempotencyKey) throws IOException {
        return json.readValue(post("/api/v1/cases", report, idempotencyKey), Cases.Case.class);
    }

    /** Alarms not yet cleared, newest first, then the latest cleared ones. */
    public List<Lifeline.Alarm> openAlarms() throws IOException {
        return json.readValue(get("/api/v1/alarms?state=ACTIVE,ACKNOWLEDGED&limit=200"),
                new com.fasterxml.jackson.core.type.TypeReference<List<Lifeline.Alarm>>() { });
    }

    /** {@code action}: acknowledge or clear. */
    public Lifeline.Alarm alarmAction(long id, String action, String note) throws IOException {
        return json.readValue(post("/api/v1/alarms/" + id + "/" + action, new Lifeline.AlarmAction(note),
                java.util.UUID.randomUUID().toString()), Lifeline.Alarm.class);
    }

    /** {@code GET /api/v1/cases?…}: one page of the case list ({@code query} already URL-encoded). */
    public Cases.CasePage list(String query) throws IOException {
        return json.readValue(get("/api/v1/cases?" + query), Cases.CasePage.class);
    }

    /** {@code GET /api/v1/geocode}: places for a caller's address, best first. */
    public java.util.List<cn.tongguan.api.Geocoding.Candidate> geocode(String address) throws IOException {
        String q = java.net.URLEncoder.encode(address, java.nio.charset.StandardCharsets.UTF_8);
        return json.readValue(get("/api/v1/geocode?limit=8&q=" + q),
                new com.fasterxml.jackson.core.type.TypeReference<java.util.List<cn.tongguan.api.Geocoding.Candidate>>() { });
    }

    /** A reference list ({@code categories}, {@code departments}, {@code divisions}) as the platform's JSON. */
    public String referenceJson(String kind) throws IOException {
        return get("/api/v1/" + kind, REFERENCE_MAX);
    }

    /**
     * Streams {@code GET /api/v1/cases/snapshot}: the header first, then every case, without holding them all in
     * memory. Returns the event id the snapshot reflects.
     */
    public long snapshot(Consumer<Cases.Case> sink) throws IOException {
        return snapshot(header -> { }, sink);
    }

    /** As above; {@code header} gets the first line (event id and announced total) before any case. */
    public long snapshot(Consumer<Cases.SnapshotHeader> header, Consumer<Cases.Case> sink) throws IOException {
        return snapshot(header, sink, line -> { });
    }

    /**
     * As above; a line that is not a case goes to {@code skipped} (and the rest still arrive). A snapshot that ends
     * before its announced total is an error (it was cut), and so is one line longer than {@link #LINE_MAX}.
     */
    public long snapshot(Consumer<Cases.SnapshotHeader> header, Consumer<Cases.Case> sink, Consumer<String> skipped)
            throws IOException {
        return snapshot("", header, sink, skipped);
    }

    /** As above, with the list's filters ({@code query}, e.g. {@code open=true}: the display wall's open cases). */
    public long snapshot(String query, Consumer<Cases.SnapshotHeader> header, Consumer<Cases.Case> sink,
                         Consumer<String> skipped) throws IOException {
        String path = query.isEmpty() ? "/api/v1/cases/snapshot" : "/api/v1/cases/snapshot?" + query;
        Request request = new Request.Builder().url(url(path)).get().build();
        try (Response response = http.newBuilder().readTimeout(java.time.Duration.ofMinutes(2)).build()
                .newCall(request).execute()) {
            check(response);
            expectType(response, "json");
            LineReader reader = new LineReader(response.body().byteStream(), LINE_MAX);
            String first = reader.next();
            if (first == null) {
                throw new UnrecognisedAnswer("empty snapshot");
            }
            Cases.SnapshotHeader head = json.readValue(first, Cases.SnapshotHeader.class);
            header.accept(head);
            ObjectReader cases = json.readerFor(Cases.Case.class);
            long rows = 0;
            long corrupt = 0;
            String line;
            while ((line = reader.next()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                Cases.Case item;
                try {
                    item = cases.readValue(line);
                } catch (IOException | RuntimeException notACase) {
                    // One bad line must not cost the other 910,000: skipped, counted, and the snapshot flagged.
                    skipped.accept(line.length() > 120 ? line.substring(0, 120) + "…" : line);
                    corrupt++;
                    continue;
                }
                sink.accept(item);
                rows++;
            }
            for (long i = 0; i < reader.skippedLines(); i++) {
                skipped.accept("(a line longer than " + LINE_MAX + " bytes)");
            }
            if (head.total() != null && rows + corrupt + reader.skippedLines() < head.total()) {
                throw new UnrecognisedAnswer("snapshot cut after " + rows + " of " + head.total() + " cases");
            }
            return head.eventId();
        }
    }

    /** {@code POST /api/v1/wall/pushes}: shows a case or a camera on the display wall (audited by the platform). */
    public cn.tongguan.api.Lifeline.WallPush pushToWall(cn.tongguan.api.Lifeline.NewWallPush push) throws IOException {
        return json.readValue(post("/api/v1/wall/pushes", push, null), cn.tongguan.api.Lifeline.WallPush.class);
    }

    /** {@code GET /api/v1/grids}: every unit grid as a GeoJSON FeatureCollection. */
    public String gridsGeoJson() throws IOException {
        return get("/api/v1/grids", GRIDS_MAX);
    }

    String get(String path) throws IOException {
        return get(path, ANSWER_MAX);
    }

    /** A JSON answer of at most {@code maxBytes}, within {@link #CALL_MAX}. */
    String get(String path, long maxBytes) throws IOException {
        Request request = new Request.Builder().url(url(path)).get().build();
        okhttp3.Call call = http.newCall(request);
        call.timeout().timeout(CALL_MAX.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        try (Response response = call.execute()) {
            check(response);
            expectType(response, "json");
            return bounded(response.body(), maxBytes);
        }
    }

    /** A proxy's HTML page with a 200 is not the platform's answer. */
    static void expectType(Response response, String subtype) throws UnrecognisedAnswer {
        String type = response.header("Content-Type", "");
        if (!type.toLowerCase(java.util.Locale.ROOT).contains(subtype)) {
            throw new UnrecognisedAnswer("answer of type '" + type + "' where " + subtype + " was expected");
        }
    }

    /** Reads at most {@code max} bytes; more is an {@link UnrecognisedAnswer}, never an out-of-memory seat. */
    static String bounded(ResponseBody body, long max) throws IOException {
        if (body.contentLength() > max) {
            throw new UnrecognisedAnswer("answer of " + body.contentLength() + " bytes, more than " + max);
        }
        okio.BufferedSource source = body.source();
        if (source.request(max + 1)) {
            throw new UnrecognisedAnswer("answer longer than " + max + " bytes");
        }
        return source.readString(StandardCharsets.UTF_8);
    }

    /** Streams a binary answer (a report file) to {@code target}. */
    void download(String path, java.nio.file.Path target) throws IOException {
        Request request = new Request.Builder().url(url(path)).get().build();
        try (Response response = http.newCall(request).execute()) {
            check(response);
            java.nio.file.Files.createDirectories(target.getParent());
            try (java.io.InputStream in = response.body().byteStream()) {
                java.nio.file.Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    String post(String path, Object body, String idempotencyKey) throws IOException {
        return post(path, body, idempotencyKey, false);
    }

    private String post(String path, Object body, String idempotencyKey, boolean anonymous) throws IOException {
        Request.Builder request = new Request.Builder().url(url(path))
                .post(RequestBody.create(json.writeValueAsBytes(body), JSON));
        if (anonymous) {
            request.tag(SessionToken.Anonymous.class, SessionToken.Anonymous.INSTANCE);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        okhttp3.Call call = http.newCall(request.build());
        call.timeout().timeout(CALL_MAX.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        try (Response response = call.execute()) {
            check(response);
            expectType(response, "json");
            return bounded(response.body(), ANSWER_MAX);
        }
    }

    /** Turns a refusal into a {@link PlatformException} carrying the platform's {@code {code, message, details}}. */
    void check(Response response) throws IOException {
        if (response.isSuccessful()) {
            return;
        }
        ResponseBody body = response.body();
        String text;
        try {
            text = body == null ? "" : bounded(body, 64 * 1024);
        } catch (UnrecognisedAnswer tooLong) {
            text = "";
        }
        ApiError error;
        try {
            error = json.readValue(text, ApiError.class);
        } catch (IOException | RuntimeException e) {
            error = new ApiError("http_" + response.code(), "HTTP " + response.code(), Map.of());
        }
        long retryAfter = -1;
        String header = response.header("Retry-After");
        if (header != null && header.trim().matches("\\d{1,9}")) {
            retryAfter = Long.parseLong(header.trim());
        }
        throw new PlatformException(response.code(), error, retryAfter);
    }

    /** The platform's current case from a 409 {@code version_conflict}, if it sent one. */
    public Cases.Case currentFrom(PlatformException e) {
        Object current = e.error().details().get("current");
        return current == null ? null : json.convertValue(current, Cases.Case.class);
    }
}
