package cn.tongguan.console.bench;

import cn.tongguan.api.Cases;
import cn.tongguan.api.Json;
import cn.tongguan.console.cache.CacheDatabase;
import cn.tongguan.console.cache.CacheMeta;
import cn.tongguan.console.cache.CaseCache;
import cn.tongguan.console.queue.QueueQuery;
import cn.tongguan.console.queue.QueueTab;
import cn.tongguan.console.cache.ReferenceHolder;
import cn.tongguan.console.i18n.Labels;
import cn.tongguan.console.i18n.Messages;
import cn.tongguan.console.queue.QueueRow;
import cn.tongguan.console.queue.QueueViewModel;
import cn.tongguan.console.support.TestPlatform;
import cn.tongguan.console.sync.PlatformClient;
import cn.tongguan.console.sync.SyncBus;
import cn.tongguan.console.sync.SyncEngine;
import com.fasterxml.jackson.databind.MappingIterator;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's sync and cache benchmarks (docs/benchmarks.md, "Console sync and cache"), each against a
 * baseline measured in the same run. Not part of {@code mvn verify}; see the command in the docs.
 * Argument: number of cases (default 1,000,000).
 */
public final class ConsoleBench {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleBench.class);

    private ConsoleBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = Files.createTempDirectory("console-bench");
        Instant now = Instant.now();
        Path ndjson = dir.resolve("snapshot.ndjson");
        long t = System.nanoTime();
        SyntheticSnapshot.write(ndjson, n, now);
        LOG.info("BENCH synthetic snapshot: {} cases, {} MB, written in {} ms", n, Files.size(ndjson) >> 20, ms(t));

        HttpServer server = serve(ndjson);
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofMinutes(5)).build();
        PlatformClient client = new PlatformClient(http, base);

        // 1. Initial fill: baseline = the same download and JSON parsing without storing.
        t = System.nanoTime();
        long parsed = parseOnly(http, base);
        long baselineFill = ms(t);
        Path cacheDir = dir.resolve("cache");
        CacheDatabase db = CacheDatabase.open(cacheDir);
        CaseCache cases = new CaseCache(db);
        t = System.nanoTime();
        long filled = new cn.tongguan.console.sync.SnapshotLoader(client, cases).load(cn.tongguan.console.sync.SnapshotLoader.Progress.none()) >= 0
                ? cases.count() : 0;
        long fillMs = ms(t);
        LOG.info("BENCH fill: {} cases into the cache in {} ms; baseline (download + parse only, {} cases) {} ms; "
                + "ratio {}", filled, fillMs, parsed, baselineFill, ratio(fillMs, baselineFill));
        server.stop(0);

        // 2. Queue queries: the refresh of the queue (rows + counts per tab) for typical filters.
        CacheMeta meta = new CacheMeta(db);
        meta.put(CacheMeta.SNAPSHOT_DONE, now.toString());
        queries(cases, now.toEpochMilli());

        // 3. Event at the platform → row in the queue's view model, over the filled cache.
        eventLatency(dir, db, cases, meta);
        db.close();

        // 4. Cold start with the warm cache: open, first rows and counts; baseline = the same on an empty cache.
        long warm = coldStart(cacheDir);
        long empty = coldStart(dir.resolve("empty-cache"));
        LOG.info("BENCH cold start to usable queue: {} ms with {} cached cases; baseline (empty cache) {} ms; ratio {}",
                warm, n, empty, ratio(warm, empty));
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        LOG.info("BENCH done");
    }

    private static HttpServer serve(Path ndjson) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/cases/snapshot", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/x-ndjson");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                Files.copy(ndjson, out);
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread thread = new Thread(r, "bench-http");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        return server;
    }

    private static long parseOnly(OkHttpClient http, URI base) throws Exception {
        Request request = new Request.Builder().url(base.resolve("/api/v1/cases/snapshot").toString()).build();
        long count = 0;
        try (Response response = http.newCall(request).execute()) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(response.body().byteStream(),
                    StandardCharsets.UTF_8), 1 << 16);
            reader.readLine();
            try (MappingIterator<Cases.Case> items = Json.newMapper().readerFor(Cases.Case.class).readValues(reader)) {
                while (items.hasNextValue()) {
                    items.nextValue();
                    count++;
                }
            }
        }
        return count;
    }

    private static void queries(CaseCache cases, long now) {
        List<QueueQuery> typical = new ArrayList<>();
        for (QueueTab tab : QueueTab.values()) {
            if (tab != QueueTab.ALL) {
                typical.add(QueueQuery.of(tab));
                typical.add(new QueueQuery(tab, null, null, "410702", null, null, null, null, null, null,
                        QueueQuery.Sort.DEADLINE_ASC, 1000));
                typical.add(new QueueQuery(tab, "hotline_12319", null, null, null, null, null, "D03", null, null,
                        null, 1000));
                typical.add(new QueueQuery(tab, null, null, null, null, null, null, null, "red", null, null, 1000));
            }
        }
        typical.add(new QueueQuery(QueueTab.ALL, null, null, null, null, null, null, null, null,
                "2025" + String.format("%010d", 123_456), null, 1000));
        typical.add(new QueueQuery(QueueTab.ALL, null, null, "410703", null, null, null, null, null, null, null, 1000));
        Random random = new Random(7);
        for (int i = 0; i < 50; i++) {          // warm-up
            run(cases, typical.get(random.nextInt(typical.size())), now);
        }
        int rounds = 400;
        long[] times = new long[rounds];
        long[] rowsOnly = new long[rounds];
        long[] lookups = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            QueueQuery q = typical.get(random.nextInt(typical.size()));
            long t = System.nanoTime();
            cases.queue(q, now);
            rowsOnly[i] = System.nanoTime() - t;
            cases.counts(q, now);
            times[i] = System.nanoTime() - t;
            t = System.nanoTime();
            cases.find(SyntheticSnapshot.FIRST_ID + random.nextInt(1000));
            lookups[i] = System.nanoTime() - t;
        }
        LOG.info("BENCH queue filter/sort (rows ≤ 1000) over {} cases, {} typical queries × {}: p50 {} ms, p95 {} ms, "
                        + "max {} ms; whole refresh (rows + tab counts) p50 {} ms, p95 {} ms; baseline (primary-key "
                        + "read) p95 {} ms; ratio p95 {}", cases.count(), typical.size(), rounds, pct(rowsOnly, 50),
                pct(rowsOnly, 95), pct(rowsOnly, 100), pct(times, 50), pct(times, 95), pct(lookups, 95),
                ratio(pct(rowsOnly, 95), pct(lookups, 95)));
    }

    private static void run(CaseCache cases, QueueQuery q, long now) {
        cases.queue(q, now);
        cases.counts(q, now);
    }

    private static void eventLatency(Path dir, CacheDatabase db, CaseCache cases, CacheMeta meta) throws Exception {
        try (TestPlatform platform = new TestPlatform(dir.resolve("platform")).start()) {
            PlatformClient operator = platform.client("operator");
            ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor();
            SyncBus bus = new SyncBus();
            ReferenceHolder reference = new ReferenceHolder(meta);
            TestPlatform.SignedIn dispatcher = platform.signIn("dispatcher");
            SyncEngine engine = new SyncEngine(dispatcher.client(), dispatcher.session(), cases, meta, reference, worker, bus,
                    Clock.systemUTC());
            var background = Executors.newFixedThreadPool(2);
            QueueViewModel queue = new QueueViewModel(new Labels(Messages.load(Locale.SIMPLIFIED_CHINESE)), cases, meta,
                    reference, background, Runnable::run, Clock.systemUTC());
            // Platform ids are small and grow; the synthetic ones start at 10,000,000: a new row is one above the last.
            AtomicLong lastId = new AtomicLong(0);
            AtomicLong visibleAt = new AtomicLong();
            CountDownLatch[] seen = {new CountDownLatch(1)};
            queue.rowsProperty().addListener((o, a, rows) -> {
                for (QueueRow r : rows) {
                    if (r.id() > lastId.get() && r.id() < SyntheticSnapshot.FIRST_ID) {
                        visibleAt.set(System.currentTimeMillis());
                        seen[0].countDown();
                        break;
                    }
                }
            });
            bus.add(queue);
            queue.start();
            engine.start();
            while (engine.status().phase() != cn.tongguan.console.sync.SyncStatus.Phase.LIVE) {
                Thread.sleep(20);
            }
            int events = 200;
            long[] latency = new long[events];
            long[] fromEvent = new long[events];
            long[] post = new long[events];
            for (int i = -20; i < events; i++) {
                seen[0] = new CountDownLatch(1);
                long t = System.nanoTime();
                Cases.Case c = platform.report(operator, "bench " + i);
                long posted = System.nanoTime() - t;
                if (!seen[0].await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("event " + i + " never reached the queue");
                }
                if (i >= 0) {
                    latency[i] = System.nanoTime() - t;
                    post[i] = posted;
                    // The event is stamped with the case's update time (platform clock = this JVM's clock).
                    fromEvent[i] = (visibleAt.get() - c.updatedAt().toEpochMilli()) * 1_000_000;
                }
                lastId.set(c.id());
                Thread.sleep(10);
            }
            LOG.info("BENCH event → row in the queue view model ({} cached cases, {} events): from the event's time "
                    + "p50 {} ms, p99 {} ms; from the start of the report's POST p50 {} ms, p99 {} ms; baseline (the "
                    + "POST round trip alone) p50 {} ms, p99 {} ms; ratio p99 (from POST / POST) {}", cases.count(),
                    events, pct(fromEvent, 50), pct(fromEvent, 99), pct(latency, 50), pct(latency, 99), pct(post, 50),
                    pct(post, 99), ratio(pct(latency, 99), pct(post, 99)));
            engine.close();
            worker.shutdownNow();
            background.shutdownNow();
        }
    }

    private static long coldStart(Path cacheDir) throws Exception {
        long t = System.nanoTime();
        CacheDatabase db = CacheDatabase.open(cacheDir);
        CaseCache cases = new CaseCache(db);
        CacheMeta meta = new CacheMeta(db);
        QueueViewModel queue = new QueueViewModel(new Labels(Messages.load(Locale.SIMPLIFIED_CHINESE)), cases, meta,
                new ReferenceHolder(meta), Runnable::run, Runnable::run, Clock.systemUTC());
        queue.start();
        long elapsed = ms(t);
        LOG.info("BENCH cold start detail: {} rows shown from {}", queue.rowsProperty().get().size(), cacheDir);
        db.close();
        return elapsed;
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static double pct(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
        return Math.round(sorted[Math.max(0, index)] / 10_000.0) / 100.0;
    }

    private static String ratio(double value, double baseline) {
        return baseline <= 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", value / baseline);
    }
}
