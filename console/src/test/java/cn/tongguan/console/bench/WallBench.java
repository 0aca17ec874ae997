package cn.tongguan.console.bench;

import cn.tongguan.api.Events;
import cn.tongguan.api.Lifeline;
import cn.tongguan.api.Reference;
import cn.tongguan.console.i18n.Messages;
import cn.tongguan.console.support.TestPlatform;
import cn.tongguan.console.sync.PlatformClient;
import cn.tongguan.console.sync.SessionToken;
import cn.tongguan.console.sync.WallEvents;
import cn.tongguan.console.sync.WallFeed;
import cn.tongguan.console.sync.WallListener;
import cn.tongguan.console.wall.LifelineMapView;
import cn.tongguan.console.wall.LifelineViewModel;
import cn.tongguan.console.wall.PushedViewModel;
import cn.tongguan.console.wall.SensorLevels;
import cn.tongguan.console.wall.SensorTrendViewModel;
import cn.tongguan.console.wall.WallLayout;
import cn.tongguan.console.wall.WallPanelsView;
import cn.tongguan.console.wall.WallPanelsViewModel;
import cn.tongguan.console.wall.WallView;
import cn.tongguan.console.wall.WallViewModel;
import cn.tongguan.map.FeatureLayer;
import cn.tongguan.map.GeoJsonImporter;
import cn.tongguan.map.LiveItem;
import cn.tongguan.map.LiveKind;
import cn.tongguan.map.LiveStatus;
import cn.tongguan.map.MapView;
import cn.tongguan.map.MapViewState;
import cn.tongguan.map.Style;
import cn.tongguan.video.Camera;
import cn.tongguan.video.Tour;
import cn.tongguan.video.VideoConfig;
import cn.tongguan.video.VideoWall;
import cn.tongguan.video.sim.CameraSimulator;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.collections.MapChangeListener;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The display wall's bench (docs/benchmarks.md, "Wall (issue 8)"), run by {@code console/wall-bench.sh} inside
 * the 3-monitor X server. Same run, same wall on three monitors: (1) baseline, the map only (districts and grids);
 * (2) everything: lifeline marks (some flashing), cases and cameras on the map, KPI/queue/alarm/water panels,
 * 16 live video tiles from the camera simulator, and readings streaming through a real platform's SSE. For
 * each: frame intervals from an AnimationTimer probe and process CPU over the phase. During (2): reading POSTed
 * to the platform → its mark's label changed on the wall → the next frame, p50/p99/max.
 * Arguments: seconds per phase (default 60), readings per second (default 5).
 */
public final class WallBench {
    private static final Logger LOG = LoggerFactory.getLogger(WallBench.class);
    private static final MediaType JSON = MediaType.get("application/json");

    private final List<Long> frames = new ArrayList<>();
    private final Map<String, Long> posted = new ConcurrentHashMap<>();
    private final List<Long> latencies = new ArrayList<>();
    private final List<Runnable> afterNextFrame = new ArrayList<>();
    private volatile boolean recording;
    private long lastPulse;

