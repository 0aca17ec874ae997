package cn.tongguan.platform.bench;

import cn.tongguan.api.Auth;
import cn.tongguan.api.Cases;
import cn.tongguan.platform.PlatformConfig;
import cn.tongguan.platform.PlatformServer;
import cn.tongguan.platform.auth.Principal;
import cn.tongguan.platform.auth.Role;
import cn.tongguan.platform.cases.CaseService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;

/**
 * The platform's benchmarks (docs/benchmarks.md, "Platform"), each as a ratio against a baseline measured in the
 * same run on the same machine:
 * <ol>
 *   <li>case transitions/s through the workflow service (H2 file; PostgreSQL if a URL is given) vs a plain
 *       UPDATE + INSERT transaction loop on the same database;</li>
 *   <li>case list p50/p95 over N stored cases (default 1,000,000) with typical filters, over HTTP, vs a
 *       {@code SELECT COUNT(*)} of the table;</li>
 *   <li>SSE with 100 subscribers: event latency p99 (append → read by the subscriber) vs a loopback HTTP
 *       round trip p99.</li>
 * </ol>
 * Run: {@code platform/scripts/bench.sh [--cases N] [--pg JDBC_URL] [--data DIR]}.
 */
public final class PlatformBench {
    private static final PrintStream OUT = System.out;
    private static final ObjectMapper JSON = cn.tongguan.api.Json.newMapper();
    private static final Principal INSPECTOR = new Principal("bench", "bench", Role.INSPECTOR, null);
    private static final Principal OPERATOR = new Principal("bench", "bench", Role.OPERATOR, null);
    private static final Principal LEADER = new Principal("bench", "bench", Role.SHIFT_LEADER, null);
    private static final Principal DISPATCHER = new Principal("bench", "bench", Role.DISPATCHER, null);
    private static final Principal DEPT = new Principal("bench", "bench", Role.DEPARTMENT, "D01");

    private PlatformBench() {
    }

    public static void main(String[] args) throws Exception {
        int cases = 1_000_000;
        String only = "all";
        String pg = null;
        Path data = Path.of("target/bench-data");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--cases" -> cases = Integer.parseInt(args[++i]);
                case "--pg" -> pg = args[++i];
                case "--data" -> data = Path.of(args[++i]);
                case "--only" -> only = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Files.createDirectories(data);
        OUT.printf("Platform bench — %s, %d cores%n", Instant.now(), Runtime.getRuntime().availableProcessors());
        if (only.equals("all") || only.equals("transitions")) {
            Path h2 = data.resolve("transitions-" + UUID.randomUUID());
            transitions("H2", PlatformServer.embeddedUrl(h2), h2);
            if (pg != null) {
                transitions("PostgreSQL", pgSchema(pg), data.resolve("pg-photos"));
            }
        }
        if (only.equals("all") || only.equals("list")) {
            list(data.resolve("list-h2"), cases);
        }
        if (only.equals("all") || only.equals("sse")) {
            sse(data.resolve("sse-" + UUID.randomUUID()));
        }
    }

    private static String pgSchema(String base) throws Exception {
        String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static PlatformServer start(String url, Path dir) {
        PlatformServer s = new PlatformServer(new PlatformConfig("127.0.0.1", 0, url, null, null, dir, Duration.ofHours(8),
                10L << 20, 1L << 20, true, null), java.time.Clock.systemUTC());
        s.start();
        return s;
    }

    private static Cases.NewCase report(Random rnd) {
        return new Cases.NewCase("inspector", "event", "06", "06010", 113.80 + rnd.nextDouble() * 0.2,
                35.24 + rnd.nextDouble() * 0.1, "人民路", "暴露垃圾", "normal", "张三", "13812345678", null, false);
    }

    // ---- 1. transitions ------------------------------------------------------------------------------

    private static void transitions(String name, String url, Path dir) throws Exception {
        PlatformServer s = start(url, dir);
        try {
            CaseService svc = s.cases();
            Random rnd = new Random(1);
            int n = 2_000;
            List<Cases.Case> created = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                created.add(svc.create(INSPECTOR, report(rnd))); // warm-up
            }
            warmTransitions(svc, created);
            created.clear();
            for (int i = 0; i < n; i++) {
                created.add(svc.create(INSPECTOR, report(rnd)));
            }
            long t0 = System.nanoTime();
            int moves = warmTransitions(svc, created);
            double perSec = moves / ((System.nanoTime() - t0) / 1e9);
            double baseline = baselineWrites(url, 5_000);
            OUT.printf("transitions %-10s %,9.0f /s  (full workflow: check, update, timeline, event; %d moves)%n", name, perSec, moves);
            OUT.printf("baseline    %-10s %,9.0f /s  (plain UPDATE + INSERT + commit per op)%n", name, baseline);
            OUT.printf("ratio       %-10s %9.2f    (transitions / baseline)%n%n", name, perSec / baseline);
        } finally {
            s.stop();
        }
    }

