package cn.tongguan.console.app;

import cn.tongguan.console.wall.WallCityMapView;
import cn.tongguan.map.Feature;
import cn.tongguan.map.FeatureLayer;
import cn.tongguan.map.LiveKind;
import cn.tongguan.map.MapView;
import cn.tongguan.map.MapViewState;
import java.io.IOException;
import java.net.URI;
import java.nio.IntBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import org.locationtech.jts.geom.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The wall's map monitor at real scale against the JavaFX floor of the same run (issue 15's wall criterion: frame
 * interval p95 within 1.15× of the floor). One JVM, Prism's software pipeline, the 3-head X server:
 * <ol>
 *   <li>the floor: a 1920×1080 PixelBuffer changed every pulse on monitor 1, nothing of ours;</li>
 *   <li>the real wall ({@link WallComposition}, preset "daily") signed in to a platform holding the demo city
 *       (every open case, the geography with 629,724 parts, 3,028 sensors, 139 cameras), left alone at city zoom;</li>
 *   <li>the same with the map moved a little every pulse at city zoom, then at district and street zoom (every
 *       frame a changed frame, as the floor's).</li>
 * </ol>
 * Between phases, monitor 1 is captured at each zoom ({@code import}) into the output folder. Usage: {@code
 * console/wall-scale-bench.sh <platform-url> <seconds per phase> <output dir>}.
 */
public final class WallScaleBench {
    private static final Logger LOG = LoggerFactory.getLogger(WallScaleBench.class);
    /** 平原路 × 胜利路, in the old town: the densest street view of the demo city. */
    private static final double CORE_LNG = 113.873;
    private static final double CORE_LAT = 35.303;

    private WallScaleBench() {
    }

    public static void main(String[] args) throws Exception {
        URI platform = URI.create(args[0]);
        int seconds = Integer.parseInt(args[1]);
        Path out = Path.of(args[2]);
        Files.createDirectories(out);
        System.setProperty("prism.order", System.getProperty("prism.order", "sw"));
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        Platform.setImplicitExit(false);
        List<String> lines = new ArrayList<>();
        Stats floor = floor(seconds);
        lines.add(floor.line("floor: changed 1920x1080 PixelBuffer alone", floor));

        Path data = Files.createTempDirectory("wall-scale-bench");
        TestWall wall = new TestWall(platform, data, "daily", Clock.systemUTC()).show();
        WallCityMapView city = wall.composition().cityMap();
        MapView map = city.view();
        long t0 = System.nanoTime();
        waitFor(600, () -> layer(map, "parts") != null && layer(map, "parts").features().size() > 600_000
                && city.openCount() > 1000 && map.isComplete());
        int open = fx(city::openCount);
        int parts = fx(() -> layer(map, "parts").features().size());
        long sensors = fx(() -> map.getOverlay().query(-180, -90, 180, 90).stream()
                .filter(i -> i.kind() == LiveKind.SENSOR).count());
        lines.add(String.format(Locale.ROOT, "wall ready in %.1f s: %d open cases, %d parts, %d sensors in the overlay",
                (System.nanoTime() - t0) / 1e9, open, parts, sensors));
        Thread.sleep(3000);
        MapViewState home = fx(map::getViewState);
        capture(out.resolve("wall-map-fullscale-city.png"));
        Stats idle = measure(seconds, now -> { });
        lines.add(idle.line("wall at city zoom, left alone", floor));
        lines.add(drift(map, home, seconds, floor, "wall at city zoom, moved every pulse"));

        Envelope district = fx(() -> largestDistrict(map));
        MapViewState districtView = fx(() -> map.fit(district));
        fxRun(() -> map.setViewState(districtView));
        waitFor(60, map::isComplete);
        Thread.sleep(2000);
        capture(out.resolve("wall-map-fullscale-district.png"));
        lines.add(drift(map, districtView, seconds, floor, String.format(Locale.ROOT,
                "wall at district zoom %.1f, moved every pulse", districtView.zoom())));

        MapViewState street = new MapViewState(CORE_LNG, CORE_LAT, 16.5);
        fxRun(() -> map.setViewState(street));
        waitFor(60, map::isComplete);
        Thread.sleep(2000);
        capture(out.resolve("wall-map-fullscale-street.png"));
        lines.add(drift(map, street, seconds, floor, "wall at street zoom 16.5, moved every pulse"));

        lines.forEach(LOG::info);
        Files.write(out.resolve("wall-scale-bench.txt"), lines);
        wall.close();
        Platform.exit();
        System.exit(0);
    }

    /** Pulse intervals while the map's centre moves by a pixel or so each pulse, back and forth (every frame changes). */
    private static String drift(MapView map, MapViewState from, int seconds, Stats floor, String what) throws Exception {
        double step = 360 / (256 * Math.pow(2, from.zoom()));
        int[] frame = {0};
        Stats s = measure(seconds, now -> {
            int k = frame[0]++ % 240;
            double offset = (k < 120 ? k : 240 - k) * step;
            map.setViewState(new MapViewState(from.lng() + offset, from.lat(), from.zoom()));
        });
        return s.line(what, floor);
    }

    private static Stats floor(int seconds) throws Exception {
        int[] pixels = new int[1920 * 1080];
        PixelBuffer<IntBuffer> buffer = fx(() -> new PixelBuffer<>(1920, 1080, IntBuffer.wrap(pixels),
                PixelFormat.getIntArgbPreInstance()));
        Stage stage = fx(() -> {
            Stage st = new Stage(StageStyle.UNDECORATED);
            st.setX(0);
            st.setY(0);
            st.setScene(new Scene(new Pane(new ImageView(new WritableImage(buffer))), 1920, 1080));
            st.show();
            return st;
        });
        Thread.sleep(1000);
        int[] frame = {0};
        Stats s = measure(seconds, now -> {
            java.util.Arrays.fill(pixels, 0xff000000 | (++frame[0] * 0x010203));
            buffer.updateBuffer(b -> null);
        });
        fxRun(stage::hide);
        return s;
    }

    /** Pulse intervals over {@code seconds}, {@code each} run in every pulse first (after 30 warm-up pulses). */
    private static Stats measure(int seconds, LongConsumer each) throws Exception {
        List<Long> intervals = new ArrayList<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        fxRun(() -> new AnimationTimer() {
            private long last;
            private int pulses;

            @Override
            public void handle(long now) {
                if (last != 0 && ++pulses > 30) {
                    intervals.add(now - last);
                }
                last = now;
                if (System.nanoTime() > end) {
                    stop();
                    done.complete(null);
                    return;
                }
                each.accept(now);
            }
        }.start());
        done.get(seconds + 60L, TimeUnit.SECONDS);
        return new Stats(intervals);
    }

    private static Envelope largestDistrict(MapView map) {
        Envelope best = null;
        for (Feature f : layer(map, "district").features()) {
            Envelope e = f.geometry().getEnvelopeInternal();
            if (best == null || e.getArea() > best.getArea()) {
                best = e;
            }
        }
        return best;
    }

    private static FeatureLayer layer(MapView map, String id) {
        return map.getLayers().stream().filter(l -> l.id().equals(id)).findFirst().orElse(null);
    }

    private static void capture(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("import", "-window", "root", "-crop", "1920x1080+0+0", file.toString())
                .redirectErrorStream(true).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("import failed: " + new String(p.getInputStream().readAllBytes()));
        }
    }

    private static void waitFor(int seconds, java.util.function.BooleanSupplier on) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (!fx(on::getAsBoolean)) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("not ready after " + seconds + " s");
            }
            Thread.sleep(500);
        }
    }

    private static <T> T fx(java.util.concurrent.Callable<T> call) throws Exception {
        return WaitForAsyncUtils.asyncFx(call).get(60, TimeUnit.SECONDS);
    }

    private static void fxRun(Runnable run) throws Exception {
        WaitForAsyncUtils.asyncFx(run).get(60, TimeUnit.SECONDS);
    }

    /** Sorted pulse intervals. */
    private record Stats(List<Long> intervals) {
        Stats {
            intervals = intervals.stream().sorted().toList();
        }

        double p(int percent) {
            return intervals.get(Math.min(intervals.size() - 1, intervals.size() * percent / 100)) / 1e6;
        }

        String line(String what, Stats floor) {
            return String.format(Locale.ROOT, "%s: %d pulses, interval p50 %.1f ms, p95 %.1f ms, p99 %.1f ms;"
                    + " p95 / floor p95 = %.2f", what, intervals.size(), p(50), p(95), p(99), p(95) / floor.p(95));
        }
    }
}
