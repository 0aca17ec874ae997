package cn.tongguan.console.bench;

import cn.tongguan.api.Reference;
import cn.tongguan.console.cache.CacheDatabase;
import cn.tongguan.console.cache.CacheMeta;
import cn.tongguan.console.cache.CaseCache;
import cn.tongguan.console.cache.GeoStore;
import cn.tongguan.console.cache.ReferenceHolder;
import cn.tongguan.console.citymap.CityMapViewModel;
import cn.tongguan.console.i18n.Messages;
import cn.tongguan.console.support.SmallCity;
import cn.tongguan.console.support.TestPlatform;
import cn.tongguan.console.sync.GeoClient;
import cn.tongguan.console.sync.GeoSync;
import cn.tongguan.map.GeoJsonImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opening the seat's 一张图 layers cold (every layer downloaded into an empty cache, then read) and warm (every
 * layer 304, read from the cache), with {@code -Dcitymap.parts=} parts (default 629,724) on a real platform; the
 * baseline of the same run is {@link GeoJsonImporter} reading the same parts as one GeoJSON text (the path the
 * issue measured). Not part of {@code mvn verify}; see docs/benchmarks.md.
 */
public final class CityMapBench {
    private static final Logger LOG = LoggerFactory.getLogger(CityMapBench.class);

