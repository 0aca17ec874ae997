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
                int baseline = new GeoJsonImporter().read(geojson.toString()).features().size();
                long base1 = System.nanoTime();
                if (read < count || again != read || !warm.downloaded().isEmpty() || !cold.failed().isEmpty()) {
                    throw new IllegalStateException("layers not opened whole: cold " + cold + " read " + read
                            + ", warm " + warm + " read " + again);
                }
                LOG.info("CityMapBench {} parts: cold {} ms ({} downloaded, {} read), warm {} ms ({} current, {} read), "
                                + "baseline GeoJsonImporter {} ms ({} read); warm/baseline {}",
                        count, (cold1 - t0) / 1_000_000, cold.downloaded().size(), read, (warm1 - cold1) / 1_000_000,
                        warm.current().size(), again, (base1 - warm1) / 1_000_000, baseline,
                        String.format("%.3f", (double) (warm1 - cold1) / (base1 - warm1)));
            }
        }
    }

    private static List<?> model(Messages messages, GeoStore store, CacheDatabase db) {
        CacheMeta meta = new CacheMeta(db);
        CityMapViewModel model = new CityMapViewModel(messages, new ReferenceHolder(meta), store, null,
                new CaseCache(db), meta, Runnable::run, Runnable::run, java.time.Clock.systemUTC());
        model.open();
        return model.geographyProperty().get().parts();
    }
}
