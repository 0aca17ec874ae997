package cn.tongguan.console.support;

import cn.tongguan.api.Auth;
import cn.tongguan.api.Cases;
import cn.tongguan.api.testing.TestClocks;
import cn.tongguan.console.sync.PlatformClient;
import cn.tongguan.console.sync.Session;
import cn.tongguan.console.sync.SessionToken;
import cn.tongguan.platform.PlatformConfig;
import cn.tongguan.platform.PlatformServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import okhttp3.OkHttpClient;

/**
 * A real platform on 127.0.0.1 (embedded H2 file under a temporary directory, demo users with password
 * {@code tongguan}), which a test can stop and start again on the same port and database.
 */
public final class TestPlatform implements AutoCloseable {
    private final Path dir;
    private final Clock clock;
    private PlatformServer server;
    private int port;
    /** The database; null: the embedded H2 file under {@code dir}. */
    private String jdbcUrl;

    /** A platform on the suite's clock ({@link TestClocks#suite()}). */
    public TestPlatform(Path dir) {
        this(dir, TestClocks.suite());
    }

    public TestPlatform(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    /** The platform's clock: a console talking to it runs on the same one. */
    public Clock clock() {
        return clock;
    }

    /** A platform that will listen on {@code port} (one a test chose earlier, e.g. for a console started first). */
    public TestPlatform(Path dir, int port) {
        this(dir, TestClocks.suite());
        this.port = port;
    }

    /** A platform instance on the database at {@code jdbcUrl} (several instances may share one PostgreSQL). */
    public TestPlatform(Path dir, String jdbcUrl) {
        this(dir, TestClocks.suite());
        this.jdbcUrl = jdbcUrl;
    }

    public TestPlatform start() {
        String url = jdbcUrl != null ? jdbcUrl : "jdbc:h2:file:" + dir.toAbsolutePath().resolve("platform");
        PlatformConfig cfg = new PlatformConfig("127.0.0.1", port, url, null, null, dir, Duration.ofHours(4),
                256 * 1024, 256 * 1024, true, null);
        server = new PlatformServer(cfg, clock);
        server.start();
        port = server.port();
        return this;
    }

    /** The platform's reference data, for a test that loads a city's geography in-process. */
    public cn.tongguan.platform.reference.ReferenceDataStore referenceData() {
        return server.referenceData();
    }

    public void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    public int port() {
        return port;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** A client signed in as {@code username} (password {@code tongguan}), for the test's own calls. */
    public PlatformClient client(String username) throws IOException {
        SessionToken token = new SessionToken();
        OkHttpClient http = new OkHttpClient.Builder().addInterceptor(token).readTimeout(Duration.ofSeconds(30)).build();
        PlatformClient client = new PlatformClient(http, uri());
        Auth.LoginResponse login = client.login(username, PlatformServer.DEMO_PASSWORD);
        token.set(login.token());
        return client;
    }

    /** A signed-in seat's client and its {@link Session} (which holds the token the client sends). */
    public record SignedIn(PlatformClient client, Session session) {
    }

    /** Signs {@code username} in as a seat does: the session owns the token, so a 401 can renew or end it. */
    public SignedIn signIn(String username) throws IOException {
        return signIn(username, new OkHttpClient.Builder());
    }

    /** As {@link #signIn(String)}, on a client built from {@code http} (e.g. with the console's failover). */
    public SignedIn signIn(String username, OkHttpClient.Builder builder) throws IOException {
        SessionToken token = new SessionToken();
        OkHttpClient http = builder.addInterceptor(token).readTimeout(Duration.ofSeconds(30)).build();
        PlatformClient client = new PlatformClient(http, uri());
        Auth.LoginResponse login = client.login(username, PlatformServer.DEMO_PASSWORD);
        return new SignedIn(client, new Session(client, token, login));
    }

    /** Signs out the given access token on the platform (what an expiry or a revocation looks like to the seat). */
    public void revoke(String accessToken) throws IOException {
        OkHttpClient http = new OkHttpClient();
        okhttp3.Request logout = new okhttp3.Request.Builder().url(uri().resolve("/api/v1/auth/logout").toString())
                .header("Authorization", "Bearer " + accessToken)
                .post(okhttp3.RequestBody.create(new byte[0], okhttp3.MediaType.get("application/json"))).build();
        try (okhttp3.Response r = http.newCall(logout).execute()) {
            if (r.code() / 100 != 2) {
                throw new IOException("logout: HTTP " + r.code());
            }
        }
    }

    /** Files a report as the operator: 暴露垃圾 in 红旗区. */
    public Cases.Case report(PlatformClient operator, String description) throws IOException {
        return operator.create(new Cases.NewCase("hotline_12319", "event", "06", "06010", 113.93, 35.30,
                "新乡市红旗区平原路 " + description, description, "normal", "张三", "13812345678", null, false),
                UUID.randomUUID().toString());
    }

    /** The leader puts a case on the ledger of difficult cases (疑难案件台账) for the monthly meeting. */
    public void markDifficult(long caseId, String reason) throws IOException {
        PlatformClient leader = client("leader");
        okhttp3.Request mark = new okhttp3.Request.Builder()
                .url(leader.base().resolve("/api/v1/cases/" + caseId + "/difficult").toString())
                .post(okhttp3.RequestBody.create(leader.json().writeValueAsString(java.util.Map.of("reason", reason)),
                        okhttp3.MediaType.get("application/json"))).build();
        try (okhttp3.Response r = leader.http().newCall(mark).execute()) {
            if (r.code() != 201) {
                throw new IOException("marking case " + caseId + " difficult: HTTP " + r.code());
            }
        }
    }

    public Cases.Case act(PlatformClient client, long id, String action, String department) throws IOException {
        long version = client.parseDetail(client.detailJson(id)).item().version();
        return client.transition(id, new Cases.Transition(action, version, "测试", department,
                action.equals("apply_extension") ? 24 : null), UUID.randomUUID().toString());
    }

    @Override
    public void close() {
        stop();
    }
}
