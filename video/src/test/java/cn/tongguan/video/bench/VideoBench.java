package cn.tongguan.video.bench;

import static cn.tongguan.video.FxSupport.awaitStatus;
import static cn.tongguan.video.FxSupport.fx;
import static cn.tongguan.video.FxSupport.fxRun;

import cn.tongguan.video.Camera;
import cn.tongguan.video.EngineChoice;
import cn.tongguan.video.FxSupport;
import cn.tongguan.video.TileState;
import cn.tongguan.video.Tour;
import cn.tongguan.video.VideoConfig;
import cn.tongguan.video.VideoWall;
import cn.tongguan.video.WallLayout;
import cn.tongguan.video.sim.CameraSimulator;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The video benchmarks of docs/benchmarks.md (not part of {@code mvn verify}): time to first frame on a
 * switch with and without pre-roll against reference players, CPU and memory for 1/4/9/16 live tiles,
 * and a long accelerated tour watching the heap. Run under X (see docs/benchmarks.md for the command).
 * Options: {@code --switches=N --sizes=320x180@15,640x360@25 --tiles=1,4,9,16 --tour-seconds=S}.
 */
public final class VideoBench {


    private VideoBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new java.util.HashMap<>();
        for (String a : args) {
            String[] kv = a.replaceFirst("^--", "").split("=", 2);
            opt.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        int switches = Integer.parseInt(opt.getOrDefault("switches", "15"));
        List<String> sizes = List.of(opt.getOrDefault("sizes", "320x180@15").split(","));
        int[] tiles = java.util.Arrays.stream(opt.getOrDefault("tiles", "0,1,4,9,16").split(",")).mapToInt(Integer::parseInt).toArray();
        int tourSeconds = Integer.parseInt(opt.getOrDefault("tour-seconds", "120"));
        FxSupport.startToolkit();
        ExecutorService background = FxSupport.background();
        System.out.printf("video bench: %d cores, %s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
        if (!opt.containsKey("skip-switch")) {
            try (CameraSimulator sim = CameraSimulator.start(40, "640x360@25", "320x180@15")) {
                firstFrame(sim, background, switches);
            }
        }
        if (!opt.containsKey("skip-cpu")) {
            for (String size : sizes) {
                try (CameraSimulator sim = CameraSimulator.start(16, "640x360@25", size)) {
                    cpu(sim, background, size, tiles);
                }
            }
        }
        if (tourSeconds > 0) {
            for (String engine : opt.getOrDefault("tour-engines", "GSTREAMER,VLCJ").split(",")) {
                try (CameraSimulator sim = CameraSimulator.start(40, "640x360@25", "320x180@15")) {
                    longTour(sim, background, EngineChoice.valueOf(engine), tourSeconds);
                }
            }
        }
        background.shutdownNow();
        System.exit(0); // the FX toolkit keeps the JVM alive otherwise
    }

    // Time to first frame ---------------------------------------------------------------------------

    private static void firstFrame(CameraSimulator sim, ExecutorService background, int switches) throws Exception {
        System.out.println("\n## time to first frame on a switch (ms), sub stream 320x180@15");
        System.out.println("| engine (protocol) | pre-roll | p50 | p95 | reference player p50 | p95 | ratio p50 |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (EngineChoice engine : List.of(EngineChoice.GSTREAMER, EngineChoice.VLCJ)) {
            List<Camera> cams = engine == EngineChoice.GSTREAMER ? sim.rtspCameras() : sim.httpCameras();
            List<Double> reference = new ArrayList<>();
            for (int i = 0; i < Math.min(switches, 12); i++) {

                {
                    Camera c = cams.get(20 + i % 20);
                    reference.add(engine == EngineChoice.GSTREAMER ? ReferencePlayers.gstFirstFrameMillis(c.sub())
                            : ReferencePlayers.vlcFirstFrameMillis(c.sub()));
                }
            }
            String refName = engine == EngineChoice.GSTREAMER ? "gst-launch-1.0" : "cvlc";
            for (boolean preroll : List.of(false, true)) {
                List<Double> samples = switchSamples(engine, cams.subList(0, 20), background, preroll, switches);
                System.out.printf("| %s (%s) | %s | %.0f | %.0f | %s %.0f | %.0f | %.2f |%n", engine,
                        engine == EngineChoice.GSTREAMER ? "RTSP" : "MPEG-TS/HTTP", preroll ? "on" : "off",
                        pct(samples, 50), pct(samples, 95), refName, pct(reference, 50), pct(reference, 95),
                        pct(samples, 50) / pct(reference, 50));
            }
        }
    }

    private static List<Double> switchSamples(EngineChoice engine, List<Camera> cams, ExecutorService background,
                                              boolean preroll, int switches) {
        VideoConfig config = VideoConfig.defaults().withEngine(engine).fast().withPreroll(preroll);
        // a small tile of a 2×2 wall plays the sub stream (a single tile would play the main stream)
        VideoWall wall = FxSupport.showWall(config, background, WallLayout.FOUR, 1280, 720);
        List<Double> samples = Collections.synchronizedList(new ArrayList<>());
        AtomicLong switchedAt = new AtomicLong(-1);
        try {
            fxRun(() -> {
                wall.statusProperty(0).addListener((o, old, s) -> {
                    long now = System.nanoTime();
                    if (s.camera() != null && !s.camera().equals(old.camera())) {
                        switchedAt.set(now);
                    }
                    if (s.state() == TileState.LIVE && switchedAt.get() > 0) {
                        samples.add((now - switchedAt.getAndSet(-1)) / 1e6);
                    }
                });
                wall.startTour(0, Tour.of("bench", cams).withDwell(Duration.ofMillis(1600)));
            });
            while (samples.size() < switches + 1) {
                FxSupport.sleep(200);
            }
        } finally {
            FxSupport.closeWall(wall);
        }
        return new ArrayList<>(samples.subList(1, samples.size())); // the first is the tour's start, not a switch
    }

    // CPU and memory --------------------------------------------------------------------------------

    private static void cpu(CameraSimulator sim, ExecutorService background, String size, int[] tileCounts) throws Exception {
        System.out.printf("%n## CPU and memory, %s live tiles (CPU in %% of one core over 8 s)%n", size);
        System.out.println("| engine | tiles | Java CPU | decode-only floor (gst-launch) CPU | ratio | Java RSS MiB | heap after GC MiB | simulator CPU |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (EngineChoice engine : List.of(EngineChoice.GSTREAMER, EngineChoice.VLCJ)) {
            List<Camera> cams = engine == EngineChoice.GSTREAMER ? sim.rtspCameras() : sim.httpCameras();
            for (int n : tileCounts) {
                WallLayout layout = n == 0 ? WallLayout.NINE : n <= 4 ? WallLayout.FOUR : n <= 9 ? WallLayout.NINE : WallLayout.SIXTEEN;
                VideoWall wall = FxSupport.showWall(VideoConfig.defaults().withEngine(engine), background, layout, 1280, 720);
                try {
                    fxRun(() -> {
                        for (int i = 0; i < n; i++) {
                            wall.play(i, cams.get(i));
                        }
                    });
                    for (int i = 0; i < n; i++) {
                        awaitStatus(wall, i, s -> s.state() == TileState.LIVE, Duration.ofSeconds(30));
                    }
                    FxSupport.sleep(3000);
                    double[] cpu = measure(ProcessStats.self(), sim.pid(), 8);
                    double floor = n == 0 ? Double.NaN : decodeFloor(cams.subList(0, n), engine);
                    System.out.printf("| %s | %d | %.0f %% | %.0f %% | %.2f | %.0f | %.1f | %.0f %% |%n", engine, n, cpu[0], floor,
                            cpu[0] / floor, ProcessStats.rssMiB(ProcessStats.self()), ProcessStats.heapAfterGcMiB(), cpu[1]);
                } finally {
                    FxSupport.closeWall(wall);
                }
                FxSupport.sleep(1000);
            }
        }
    }

    /** CPU % of one core of two processes over a window. */
    private static double[] measure(long a, long b, int seconds) throws IOException {
        double a0 = ProcessStats.cpuSeconds(a);
        double b0 = ProcessStats.cpuSeconds(b);
        long t0 = System.nanoTime();
        FxSupport.sleep(seconds * 1000L);
        double wall = (System.nanoTime() - t0) / 1e9;
        return new double[] {100 * (ProcessStats.cpuSeconds(a) - a0) / wall, 100 * (ProcessStats.cpuSeconds(b) - b0) / wall};
    }

    /** CPU of gst-launch decoding the same streams to fakesink: the cost of decoding alone. */
    private static double decodeFloor(List<Camera> cams, EngineChoice engine) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("gst-launch-1.0", "-q"));
        for (Camera c : cams) {
            if (engine == EngineChoice.GSTREAMER) {
                cmd.addAll(List.of("rtspsrc", "location=" + c.sub(), "protocols=tcp", "latency=0", "!", "rtph264depay"));
            } else {
                cmd.addAll(List.of("souphttpsrc", "location=" + c.sub(), "!", "tsdemux"));
            }
            cmd.addAll(List.of("!", "h264parse", "!", "avdec_h264", "max-threads=1", "!", "videoconvert", "!",
                    "video/x-raw,format=BGRA", "!", "fakesink", "sync=false"));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            FxSupport.sleep(3000);
            double c0 = ProcessStats.cpuSeconds(p.pid());
            long t0 = System.nanoTime();
            FxSupport.sleep(6000);
            return 100 * (ProcessStats.cpuSeconds(p.pid()) - c0) / ((System.nanoTime() - t0) / 1e9);
        } finally {
            p.destroy();
            p.waitFor();
        }
    }

    // Long tour -------------------------------------------------------------------------------------

    private static void longTour(CameraSimulator sim, ExecutorService background, EngineChoice engine, int seconds)
            throws Exception {
        System.out.printf("%n## accelerated tour: 4 tiles, dwell 0.3 s, pre-roll on, %s, %d s%n", engine, seconds);
        VideoConfig d = VideoConfig.defaults().fast();
        VideoConfig config = new VideoConfig(engine, 16, d.stillInterval(), d.staleAfter(), d.connectTimeout(),
                d.backoffMin(), d.backoffMax(), true, Duration.ofMillis(250), d.offlineRetry(), Duration.ofMillis(100),
                d.dwellMax(), d.networkCaching(), d.locale());
        VideoWall wall = FxSupport.showWall(config, background, WallLayout.FOUR, 1280, 720);
        AtomicLong switches = new AtomicLong();
        System.out.println("| point | switches | heap after GC MiB | Java RSS MiB |");
        System.out.println("|---|---|---|---|");
        try {
            List<Camera> cams = engine == EngineChoice.GSTREAMER ? sim.rtspCameras() : sim.httpCameras();
            fxRun(() -> {
                for (int i = 0; i < 4; i++) {
                    wall.statusProperty(i).addListener((o, old, s) -> {
                        if (s.camera() != null && !s.camera().equals(old.camera())) {
                            switches.incrementAndGet();
                        }
                    });
                }
                wall.startTour(Tour.of("long", cams).withDwell(Duration.ofMillis(300)));
            });
            FxSupport.sleep(10_000); // warm-up: JIT, engine start, pools
            long start = System.nanoTime();
            report("start", switches.get());
            FxSupport.sleep(seconds * 500L);
            report("middle", switches.get());
            FxSupport.sleep(seconds * 500L);
            report("end", switches.get());
            double rate = switches.get() / ((System.nanoTime() - start) / 1e9 + 10);
            System.out.printf("%d switches, %.1f per second; coverage of the last minute: %s%n", switches.get(), rate,
                    fx(() -> wall.coverage(Duration.ofMinutes(1))).ratio());
        } finally {
            FxSupport.closeWall(wall);
        }
    }

    private static void report(String point, long switches) throws IOException {
        System.out.printf("| %s | %d | %.1f | %.0f |%n", point, switches, ProcessStats.heapAfterGcMiB(),
                ProcessStats.rssMiB(ProcessStats.self()));
    }

    private static double pct(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1)));
    }
}