    /** Not an {@code Application} subclass: started from the class path, the toolkit is brought up by hand. */
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Platform.startup(() -> { });
        Platform.setImplicitExit(false);
        try {
            new WallBench().run(seconds, rate);
        } finally {
            Platform.exit();
        }
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        CompletableFuture<T> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                done.complete(work.call());
            } catch (Exception | Error e) {
                done.completeExceptionally(e);
            }
        });
        return done.get(60, TimeUnit.SECONDS);
    }

    private void run(int seconds, int rate) throws Exception {
        Path dir = Files.createTempDirectory("wall-bench");
        Messages messages = Messages.load(Locale.SIMPLIFIED_CHINESE);
        ExecutorService background = Executors.newFixedThreadPool(2);
        ScheduledExecutorService eventThread = Executors.newSingleThreadScheduledExecutor();
        try (TestPlatform platform = new TestPlatform(dir.resolve("platform")).start();
             CameraSimulator sim = CameraSimulator.start(16, "320x180@15", "320x180@15")) {
            PlatformClient admin = platform.client("admin");
            List<Reference.Sensor> sensors = WallBenchData.sensors();
            StringBuilder ndjson = new StringBuilder();
            for (Reference.Sensor s : sensors) {
                ndjson.append(admin.json().writeValueAsString(s)).append('\n');
            }
            post(admin, "/api/v1/admin/import/sensors", ndjson.toString());
            String districts = Files.readString(Path.of("democity/src/main/resources/cn/tongguan/democity/xinxiang/districts.geojson"));
            WallLayout mapOnly = WallLayout.read(new StringReader("name=map\nscreens=3\nscreen.1=map\nscreen.2=blank2\nscreen.3=blank3\n"));
            WallLayout full = WallLayout.read(new StringReader(
                    "name=full\nscreens=3\nscreen.1=map,water\nscreen.2=video\nscreen.3=alarms|kpi,queue\n"));
            Object[] built = fx(() -> {
                WallViewModel wallModel = new WallViewModel(messages, mapOnly);
                LifelineViewModel lifeline = new LifelineViewModel(messages, SensorLevels.load(), null);
                WallPanelsViewModel figures = new WallPanelsViewModel(messages, s -> s, 30);
                SensorTrendViewModel trend = new SensorTrendViewModel(messages, (id, f, t) -> List.of(), background,
                        Platform::runLater, Clock.systemUTC());
                PushedViewModel pushed = new PushedViewModel(messages, s -> s, id -> null, c -> { }, id -> { }, background,
                        Platform::runLater);
                MapView map = new MapView(background, Clock.systemUTC());
                map.getLayers().setAll(
                        new FeatureLayer("districts", "区", new GeoJsonImporter().read(districts).features(),
                                Style.polygons(Color.web("#12355b", 0.55), Color.web("#3f7fbf"), 1.2)),
                        new FeatureLayer("grids", "网格", new GeoJsonImporter().read(WallBenchData.grids()).features(),
                                Style.polygons(Color.web("#12355b", 0.2), Color.web("#2d5f8f"), 0.5)));
                LifelineMapView lifelineMap = new LifelineMapView(map, lifeline, trend, pushed, messages);
                VideoWall video = new VideoWall(VideoConfig.defaults(), background, Platform::runLater, Clock.systemUTC());
                Map<String, Supplier<Node>> components = Map.of("map", lifelineMap::root, "video", video::getView,
                        "blank2", StackPane::new, "blank3", StackPane::new);
                WallView view = new WallView(wallModel, messages, new WallPanelsView(figures, lifeline, messages, components)::create);
                view.show();
                map.setViewState(new MapViewState(113.89, 35.30, 12.8));
                probe().start();
                return new Object[] {wallModel, lifeline, figures, map, video, view};
            });
            WallViewModel wallModel = (WallViewModel) built[0];
            LifelineViewModel lifeline = (LifelineViewModel) built[1];
            MapView map = (MapView) built[3];
            VideoWall video = (VideoWall) built[4];
            Thread.sleep(5_000);
            Phase baseline = measure("map only", seconds);

            List<Camera> cameras = sim.rtspCameras();
            fx(() -> {
                wallModel.useLayout(full);
                for (int i = 0; i < 300; i++) {
                    map.getOverlay().put(LiveItem.of("case-" + i, LiveKind.CASE, 113.80 + (i % 20) * 0.011,
                            35.24 + (i / 20) * 0.009, i % 7 == 0 ? LiveStatus.ALARM : LiveStatus.PENDING, Instant.now()));
                }
                for (int i = 0; i < 139; i++) {
                    map.getOverlay().put(LiveItem.camera("cam-" + i, 113.81 + (i % 14) * 0.014, 35.25 + (i / 14) * 0.012,
                            LiveStatus.NORMAL, Instant.now(), i * 37 % 360, 70));
                }
                lifeline.marks().addListener((MapChangeListener<String, LifelineViewModel.SensorMark>) c -> {
                    if (c.wasAdded() && c.getValueAdded().depth() != null) {
                        Long t0 = posted.remove(c.getKey() + "@" + c.getValueAdded().depth());
                        if (t0 != null) {
                            // Visible when the frame after the change is drawn.
                            afterNextFrame.add(() -> latencies.add(System.nanoTime() - t0));
                        }
                    }
                });
                return null;
            });
            SessionToken token = new SessionToken();
            OkHttpClient http = new OkHttpClient.Builder().addInterceptor(token).build();
            PlatformClient wallClient = new PlatformClient(http, platform.uri());
            WallEvents events = new WallEvents(wallClient, new WallFeed(wallClient, Clock.systemUTC()), eventThread,
                    () -> token.set(wallClient.login("wall", "tongguan").token()), new WallListener() {
                        @Override
                        public void loaded(List<Reference.Sensor> all, List<Lifeline.Alarm> active,
                                           List<cn.tongguan.api.Cases.Case> recent) {
                            Platform.runLater(() -> {
                                lifeline.loaded(all, active);
                                for (int i = 0; i < 6; i++) {
                                    lifeline.alarm("alarm.raised", new Lifeline.Alarm(i, all.get(i * 4).id(), "waterlogging",
                                            "WATER_DEPTH", "YELLOW", 18, 15, "ACTIVE", Instant.now(), Instant.now(), null,
                                            null, null, null, null, List.of()));
                                }
                            });
                        }

                        @Override
                        public void reading(Events.SensorReading reading) {
                            Platform.runLater(() -> lifeline.reading(reading));
                        }
                    });
            events.start();
            while (fx(() -> lifeline.marks().size()) < sensors.size()) {
                Thread.sleep(100);
            }
            Thread.sleep(5_000);
            Thread feeder = new Thread(() -> feed(admin, sensors, rate, seconds), "wall-bench-readings");
            feeder.start();
            Phase layers = measure("all layers + panels + events, video idle", seconds);
            feeder.join();
            Thread.sleep(2_000);
            long[] latLayers = takeLatencies();
            fx(() -> {
                video.setLayout(cn.tongguan.video.WallLayout.SIXTEEN);
                video.setCatalog(cameras);
                video.startTour(Tour.of("bench", cameras).withDwell(Duration.ofHours(1)));
                return null;
            });
            Thread.sleep(8_000);
            feeder = new Thread(() -> feed(admin, sensors, rate, seconds), "wall-bench-readings");
            feeder.start();
            Phase everything = measure("all layers + panels + events + 16 live tiles", seconds);
            feeder.join();
            Thread.sleep(2_000);
            events.close();
            report(List.of(baseline, layers, everything), List.of(latLayers, takeLatencies()), rate);
            fx(() -> {
                ((WallView) built[5]).close();
                video.close();
                map.dispose();
                return null;
            });
        } finally {
            eventThread.shutdownNow();
            background.shutdownNow();
        }
    }

    /** Readings at a steady rate, each a value not seen before, so its arrival on the wall is unambiguous. */
    private void feed(PlatformClient admin, List<Reference.Sensor> sensors, int rate, int seconds) {
        long periodNanos = 1_000_000_000L / rate;
        long next = System.nanoTime();
        for (int i = 0; i < rate * seconds; i++) {
            Reference.Sensor s = sensors.get(i % sensors.size());
            double value = 10 + (i % 300) * 0.1 + (i / 300) * 0.01;
            value = Math.round(value * 100) / 100.0;
            try {
                posted.put(s.id() + "@" + value, System.nanoTime());
                post(admin, "/api/v1/sensors/readings",
                        admin.json().writeValueAsString(new Events.SensorReading(s.id(), value, Instant.now())));
            } catch (Exception e) {
                LOG.warn("Reading not posted: {}", e.toString());
            }
            next += periodNanos;
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(sleep);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private AnimationTimer probe() {
        return new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (recording && lastPulse != 0) {
                    frames.add(now - lastPulse);
                }
                lastPulse = now;
                if (!afterNextFrame.isEmpty()) {
                    List<Runnable> due = List.copyOf(afterNextFrame);
                    afterNextFrame.clear();
                    due.forEach(Runnable::run);
                }
            }
        };
    }

    private record Phase(String name, double meanMs, double p50Ms, double p99Ms, double maxMs, double fps, double cpu,
                         double fxCpu, double renderCpu) {
    }

    private Phase measure(String name, int seconds) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        fx(() -> {
            frames.clear();
            recording = true;
            return null;
        });
        var threads = ManagementFactory.getThreadMXBean();
        long fxThread = fx(() -> Thread.currentThread().getId());
        long fx0 = threads.getThreadCpuTime(fxThread);
        // Prism draws on its own thread: with the software pipeline, that is where 16 scaled videos cost.
        long render = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("QuantumRenderer"))
                .mapToLong(Thread::getId).findFirst().orElse(-1);
        long r0 = render < 0 ? 0 : threads.getThreadCpuTime(render);
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long cpu1 = os.getProcessCpuTime();
        long fx1 = threads.getThreadCpuTime(fxThread);
        long r1 = render < 0 ? 0 : threads.getThreadCpuTime(render);
        long t1 = System.nanoTime();
        List<Long> f = fx(() -> {
            recording = false;
            return List.copyOf(frames);
        });
        long[] ms = f.stream().mapToLong(Long::longValue).sorted().toArray();
        double mean = ms.length == 0 ? 0 : f.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
        Phase p = new Phase(name, mean, pct(ms, 0.50), pct(ms, 0.99), ms.length == 0 ? 0 : ms[ms.length - 1] / 1e6,
                ms.length / ((t1 - t0) / 1e9), 100.0 * (cpu1 - cpu0) / (t1 - t0), 100.0 * (fx1 - fx0) / (t1 - t0),
                100.0 * (r1 - r0) / (t1 - t0));
        LOG.info("{}: {} frames, {}", name, ms.length, p);
        return p;
    }

    private static double pct(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    private long[] takeLatencies() throws Exception {
        return fx(() -> {
            long[] lat = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            latencies.clear();
            return lat;
        });
    }

    private void report(List<Phase> phases, List<long[]> latencyRuns, int rate) {
        StringBuilder out = new StringBuilder("\n| wall | frames/s | frame mean ms | p50 | p99 | max | process CPU | FX thread CPU | render thread CPU |\n"
                + "|---|---|---|---|---|---|---|---|---|\n");
        for (Phase p : phases) {
            out.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f | %.1f | %.0f %% | %.0f %% | %.0f %% |%n",
                    p.name(), p.fps(), p.meanMs(), p.p50Ms(), p.p99Ms(), p.maxMs(), p.cpu(), p.fxCpu(), p.renderCpu()));
        }
        Phase base = phases.get(0);
        for (Phase p : phases.subList(1, phases.size())) {
            out.append(String.format(Locale.ROOT, "ratio to map only, %s: CPU %.1f×, p99 frame %.2f×%n", p.name(),
                    p.cpu() / Math.max(0.1, base.cpu()), p.p99Ms() / Math.max(0.1, base.p99Ms())));
        }
        for (int i = 0; i < latencyRuns.size(); i++) {
            long[] lat = latencyRuns.get(i);
            out.append(String.format(Locale.ROOT, "reading POSTed → mark updated → next frame, %s (%d readings at %d/s): "
                            + "p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", phases.get(i + 1).name(), lat.length, rate,
                    pct(lat, 0.5), pct(lat, 0.99), lat.length == 0 ? 0 : lat[lat.length - 1] / 1e6));
        }
        LOG.info("Wall bench{}", out);
    }

    private static void post(PlatformClient client, String path, String body) throws Exception {
        try (Response r = client.http().newCall(new Request.Builder().url(client.base().resolve(path).toString())
                .post(RequestBody.create(body, JSON)).build()).execute()) {
            if (!r.isSuccessful()) {
                throw new IllegalStateException(path + ": HTTP " + r.code());
            }
        }
    }
}
