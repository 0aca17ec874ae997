package cn.tongguan.map.bench;

import cn.tongguan.map.Feature;
import cn.tongguan.map.FeatureLayer;
import cn.tongguan.map.MapViewState;
import cn.tongguan.map.harness.CityLayers;
import cn.tongguan.map.harness.SyntheticCity;
import cn.tongguan.map.harness.Views;
import cn.tongguan.map.harness.XinxiangData;
import cn.tongguan.map.internal.CompiledLayer;
import cn.tongguan.map.internal.Compositor;
import cn.tongguan.map.internal.Raster;
import cn.tongguan.map.internal.TileCache;
import cn.tongguan.map.internal.TileKey;
import cn.tongguan.map.internal.TileRenderer;
import cn.tongguan.map.internal.Viewport;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The renderer alone, side by side with QGIS (map-layers/scripts/qgis_compare.py renders the same files): a
 * complete 1920×1080 view after a jump at city, district and street zoom, cold (empty tile cache), on two
 * workers, for the issue-15 data set (629,724 parts, the unit grids, the 4 urban districts). Writes the data as
 * GeoJSON for QGIS and the import benchmark, and PNGs of our views for the side-by-side screenshots. No JavaFX
 * window: this measures tiles + composition, the part QGIS's render job does. Command: docs/benchmarks.md,
 * "Map rendering at real scale (issue 15)".
 */
public final class RenderCompare {
    private static final Logger LOG = LoggerFactory.getLogger(RenderCompare.class);
    private static final int WIDTH = 1920;
    private static final int HEIGHT = 1080;
    /** Untimed runs per view first: the JIT compiles the rasteriser as it would in a running console. */
    private static final int WARMUP = 3;
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();
    /** CPU nanoseconds spent on the current view by the workers and the composition. */
    private static final java.util.concurrent.atomic.AtomicLong CPU = new java.util.concurrent.atomic.AtomicLong();
    private static final int BACKGROUND = Raster.argb(javafx.scene.paint.Color.web("#0d1b2a"));
    /** Fixed, so that the generated data do not depend on when the bench runs. */
    private static final Instant DATA_TIME = Instant.parse("2026-11-25T08:00:00Z");

