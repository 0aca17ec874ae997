package cn.tongguan.map.bench;

import cn.tongguan.map.FeatureHit;
import cn.tongguan.map.MapOptions;
import cn.tongguan.map.MapView;
import cn.tongguan.map.MapViewState;
import cn.tongguan.map.harness.CityLayers;
import cn.tongguan.map.harness.SyntheticCity;
import cn.tongguan.map.harness.Views;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Map rendering benchmark (not part of mvn verify). Under Xvfb with the software pipeline, 1920×1080:
 * memory of all layers, time to a complete view after a jump at three zooms, frame times of a scripted
 * pan/zoom over 629,724 parts and all grids, the naive Canvas baseline in the same run, and hit-test times.
 * Command: see docs/benchmarks.md, section "Map rendering (issue 6)".
 */
public final class MapBench {
    private static final Logger LOG = LoggerFactory.getLogger(MapBench.class);
    // A bench is an executable of its own: the machine's clock, read once, is its composition root's.
    private static final java.time.Clock CLOCK = java.time.Clock.systemUTC();
    private static final int WIDTH = 1920;
    private static final int HEIGHT = 1080;

    private MapBench() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("prism.order", System.getProperty("prism.order", "sw"));
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        Platform.setImplicitExit(false);
        // the same-run floor: JavaFX alone showing a changed 1080p PixelBuffer each pulse, no work of ours
        LOG.info(PipelineFloor.run(0));
        ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "map-worker");
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        });
        long heapBefore = usedHeap();
        long t0 = System.nanoTime();
        SyntheticCity city = new SyntheticCity(42, SyntheticCity.PART_COUNT, CLOCK.instant());
        LOG.info("data: {} parts, {} grids, {} communities, {} streets, {} districts, {} live items; generated in {} ms",
                city.parts.size(), city.grids.size(), city.communities.size(), city.streets.size(),
                city.districts.size(), city.live.size(), (System.nanoTime() - t0) / 1_000_000);
        long heapFeatures = usedHeap() - heapBefore;

        int renderers = Integer.getInteger("bench.workers", 2);
        MapView map = onFx(() -> new MapView(workers, Platform::runLater,
                MapOptions.defaults().withWorkers(renderers), CLOCK));
        CityLayers layers = onFx(() -> new CityLayers(city));
        if (Boolean.getBoolean("bench.noLabels")) {
            onFx(() -> {
                layers.all().forEach(l -> l.setStyle(l.style().withLabel(null, l.style().labelColour())));
                return null;
            });
        }
        Stage stage = onFx(() -> {
            Stage s = new Stage(StageStyle.UNDECORATED);
            s.setScene(new Scene(new StackPane(map), WIDTH, HEIGHT));
            s.setX(0);
            s.setY(0);
            s.show();
            map.setViewState(Views.CITY);
            map.getLayers().setAll(layers.all());
            map.getOverlay().putAll(city.live);
            return s;
        });
        long prep = System.nanoTime();
        awaitComplete(map, 120);
        LOG.info("layers prepared and first city view complete in {} ms", (System.nanoTime() - prep) / 1_000_000);
        long heapAll = usedHeap() - heapBefore;
        LOG.info(String.format(Locale.ROOT, "memory: features (caller's JTS objects) %.0f MiB; all layers incl."
                        + " renderer %.0f MiB; renderer's own share %.0f MiB (prepared layers %.0f MiB + tile cache %.0f MiB)",
                mib(heapFeatures), mib(heapAll), mib(onFx(map::memoryBytes)),
                mib(onFx(map::memoryBytes) - onFx(map::tileCacheBytes)), mib(onFx(map::tileCacheBytes))));

        for (MapViewState view : List.of(Views.CITY, Views.DISTRICT, Views.STREET)) {
            // cold: no cached tile may help, so the figure is the full render of the view
            onFx(() -> {
                map.setViewState(new MapViewState(100, 30, view.zoom()));
                map.refresh();
                return null;
            });
            awaitComplete(map, 60);
            long start = System.nanoTime();
            onFx(() -> {
                map.setViewState(view);
                return null;
            });
            awaitComplete(map, 60);
            LOG.info(String.format(Locale.ROOT, "jump to zoom %.1f: complete 1920x1080 view in %d ms", view.zoom(),
                    (System.nanoTime() - start) / 1_000_000));
        }

        FrameStats[] phases = scriptedFrames(map);
        FrameStats ours = phases[0];
        LOG.info(ours.describe("tiled map, scripted pan/zoom"));
        for (int p = 1; p < phases.length; p++) {
            LOG.info(phases[p].describe("  phase: " + PHASES[p - 1]));
        }

        if (Boolean.getBoolean("bench.skipNaive")) {
            hitTests(map);
            Platform.exit();
            return;
        }
        FrameStats naive = naiveFrames(stage, layers);
        LOG.info(naive.describe("naive Canvas (every feature each frame)"));
        LOG.info(String.format(Locale.ROOT, "ratio naive/tiled: frame interval p50 %.0f×, FX-thread time p50 %.0f×",
                naive.intervalP50() / ours.intervalP50(), naive.paintP50() / ours.paintP50()));

        hitTests(map);
        onFx(() -> {
            stage.hide();
            return null;
        });
        Platform.exit();
        workers.shutdownNow();
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static double mib(long bytes) {
        return bytes / 1048576.0;
    }

    static <T> T onFx(Supplier<T> call) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(call.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }

    private static void awaitComplete(MapView map, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        Thread.sleep(20);
        while (!onFx(map::isComplete)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("view not complete after " + seconds + " s");
            }
            Thread.sleep(2);
        }
    }

    private static final String[] PHASES = {"pan at zoom 13.2", "zoom 13.2 to 17", "pan at street zoom 17",
        "zoom 17 to 10"};
    /** First frame of each phase of the script (and its end). */
    private static final int[] PHASE_STARTS = {0, 150, 350, 500, 600};

    /**
     * 600 frames: pan at district zoom, zoom in continuously to street zoom, pan there, zoom out to the city.
     * Returns the whole run's figures, then each phase's.
     */
    private static FrameStats[] scriptedFrames(MapView map) throws Exception {
        List<MapViewState> script = new ArrayList<>();
        MapViewState d = Views.DISTRICT;
        double degPerPx = 360 / (256 * Math.pow(2, d.zoom()));
        for (int i = 0; i < 150; i++) {
            script.add(new MapViewState(d.lng() + i * 8 * degPerPx, d.lat() - i * 3 * degPerPx, d.zoom()));
        }
        MapViewState s = script.get(script.size() - 1);
        for (int i = 1; i <= 200; i++) {
            script.add(new MapViewState(s.lng(), s.lat(), d.zoom() + (17 - d.zoom()) * i / 200.0));
        }
        double streetDegPerPx = 360 / (256 * Math.pow(2, 17));
        for (int i = 1; i <= 150; i++) {
            script.add(new MapViewState(s.lng() - i * 10 * streetDegPerPx, s.lat(), 17));
        }
        MapViewState e = script.get(script.size() - 1);
        for (int i = 1; i <= 100; i++) {
            script.add(new MapViewState(e.lng(), e.lat(), 17 - 7 * i / 100.0));
        }
        FrameStats stats = new FrameStats();
        FrameStats[] phases = new FrameStats[PHASES.length + 1];
        phases[0] = stats;
        for (int p = 1; p < phases.length; p++) {
            phases[p] = new FrameStats();
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        AtomicInteger frame = new AtomicInteger(-5);
        onFx(() -> {
            new AnimationTimer() {
                private long last;

                @Override
                public void handle(long now) {
                    int i = frame.getAndIncrement();
                    if (i >= 0 && last != 0) {
                        stats.add(now - last, map.lastPaintNanos());
                        for (int p = 1; p < phases.length; p++) {
                            if (i >= PHASE_STARTS[p - 1] && i < PHASE_STARTS[p]) {
                                phases[p].add(now - last, map.lastPaintNanos());
                            }
                        }
                    }
                    last = now;
                    if (i + 1 >= script.size()) {
                        stop();
                        done.complete(null);
                        return;
                    }
                    // the map's own timer (registered first) paints it at the next pulse, as in real use
                    map.setViewState(script.get(Math.max(0, i + 1)));
                }
            }.start();
            return null;
        });
        done.get(300, TimeUnit.SECONDS);
        return phases;
    }

    private static FrameStats naiveFrames(Stage stage, CityLayers layers) throws Exception {
        Canvas canvas = new Canvas(WIDTH, HEIGHT);
        NaiveCanvas naive = new NaiveCanvas(canvas, layers.all());
        onFx(() -> {
            stage.getScene().setRoot(new StackPane(canvas));
            return null;
        });
        FrameStats stats = new FrameStats();
        CompletableFuture<Void> done = new CompletableFuture<>();
        AtomicInteger frame = new AtomicInteger(-1);
        MapViewState d = Views.DISTRICT;
        onFx(() -> {
            new AnimationTimer() {
                private long last;

                @Override
                public void handle(long now) {
                    int i = frame.getAndIncrement();
                    if (i >= 0 && last != 0) {
                        stats.add(now - last, stats.lastPaint);
                    }
                    last = now;
                    if (i >= 5) {
                        stop();
                        done.complete(null);
                        return;
                    }
                    long start = System.nanoTime();
                    naive.draw(new MapViewState(d.lng() + i * 0.001, d.lat(), d.zoom()));
                    stats.lastPaint = System.nanoTime() - start;
                }
            }.start();
            return null;
        });
        done.get(600, TimeUnit.SECONDS);
        return stats;
    }

    private static void hitTests(MapView map) throws Exception {
        for (MapViewState view : List.of(Views.DISTRICT, Views.STREET)) {
            onFx(() -> {
                map.setViewState(view);
                return null;
            });
            long[] times = onFx(() -> {
                Random random = new Random(3);
                long[] t = new long[5000];
                int found = 0;
                for (int i = 0; i < t.length; i++) {
                    double[] lngLat = map.toLngLat(random.nextDouble() * WIDTH, random.nextDouble() * HEIGHT);
                    long start = System.nanoTime();
                    List<FeatureHit> hits = map.featuresAt(lngLat[0], lngLat[1]);
                    t[i] = System.nanoTime() - start;
                    found += hits.size();
                }
                LOG.info("hit-test at zoom {}: {} hits in {} queries", view.zoom(), found, t.length);
                return t;
            });
            java.util.Arrays.sort(times);
            LOG.info(String.format(Locale.ROOT, "hit-test at zoom %.1f: p50 %.3f ms, p95 %.3f ms, max %.3f ms",
                    view.zoom(), times[times.length / 2] / 1e6, times[times.length * 95 / 100] / 1e6,
                    times[times.length - 1] / 1e6));
        }
    }
}