    private CityMapBench() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.getInteger("citymap.parts", 629_724);
        Path dir = Files.createTempDirectory("citymap-bench");
        try (TestPlatform platform = new TestPlatform(dir.resolve("platform")).start()) {
            SmallCity.load(platform);
            String[] classes = {"01002", "01037", "04002", "01001", "02005", "03001", "05007", "06002"};
            List<Reference.Part> parts = new ArrayList<>(count);
            StringBuilder geojson = new StringBuilder(count * 120).append("{\"type\":\"FeatureCollection\",\"features\":[");
            for (int i = 0; i < count; i++) {
                String cls = classes[i % classes.length];
                double lng = SmallCity.WEST + (i % 800) * 0.0001;
                double lat = SmallCity.SOUTH + (i / 800) * 0.00005;
                String code = String.format("410702%s%06d", cls, i);
                parts.add(new Reference.Part(code, cls, "部件" + cls, lng, lat, null, "D01", "完好", "平原路", i + 1));
                geojson.append(i > 0 ? "," : "").append("{\"type\":\"Feature\",\"properties\":{\"code\":\"").append(code)
                        .append("\",\"class\":\"部件").append(cls).append("\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[")
                        .append(lng).append(',').append(lat).append("]}}");
            }
            geojson.append("]}");
            platform.referenceData().upsertParts(parts);
            parts.clear();
            Messages messages = Messages.load(Locale.SIMPLIFIED_CHINESE);
            try (CacheDatabase db = CacheDatabase.open(dir.resolve("console"))) {
                GeoStore store = new GeoStore(db);
                GeoClient client = new GeoClient(platform.client("dispatcher"));
                long t0 = System.nanoTime();
                GeoSync.Outcome cold = new GeoSync(client, store).refresh();
                int read = model(messages, store, db).size();
                long cold1 = System.nanoTime();
                GeoSync.Outcome warm = new GeoSync(client, store).refresh();
                int again = model(messages, store, db).size();
                long warm1 = System.nanoTime();
                long second = secondConsole(client, dir, messages, count);
                breakdown(client, platform, dir, messages);
                long breakdown1 = System.nanoTime();
                int baseline = new GeoJsonImporter().read(geojson.toString()).features().size();
                long base1 = System.nanoTime() - (breakdown1 - warm1);
                if (read < count || again != read || !warm.downloaded().isEmpty() || !cold.failed().isEmpty()) {
                    throw new IllegalStateException("layers not opened whole: cold " + cold + " read " + read
                            + ", warm " + warm + " read " + again);
                }
                LOG.info("CityMapBench {} parts: cold (first console, the platform builds the layer) {} ms ({} downloaded, "
                                + "{} read), warm {} ms ({} current, {} read), cold (another console) {} ms, "
                                + "baseline GeoJsonImporter {} ms ({} read); warm/baseline {}, cold/baseline {}",
                        count, (cold1 - t0) / 1_000_000, cold.downloaded().size(), read, (warm1 - cold1) / 1_000_000,
                        warm.current().size(), again, second, (base1 - warm1) / 1_000_000, baseline,
                        String.format("%.3f", (double) (warm1 - cold1) / (base1 - warm1)),
                        String.format("%.3f", (double) (cold1 - t0) / (base1 - warm1)));
            }
        }
    }

    /** A second console opening cold against the same platform (the layer's bytes already built there), in ms. */
    private static long secondConsole(GeoClient client, Path dir, Messages messages, int count) {
        try (CacheDatabase db = CacheDatabase.open(dir.resolve("console2"))) {
            GeoStore store = new GeoStore(db);
            long t0 = System.nanoTime();
            GeoSync.Outcome outcome = new GeoSync(client, store).refresh();
            int read = model(messages, store, db).size();
            long ms = ms(System.nanoTime() - t0);
            if (read < count || !outcome.failed().isEmpty()) {
                throw new IllegalStateException("second console: " + outcome + " read " + read);
            }
            return ms;
        }
    }

    /**
     * Where a cold open's time goes, each stage measured on its own (each includes the ones before it, so the
     * differences are the stage's): the platform's answer read and thrown away, then decoded, then stored, then
     * read back, then turned into features.
     */
    private static void breakdown(GeoClient client, TestPlatform platform, Path dir, Messages messages) throws Exception {
        cn.tongguan.console.sync.PlatformClient raw = platform.client("dispatcher");
        long s0 = System.nanoTime();
        long streamed;
        // With a limit the platform reads the table and writes the columns per request: what every whole-layer
        // request cost before the layer's bytes were kept per version (ADR 0131).
        try (okhttp3.Response r = raw.http().newCall(new okhttp3.Request.Builder()
                .url(raw.base().resolve("/api/v1/geo/parts?limit=1000000").toString()).build()).execute()) {
            streamed = r.body().source().readAll(okio.Okio.blackhole());
        }
        long s1 = System.nanoTime();
        LOG.info("CityMapBench parts served per request (streamed from the table, as before) {} bytes in {} ms",
                streamed, ms(s1 - s0));
        long t0 = System.nanoTime();
        long bytes;
        try (okhttp3.Response r = raw.http().newCall(new okhttp3.Request.Builder().url(raw.base().resolve("/api/v1/geo/parts").toString()).build())
                .execute()) {
            bytes = r.body().source().readAll(okio.Okio.blackhole());
        }
        long t1 = System.nanoTime();
        long[] decoded = {0};
        client.parts(null, (etag, parts) -> parts.accept(p -> decoded[0]++));
        long t2 = System.nanoTime();
        try (CacheDatabase db = CacheDatabase.open(dir.resolve("breakdown"))) {
            GeoStore store = new GeoStore(db);
            client.parts(null, store::replaceParts);
            long t3 = System.nanoTime();
            long[] back = {0};
            store.parts(p -> back[0]++);
            long t4 = System.nanoTime();
            for (String layer : GeoSync.GEOJSON_LAYERS) {
                store.put(layer, null, client.geoJson(GeoSync.route(layer), null).body());
            }
            store.put(GeoSync.GRIDS, null, client.geoJson("/api/v1/grids", null).body());
            long t5 = System.nanoTime();
            int features = model(messages, store, db).size();
            long t6 = System.nanoTime();
            LOG.info("CityMapBench cold breakdown: parts served+sent ({} bytes decompressed) {} ms; +decoded ({}) {} ms; "
                            + "+stored {} ms; read back ({}) {} ms; GeoJSON layers downloaded+stored {} ms; "
                            + "all layers read into features ({}) {} ms",
                    bytes, ms(t1 - t0), decoded[0], ms(t2 - t1), ms(t3 - t2), back[0], ms(t4 - t3), ms(t5 - t4), features,
                    ms(t6 - t5));
        }
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private static List<?> model(Messages messages, GeoStore store, CacheDatabase db) {
        CacheMeta meta = new CacheMeta(db);
        CityMapViewModel model = new CityMapViewModel(messages, new ReferenceHolder(meta), store, null,
                new CaseCache(db), meta, Runnable::run, Runnable::run, java.time.Clock.systemUTC());
        model.open();
        return model.geographyProperty().get().parts();
    }
}