    private RenderCompare() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(System.getProperty("compare.out", "target/render-compare"));
        int runs = Integer.getInteger("compare.runs", 5);
        Files.createDirectories(out);
        SyntheticCity city = new SyntheticCity(42, SyntheticCity.PART_COUNT, DATA_TIME);
        List<Feature> urban = XinxiangData.urbanDistricts(city.districts);
        CityLayers styled = new CityLayers(city);
        FeatureLayer districts = new FeatureLayer("districts", "区县", urban, styled.districts.style());
        List<FeatureLayer> layers = List.of(districts, styled.grids, styled.parts);
        if (!Boolean.getBoolean("compare.noExport")) {
            export(out.resolve("districts.geojson"), urban);
            export(out.resolve("grids.geojson"), city.grids);
            export(out.resolve("parts.geojson"), city.parts);
        }
        LOG.info("data: {} parts, {} grids, {} districts", city.parts.size(), city.grids.size(), urban.size());
        List<CompiledLayer> compiled = new ArrayList<>();
        for (FeatureLayer layer : layers) {
            compiled.add(CompiledLayer.compile(layer, 0, layer.features(), CompiledLayer.Settings.of(layer)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        ThreadLocal<TileRenderer> renderers = ThreadLocal.withInitial(TileRenderer::new);
        try {
            for (String name : List.of("city", "district", "street")) {
                MapViewState view = Views.named(name);
                long[] times = new long[runs];
                long[] cpu = new long[runs];
                Raster frame = null;
                for (int run = -WARMUP; run < runs; run++) {
                    long start = System.nanoTime();
                    CPU.set(0);
                    frame = completeView(view, compiled, pool, renderers);
                    if (run >= 0) {
                        times[run] = System.nanoTime() - start;
                        cpu[run] = CPU.get();
                    }
                }
                Arrays.sort(times);
                Arrays.sort(cpu);
                // CPU time is what the machine's other load cannot inflate; wall time is what a user waits
                LOG.info(String.format(Locale.ROOT, "map-layers %s zoom %.1f: complete 1920x1080 view p50 %.1f ms,"
                        + " min %.1f ms, CPU p50 %.1f ms (%d cold runs, 2 workers)", name, view.zoom(),
                        times[runs / 2] / 1e6, times[0] / 1e6, cpu[runs / 2] / 1e6, runs));
                png(frame, out.resolve("map-layers-" + name + ".png"));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Renders every tile of a view into an empty cache on the pool, then composes the frame. */
    static Raster completeView(MapViewState view, List<CompiledLayer> layers, ExecutorService pool,
                               ThreadLocal<TileRenderer> renderers) throws Exception {
        Viewport vp = Viewport.of(view, WIDTH, HEIGHT);
        Compositor compositor = new Compositor(20);
        TileCache cache = new TileCache(512L << 20);
        Raster frame = new Raster(WIDTH, HEIGHT);
        List<TileKey> wanted = new ArrayList<>(compositor.compose(vp, frame, cache, 1, BACKGROUND, false));
        List<Future<TileCache.Tile>> tiles = new ArrayList<>();
        for (TileKey key : wanted) {
            tiles.add(pool.submit(() -> {
                long start = THREADS.getCurrentThreadCpuTime();
                TileCache.Tile tile = new TileCache.Tile(key, renderers.get().render(key, layers, BACKGROUND), 1);
                CPU.addAndGet(THREADS.getCurrentThreadCpuTime() - start);
                return tile;
            }));
        }
        for (Future<TileCache.Tile> tile : tiles) {
            cache.put(tile.get());
        }
        long start = THREADS.getCurrentThreadCpuTime();
        compositor.compose(vp, frame, cache, 1, BACKGROUND, false);
        CPU.addAndGet(THREADS.getCurrentThreadCpuTime() - start);
        return frame;
    }

    static void png(Raster frame, Path file) throws IOException {
        BufferedImage image = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_INT_ARGB_PRE);
        image.getRaster().setDataElements(0, 0, frame.width(), frame.height(), frame.pixels());
        ImageIO.write(image, "png", file.toFile());
    }

    /** Plain GeoJSON (lng/lat, 7 decimals ≈ 1 cm) with each feature's id and attributes. */
    static void export(Path file, List<Feature> features) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("{\"type\":\"FeatureCollection\",\"features\":[\n");
            for (int i = 0; i < features.size(); i++) {
                Feature f = features.get(i);
                w.write(i == 0 ? "" : ",\n");
                w.write("{\"type\":\"Feature\",\"id\":\"" + f.id() + "\",\"properties\":{");
                boolean first = true;
                for (var e : f.attributes().entrySet()) {
                    w.write((first ? "" : ",") + "\"" + e.getKey() + "\":\"" + e.getValue() + "\"");
                    first = false;
                }
                w.write("},\"geometry\":");
                w.write(geometry(f.geometry()));
                w.write('}');
            }
            w.write("\n]}\n");
        }
    }

    private static String geometry(Geometry g) {
        StringBuilder b = new StringBuilder();
        switch (g.getGeometryType()) {
            case "Point" -> b.append("{\"type\":\"Point\",\"coordinates\":").append(position(g.getCoordinate()));
            case "Polygon" -> b.append("{\"type\":\"Polygon\",\"coordinates\":").append(rings((Polygon) g));
            case "MultiPolygon" -> {
                b.append("{\"type\":\"MultiPolygon\",\"coordinates\":[");
                for (int i = 0; i < g.getNumGeometries(); i++) {
                    b.append(i == 0 ? "" : ",").append(rings((Polygon) g.getGeometryN(i)));
                }
                b.append(']');
            }
            case "LineString" -> b.append("{\"type\":\"LineString\",\"coordinates\":")
                    .append(positions(g.getCoordinates()));
            default -> throw new IllegalArgumentException("not exported: " + g.getGeometryType());
        }
        return b.append('}').toString();
    }

    private static String rings(Polygon p) {
        StringBuilder b = new StringBuilder("[").append(positions(p.getExteriorRing().getCoordinates()));
        for (int h = 0; h < p.getNumInteriorRing(); h++) {
            b.append(',').append(positions(p.getInteriorRingN(h).getCoordinates()));
        }
        return b.append(']').toString();
    }

    private static String positions(Coordinate[] cs) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < cs.length; i++) {
            b.append(i == 0 ? "" : ",").append(position(cs[i]));
        }
        return b.append(']').toString();
    }

    private static String position(Coordinate c) {
        return String.format(Locale.ROOT, "[%.7f,%.7f]", c.x, c.y);
    }
}
