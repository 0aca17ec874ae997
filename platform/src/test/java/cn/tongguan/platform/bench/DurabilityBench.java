package cn.tongguan.platform.bench;

import cn.tongguan.platform.PlatformConfig;
import cn.tongguan.platform.PlatformServer;
import cn.tongguan.platform.storage.Durability;
import cn.tongguan.platform.support.TinyJpegGrabber;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What "durable before acknowledged" costs (docs/benchmarks.md, "Durable writes"): reports/s POSTed over HTTP by N
 * concurrent clients (each with an Idempotency-Key and a clientId, as seats send them) to a platform on an H2 file,
 * for the three {@link Durability} modes, each as a ratio to {@link Durability#LAZY} (the old behaviour, which a
 * kill -9 loses the last few hundred milliseconds of) measured in the same run.
 * Run: {@code platform/scripts/bench-durability.sh [--clients 1,16] [--seconds 10] [--rounds 3] [--data DIR]}.
 */
public final class DurabilityBench {
    private static final PrintStream OUT = System.out;
    private static final ObjectMapper JSON = cn.tongguan.api.Json.newMapper();

    private DurabilityBench() {
    }

    public static void main(String[] args) throws Exception {
        int[] clients = {1, 16};
        int seconds = 10;
        int rounds = 3;
        Path data = Path.of("platform/target/bench-durability");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--clients" -> clients = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--data" -> data = Path.of(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException(args[i]);
            }
        }
        // The machine is shared: the modes run interleaved, round after round, and each ratio is taken within a round
        // (the median of the rounds is printed).
        OUT.printf(Locale.ROOT, "%-11s %8s %6s %12s %10s %10s %8s%n", "mode", "clients", "round", "reports/s", "p50 ms",
                "p99 ms", "ratio");
        for (int n : clients) {
            Map<Durability, List<Double>> ratios = new java.util.EnumMap<>(Durability.class);
            for (int round = 1; round <= rounds; round++) {
                double lazy = 0;
                for (Durability mode : List.of(Durability.LAZY, Durability.PER_COMMIT, Durability.GROUP)) {
                    Result r = run(mode, n, seconds, data.resolve(mode.name().toLowerCase(Locale.ROOT) + "-" + n));
                    if (mode == Durability.LAZY) {
                        lazy = r.perSecond();
                    }
                    ratios.computeIfAbsent(mode, m -> new ArrayList<>()).add(r.perSecond() / lazy);
                    OUT.printf(Locale.ROOT, "%-11s %8d %6d %12.0f %10.1f %10.1f %8.2f%n", mode, n, round, r.perSecond(),
                            r.p50(), r.p99(), r.perSecond() / lazy);
                }
            }
            ratios.forEach((mode, list) -> OUT.printf(Locale.ROOT, "median ratio %-11s %3d clients: %.2f%n", mode, n,
                    list.stream().sorted().toList().get(list.size() / 2)));
        }
    }

    record Result(double perSecond, double p50, double p99) {
    }

    private static Result run(Durability mode, int clients, int seconds, Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(dir);
        PlatformServer s = new PlatformServer(new PlatformConfig("127.0.0.1", 0, null, null, null, dir, Duration.ofHours(8),
                10L << 20, 1L << 20, true, null), java.time.Clock.systemUTC(), TinyJpegGrabber.working(), mode);
        s.start();
        try {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String base = "http://127.0.0.1:" + s.port();
            String token = login(http, base);
            // Warm up (JIT, caches), then measure.
            load(http, base, token, clients, 3);
            return load(http, base, token, clients, seconds);
        } finally {
            s.stop();
        }
    }

    private static Result load(HttpClient http, String base, String token, int clients, int seconds) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<List<Long>> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            List<Long> mine = new ArrayList<>();
            latencies.add(mine);
            Thread t = new Thread(() -> {
                while (!stop.get()) {
                    long t0 = System.nanoTime();
                    int status = post(http, base, token);
                    if (status == 201) {
                        mine.add(System.nanoTime() - t0);
                    }
                }
            });
            threads.add(t);
        }
        long start = System.nanoTime();
        threads.forEach(Thread::start);
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] all = latencies.stream().flatMap(List::stream).mapToLong(Long::longValue).sorted().toArray();
        if (all.length == 0) {
            return new Result(0, 0, 0);
        }
        return new Result(all.length / elapsed, all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6);
    }

    private static int post(HttpClient http, String base, String token) {
        try {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("source", "inspector");
            body.put("kind", "event");
            body.put("bigCode", "06");
            body.put("smallCode", "06010");
            body.put("lng", 113.88);
            body.put("lat", 35.30);
            body.put("description", "暴露垃圾");
            body.put("clientId", UUID.randomUUID().toString());
            HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/v1/cases"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
            return http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String login(HttpClient http, String base) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"inspector\",\"password\":\"tongguan\"}")).build();
        return JSON.readTree(http.send(req, HttpResponse.BodyHandlers.ofString()).body()).get("token").asText();
    }
}