    private static int warmTransitions(CaseService svc, List<Cases.Case> cases) {
        int moves = 0;
        for (Cases.Case c : cases) {
            long id = c.id();
            c = svc.transition(OPERATOR, id, new Cases.Transition("accept", c.version(), null, null, null));
            c = svc.transition(LEADER, id, new Cases.Transition("file", c.version(), null, null, null));
            c = svc.transition(DISPATCHER, id, new Cases.Transition("dispatch", c.version(), null, "D01", null));
            c = svc.transition(DEPT, id, new Cases.Transition("start", c.version(), null, null, null));
            c = svc.transition(DEPT, id, new Cases.Transition("feedback", c.version(), "done", null, null));
            c = svc.transition(OPERATOR, id, new Cases.Transition("send_check", c.version(), null, null, null));
            c = svc.transition(INSPECTOR, id, new Cases.Transition("check_ok", c.version(), null, null, null));
            svc.transition(LEADER, id, new Cases.Transition("close", c.version(), null, null, null));
            moves += 8;
        }
        return moves;
    }

    /** The floor: one transaction of one UPDATE and one INSERT, on the same database, over plain JDBC. */
    private static double baselineWrites(String url, int n) throws Exception {
        try (Connection c = DriverManager.getConnection(url)) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE bench_row (id BIGINT PRIMARY KEY, v BIGINT)");
                s.execute("CREATE TABLE bench_log (id BIGINT PRIMARY KEY, row_id BIGINT, note VARCHAR(100))");
                s.execute("INSERT INTO bench_row (id, v) VALUES (1, 0)");
            }
            c.setAutoCommit(false);
            try (PreparedStatement up = c.prepareStatement("UPDATE bench_row SET v = v + 1 WHERE id = 1");
                 PreparedStatement ins = c.prepareStatement("INSERT INTO bench_log (id, row_id, note) VALUES (?, 1, 'x')")) {
                long t0 = 0;
                for (int i = 0; i < n * 2; i++) {
                    if (i == n) {
                        t0 = System.nanoTime(); // first half warms up
                    }
                    up.executeUpdate();
                    ins.setLong(1, i);
                    ins.executeUpdate();
                    c.commit();
                }
                return n / ((System.nanoTime() - t0) / 1e9);
            }
        }
    }

    // ---- 2. list over N cases ------------------------------------------------------------------------

    private static final String[] STATES = {"closed", "closed", "closed", "closed", "closed", "closed", "handling",
        "dispatched", "feedback", "checking", "reported", "filed", "suspended", "void", "cancelled"};
    private static final String[] DISTRICTS = {"410702", "410703", "410704", "410711"};

    private static void list(Path dir, int n) throws Exception {
        PlatformServer s = start(PlatformServer.embeddedUrl(dir), dir);
        try {
            long have = s.cases() == null ? 0 : countCases(s, dir);
            if (have < n) {
                long t0 = System.nanoTime();
                load(s, n - (int) have);
                OUT.printf("loaded %,d cases in %.1f s (bulk import API)%n", n - have, (System.nanoTime() - t0) / 1e9);
            }
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + s.port();
            String token = s.auth().login(new Auth.LoginRequest("leader", PlatformServer.DEMO_PASSWORD), "127.0.0.1").token();
            Random rnd = new Random(7);
            String[] queries = new String[120];
            for (int i = 0; i < queries.length; i++) {
                String d = DISTRICTS[rnd.nextInt(4)];
                String st = DISTRICTS[rnd.nextInt(4)] + "0" + String.format("%02d", rnd.nextInt(10) + 1);
                queries[i] = switch (i % 6) {
                    case 0 -> "/api/v1/cases?limit=50";
                    case 1 -> "/api/v1/cases?limit=50&state=handling,dispatched&districtCode=" + d;
                    case 2 -> "/api/v1/cases?limit=50&overdue=true&open=true";
                    case 3 -> "/api/v1/cases?limit=50&departmentCode=D0" + (rnd.nextInt(9) + 1) + "&state=handling";
                    case 4 -> "/api/v1/cases?limit=50&streetCode=" + st + "&from=2025-06-01T00:00:00Z&to=2025-07-01T00:00:00Z";
                    default -> "/api/v1/cases?limit=50&districtCode=" + d + "&sort=deadline";
                };
            }
            // warm-up, then measure; follow one nextCursor page each time, as a console would
            for (int i = 0; i < 12; i++) {
                get(http, base + queries[i], token);
            }
            double[] ms = new double[queries.length];
            for (int i = 0; i < queries.length; i++) {
                long t0 = System.nanoTime();
                JsonNode page = get(http, base + queries[i], token);
                ms[i] = (System.nanoTime() - t0) / 1e6;
                if (page.get("items").size() == 0 && i % 6 != 2) {
                    OUT.println("  (empty page for " + queries[i] + ")");
                }
            }
            // Baseline: the same endpoint with a filter no index serves (text search that matches nothing: a full scan).
            double[] count = new double[10];
            for (int i = 0; i < count.length; i++) {
                long t0 = System.nanoTime();
                get(http, base + "/api/v1/cases?limit=50&q=no-such-text-" + i, token);
                count[i] = (System.nanoTime() - t0) / 1e6;
            }
            String[] names = {"no filter", "state+district", "overdue+open", "department+state", "street+month",
                "district by deadline"};
            for (int f = 0; f < names.length; f++) {
                List<Double> one = new ArrayList<>();
                for (int i = f; i < ms.length; i += names.length) {
                    one.add(ms[i]);
                }
                one.sort(null);
                OUT.printf("  %-22s p50 %8.1f ms  max %8.1f ms%n", names[f], one.get(one.size() / 2), one.get(one.size() - 1));
            }
            Arrays.sort(ms);
            double p50 = ms[ms.length / 2];
            double p95 = ms[(int) (ms.length * 0.95)];
            OUT.printf("case list over %,d cases (HTTP, limit 50, 6 typical filter sets, %d queries): p50 %.1f ms, p95 %.1f ms%n",
                    n, ms.length, p50, p95);
            {
                Arrays.sort(count);
                OUT.printf("baseline unindexed query (full-scan text filter, same endpoint): p50 %.1f ms%n", count[count.length / 2]);
                OUT.printf("ratio list p50 / unindexed p50 %.4f, list p95 / unindexed p50 %.4f%n%n", p50 / count[count.length / 2],
                        p95 / count[count.length / 2]);
            }
        } finally {
            s.stop();
        }
    }

    private static long countCases(PlatformServer s, Path dir) {
        return s.cases().count();
    }

    private static JsonNode get(HttpClient http, String url, String token) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " → " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private static void load(PlatformServer s, int n) {
        Random rnd = new Random(42);
        Instant start = Instant.parse("2024-11-25T00:00:00Z");
        long span = Duration.ofDays(730).toMillis();
        List<Cases.ImportedCase> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String state = STATES[rnd.nextInt(STATES.length)];
            // chronological, as history is: index inserts then append instead of landing all over the tree
            Instant reported = start.plusMillis(span / n * i + rnd.nextInt(1000));
            boolean dispatched = !List.of("reported", "filed", "cancelled").contains(state);
            Instant disp = dispatched ? reported.plusSeconds(1800) : null;
            int district = rnd.nextInt(4);
            String street = DISTRICTS[district] + "0" + String.format("%02d", rnd.nextInt(10) + 1);
            boolean closed = "closed".equals(state);
            batch.add(new Cases.ImportedCase(null, state, "inspector", "event", "06", "06010", 113.8 + rnd.nextDouble() * 0.2,
                    35.24 + rnd.nextDouble() * 0.1, DISTRICTS[district], street, street + "0" + String.format("%02d", rnd.nextInt(20) + 1),
                    null, null, "路" + rnd.nextInt(500) + "号", "暴露垃圾 " + i, "normal", null, null,
                    dispatched ? "D0" + (rnd.nextInt(9) + 1) : null, reported, dispatched ? reported.plusSeconds(900) : null, disp,
                    closed ? disp.plusSeconds(7200) : null, closed ? disp.plusSeconds(20000) : null, null,
                    dispatched ? 1 : null, dispatched ? "work_day" : null, 0, 0, 0, closed ? Boolean.TRUE : null,
                    closed ? Boolean.TRUE : null));
            if (batch.size() == 20_000) {
                s.caseImporter().importCases(batch, "bench");
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            s.caseImporter().importCases(batch, "bench");
        }
    }

    // ---- 3. SSE fan-out ------------------------------------------------------------------------------

    private static void sse(Path dir) throws Exception {
        PlatformServer s = start(PlatformServer.embeddedUrl(dir), dir);
        try {
            String base = "http://127.0.0.1:" + s.port();
            String token = s.auth().login(new Auth.LoginRequest("wall", PlatformServer.DEMO_PASSWORD), "127.0.0.1").token();
            int subscribers = 100;
            int events = 200;
            ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
            CountDownLatch ready = new CountDownLatch(subscribers);
            CountDownLatch done = new CountDownLatch(subscribers);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            List<InputStream> streams = new ArrayList<>();
            for (int i = 0; i < subscribers; i++) {
                HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/events"))
                        .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("subscribe → " + r.statusCode());
                }
                streams.add(r.body());
                Thread t = new Thread(() -> readEvents(r.body(), events, latencies, ready, done), "sub-" + i);
                t.setDaemon(true);
                t.start();
            }
            ready.await();
            Random rnd = new Random(3);
            for (int i = 0; i < events; i++) {
                s.cases().create(INSPECTOR, report(rnd));
                Thread.sleep(10);
            }
            done.await();
            for (InputStream in : streams) {
                in.close();
            }
            double[] lat = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double[] rtt = new double[1000];
            for (int i = 0; i < rtt.length; i++) {
                long t0 = System.nanoTime();
                http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/health")).build(), HttpResponse.BodyHandlers.ofString());
                rtt[i] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(rtt);
            double p99 = lat[(int) (lat.length * 0.99)];
            double rttP99 = rtt[(int) (rtt.length * 0.99)];
            OUT.printf("SSE %d subscribers × %d events: latency p50 %.1f ms, p99 %.1f ms (%d samples)%n", subscribers, events,
                    lat[lat.length / 2], p99, lat.length);
            OUT.printf("baseline loopback HTTP round trip (GET /health): p50 %.2f ms, p99 %.2f ms%n", rtt[rtt.length / 2], rttP99);
            OUT.printf("ratio SSE p99 / round-trip p99 %.1f%n", p99 / rttP99);
        } finally {
            s.stop();
        }
    }

    private static void readEvents(InputStream in, int expected, ConcurrentLinkedQueue<Double> out, CountDownLatch ready,
                                   CountDownLatch done) {
        boolean[] signalled = {false};
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int got = 0;
            for (String line; got < expected && (line = r.readLine()) != null; ) {
                if (!signalled[0] && line.startsWith(":")) {
                    ready.countDown();
                    signalled[0] = true;
                } else if (line.startsWith("data:")) {
                    long now = System.currentTimeMillis();
                    // the envelope's "at" (server clock at append); found by text so the reader stays cheap
                    int i = line.indexOf("\"at\":\"") + 6;
                    long at = Instant.parse(line.substring(i, line.indexOf('"', i))).toEpochMilli();
                    out.add((double) (now - at));
                    got++;
                }
            }
        } catch (Exception e) {
            if (!(e instanceof java.io.IOException)) {
                OUT.println("subscriber failed: " + e);
            }
        } finally {
            if (!signalled[0]) {
                ready.countDown();
            }
            done.countDown();
        }
    }

}
