package cn.tongguan.platform.bench;

import cn.tongguan.api.Reference;
import cn.tongguan.platform.PlatformConfig;
import cn.tongguan.platform.PlatformServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Lifeline (docs/benchmarks.md, "Lifeline (issue 8)"): a reading that crosses a threshold, from the start of its
 * POST to the {@code alarm.raised} event read by an SSE subscriber, p50/p99 over N crossings (each followed by a
 * reading that clears it), against the round trip of a plain reading POST that crosses nothing, measured in the
 * same run on the same platform (H2 file). Run: {@code platform/scripts/bench-lifeline.sh [--crossings N]}.
 */
public final class LifelineBench {
    private static final PrintStream OUT = System.out;
    private static final ObjectMapper JSON = cn.tongguan.api.Json.newMapper();
    private static final int SENSORS = 50;

    private LifelineBench() {
    }

    public static void main(String[] args) throws Exception {
        int crossings = 2_000;
        Path data = Path.of("target/bench-lifeline");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--crossings" -> crossings = Integer.parseInt(args[++i]);
                case "--data" -> data = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (Files.exists(data)) {
            try (Stream<Path> walk = Files.walk(data)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(data);
        PlatformServer server = new PlatformServer(new PlatformConfig("127.0.0.1", 0, null, null, null, data, null,
                10L << 20, 1L << 20, true, null), Clock.systemUTC(), (url, timeout) -> {
                    throw new java.io.IOException("no camera in the bench");
                });
        server.start();
        try {
            List<Reference.Sensor> sensors = new ArrayList<>();
            for (int i = 0; i < SENSORS; i++) {
                sensors.add(new Reference.Sensor(String.format("B%03d", i), "waterlogging", "bench", 113.80 + i * 0.002, 35.30,
                        "cm", null, null, null));
            }
            server.referenceData().upsertSensors(sensors);
            run(server.port(), crossings);
        } finally {
            server.stop();
        }
    }

    private static void run(int port, int crossings) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String base = "http://127.0.0.1:" + port;
        String admin = login(http, base, "admin");
        BlockingQueue<JsonNode> raised = new LinkedBlockingQueue<>();
        HttpRequest sseReq = HttpRequest.newBuilder(URI.create(base + "/api/v1/events"))
                .header("Authorization", "Bearer " + login(http, base, "wall")).header("Accept", "text/event-stream").build();
        Thread reader = new Thread(() -> {
            try {
                String[] event = {null};
                http.send(sseReq, HttpResponse.BodyHandlers.ofLines()).body().forEach(line -> {
                    if (line.startsWith("event:")) {
                        event[0] = line.substring(6).trim();
                    } else if (line.startsWith("data:") && "alarm.raised".equals(event[0])) {
                        try {
                            raised.add(JSON.readTree(line.substring(5)).get("data"));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                });
            } catch (Exception e) {
                // the stream ends with the platform
            }
        }, "bench-sse");
        reader.setDaemon(true);
        reader.start();
        Thread.sleep(500);
        int warmup = Math.min(300, crossings / 4);
        long[] alarm = new long[crossings];
        long[] plain = new long[crossings];
        for (int i = -warmup; i < crossings; i++) {
            String sensor = String.format("B%03d", Math.floorMod(i, SENSORS));
            // Baseline: a reading that crosses nothing (stored, judged, sensor.reading sent), round trip only.
            long p0 = System.nanoTime();
            post(http, base, admin, sensor, 1.0);
            long p1 = System.nanoTime();
            // Blue at 5 cm; 8 cm also stays under the 10 cm rise rule, so no case is filed: the alarm path alone.
            long a0 = System.nanoTime();
            post(http, base, admin, sensor, 8.0);
            JsonNode a;
            do {
                a = raised.poll(10, TimeUnit.SECONDS);
                if (a == null) {
                    throw new IllegalStateException("no alarm.raised for " + sensor);
                }
            } while (!a.get("sensorId").asText().equals(sensor));
            long a1 = System.nanoTime();
            post(http, base, admin, sensor, 0.0); // clears it (below 5 − 2 cm hysteresis)
            if (i >= 0) {
                plain[i] = p1 - p0;
                alarm[i] = a1 - a0;
            }
        }
        Arrays.sort(alarm);
        Arrays.sort(plain);
        OUT.printf("Lifeline bench — %s, %d cores, H2 file, %d crossings (%d warm-up) over %d gauges%n", Instant.now(),
                Runtime.getRuntime().availableProcessors(), crossings, warmup, SENSORS);
        OUT.printf("reading POST → alarm.raised on SSE: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", ms(alarm, 0.50), ms(alarm, 0.99),
                ms(alarm, 1.0));
        OUT.printf("baseline plain reading POST round trip: p50 %.2f ms, p99 %.2f ms%n", ms(plain, 0.50), ms(plain, 0.99));
        OUT.printf("ratio alarm/baseline: p50 %.2f×, p99 %.2f×; goal p99 ≤ 1,000 ms (%s)%n", ms(alarm, 0.50) / ms(plain, 0.50),
                ms(alarm, 0.99) / ms(plain, 0.99), ms(alarm, 0.99) <= 1_000 ? "met" : "NOT met");
    }

    private static double ms(long[] sorted, double q) {
        int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }

    private static void post(HttpClient http, String base, String token, String sensor, double value) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/sensors/readings"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"sensorId\":\"" + sensor + "\",\"value\":" + value + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(r.statusCode() + " " + r.body());
        }
    }

    private static String login(HttpClient http, String base, String user) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\"tongguan\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body()).get("token").asText();
    }
}
