package cn.tongguan.democity.bench;

import cn.tongguan.democity.CodeTables;
import cn.tongguan.democity.DemoCity;
import cn.tongguan.democity.DemoCityGenerator;
import cn.tongguan.democity.load.DemoCityLoader;
import cn.tongguan.platform.PlatformConfig;
import cn.tongguan.platform.PlatformServer;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 15's figures for the served geography: generates the full demo city (timed), loads its reference data
 * (and 2,000 cases) into an embedded H2 platform, then fetches every layer of {@code /api/v1/geo/*} over loopback
 * HTTP at each zoom: bytes, bytes after gzip, time, and the time of a 304 revalidation; the baseline in the same
 * run is {@code /api/v1/parts/all} (full part records as NDJSON). Prints a Markdown table.
 * <pre>democity/geo-bench.sh [WORK_DIR]</pre>
 */
public final class GeoBench {
    private static final Logger LOG = LoggerFactory.getLogger(GeoBench.class);

    private GeoBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/geo-bench");
        DemoCityBench.delete(dir);
        Files.createDirectories(dir);
        long start = System.nanoTime();
        DemoCity city = new DemoCityGenerator().generate(20210721L, DemoCityGenerator.PARTS, DemoCityGenerator.DEFAULT_CAMERA_URL);
        long generated = (System.nanoTime() - start) / 1_000_000;
        Instant end = Instant.parse("2026-11-24T16:00:00Z");
        Clock clock = Clock.fixed(end, ZoneOffset.UTC);
        PlatformServer platform = new PlatformServer(new PlatformConfig("127.0.0.1", 0, null, null, null, dir,
                Duration.ofHours(1), 10L << 20, 1L << 20, true, null), clock);
        platform.start();
        List<String> rows = new ArrayList<>();
        List<String> wire = new ArrayList<>();
        try {
            DemoCityLoader.Report report = new DemoCityLoader(platform).load(city, CodeTables.load(),
                    LocalDate.of(2026, 11, 1), end, 2_000);
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + platform.port();
            String token = login(http, base);
            List<String> paths = new ArrayList<>();
            for (String level : List.of("district", "street", "community")) {
                for (String zoom : List.of("", "&zoom=10", "&zoom=12", "&zoom=14")) {
                    paths.add("/api/v1/geo/divisions?level=" + level + zoom);
                }
            }
            for (String kind : List.of("road", "water", "rail")) {
                for (String zoom : List.of("", "&zoom=10", "&zoom=13", "&zoom=14")) {
                    paths.add("/api/v1/geo/lines?kind=" + kind + zoom);
                }
            }
            paths.add("/api/v1/geo/parts");
            paths.add("/api/v1/parts/all");
            rows.add("| layer | bytes | gzip | first fetch | second fetch | 304 revalidation |");
            rows.add("|---|---|---|---|---|---|");
            for (String path : paths) {
                rows.add(measure(http, base, token, path));
            }
            for (String path : List.of("/api/v1/geo/parts", "/api/v1/parts/all", "/api/v1/geo/divisions?level=community")) {
                // What travels when the client asks for gzip (OkHttp, the console's client, always does).
                long t0 = System.nanoTime();
                HttpResponse<byte[]> gz = http.send(HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", "Bearer " + token).header("Accept-Encoding", "gzip").build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                wire.add(String.format(Locale.ROOT, "%s with Accept-Encoding: gzip → Content-Encoding %s, %,d bytes on the "
                        + "wire in %d ms", path, gz.headers().firstValue("Content-Encoding").orElse("none"), gz.body().length,
                        (System.nanoTime() - t0) / 1_000_000));
            }
            LOG.info("RESULT generated the full city in {} ms ({} lines of the map, {} grids, {} parts); loaded reference "
                    + "data in {} ms", generated, city.lines().size(), city.grids().size(), report.parts(), report.referenceMillis());
        } finally {
            platform.stop();
        }
        rows.forEach(r -> LOG.info("RESULT {}", r));
        wire.forEach(r -> LOG.info("RESULT {}", r));
        DemoCityBench.delete(dir);
    }

    private static String login(HttpClient http, String base) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"wall\",\"password\":\"tongguan\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    private static String measure(HttpClient http, String base, String token, String path) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token);
        long t0 = System.nanoTime();
        HttpResponse<byte[]> first = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        long t1 = System.nanoTime();
        HttpResponse<byte[]> second = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        long t2 = System.nanoTime();
        String etag = first.headers().firstValue("ETag").orElse(null);
        String revalidation = "—";
        if (etag != null) {
            long t3 = System.nanoTime();
            HttpResponse<byte[]> again = http.send(b.header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofByteArray());
            revalidation = again.statusCode() + " in " + (System.nanoTime() - t3) / 1_000_000 + " ms";
        }
        if (first.statusCode() != 200 || second.body().length != first.body().length) {
            throw new IllegalStateException(path + " → " + first.statusCode());
        }
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(first.body());
        }
        return String.format(Locale.ROOT, "| `%s` | %,d | %,d | %d ms | %d ms | %s |", path, first.body().length,
                zipped.size(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, revalidation);
    }
}
