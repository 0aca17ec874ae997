package cn.tongguan.map.bench;

import cn.tongguan.map.LiveItem;
import cn.tongguan.map.LiveKind;
import cn.tongguan.map.LiveOverlay;
import cn.tongguan.map.LiveStatus;
import cn.tongguan.map.internal.OverlayRenderer;
import cn.tongguan.map.internal.Raster;
import cn.tongguan.map.internal.Viewport;
import cn.tongguan.map.internal.WebMercator;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live overlay's cost per frame, without a toolkit (docs/benchmarks.md): 28,000 open cases, 50 sensors and
 * 140 cameras drawn into a 1920×1080 raster at the city zoom of the urban core (11.5, clustered) and at street
 * zoom (17, one by one). Three figures per zoom: {@code draw} of a given list (laid out every time); a still
 * frame as the map paints it (items from the overlay, laid out, drawn), and a pan (the same, the view moved by
 * 8 px right and 3 px down a frame). A map frame is {@code draw(frame, vp, overlay, …)} where the build has it
 * (decision 0148), else {@code draw(frame, vp, visible(overlay, vp), …)} as its {@code FramePainter} did, so the
 * same class runs against older builds (scripts/overlaybench-before-after.sh).
 */
public final class OverlayBench {
    private static final Logger LOG = LoggerFactory.getLogger(OverlayBench.class);
    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");

    private OverlayBench() {
    }

    /** One map frame's overlay: what the build's {@code FramePainter} calls. */
    private interface MapFrame {
        void paint(Raster frame, Viewport vp) throws ReflectiveOperationException;
    }

    private static MapFrame mapFrame(OverlayRenderer renderer, LiveOverlay overlay) {
        try {
            Method draw = OverlayRenderer.class.getMethod("draw", Raster.class, Viewport.class, LiveOverlay.class,
                    Instant.class, boolean.class);
            LOG.info("map frame: draw(frame, vp, overlay, now, blinkOn)");
            return (frame, vp) -> draw.invoke(renderer, frame, vp, overlay, NOW, true);
        } catch (NoSuchMethodException e) {
            LOG.info("map frame: draw(frame, vp, visible(overlay, vp), now, blinkOn)");
            return (frame, vp) -> renderer.draw(frame, vp, renderer.visible(overlay, vp), NOW, true);
        }
    }

    public static void main(String[] args) throws ReflectiveOperationException {
        List<LiveItem> items = items();
        OverlayRenderer renderer = new OverlayRenderer(15, Duration.ofSeconds(30));
        LiveOverlay overlay = new LiveOverlay();
        overlay.putAll(items);
        MapFrame mapFrame = mapFrame(new OverlayRenderer(15, Duration.ofSeconds(30)), overlay);
        Raster frame = new Raster(1920, 1080);
        for (double zoom : new double[] {11.5, 13.2, 17}) {
            Viewport vp = new Viewport(WebMercator.x(113.9), WebMercator.y(35.29), zoom, 1920, 1080);
            List<LiveItem> visible = items.stream().filter(i -> {
                double x = vp.screenX(WebMercator.x(i.lng()));
                double y = vp.screenY(WebMercator.y(i.lat()));
                return x > -80 && y > -80 && x < 2000 && y < 1160;
            }).toList();
            long[] nanos = new long[200];
            int counts = 0;
            for (int run = -100; run < nanos.length; run++) {
                frame.clear(0xff0d1b2a);
                long start = System.nanoTime();
                counts = renderer.draw(frame, vp, visible, NOW, true).size();
                if (run >= 0) {
                    nanos[run] = System.nanoTime() - start;
                }
            }
            Arrays.sort(nanos);
            int changed = 0;
            for (int p : frame.pixels()) {
                changed += p != 0xff0d1b2a ? 1 : 0;
            }
            LOG.info("zoom {}: {} items on screen, {} bubbles, overlay draw p50 {} ms, p95 {} ms, {} % of pixels"
                    + " covered", zoom, visible.size(), counts, String.format("%.2f", nanos[100] / 1e6),
                    String.format("%.2f", nanos[190] / 1e6), String.format("%.1f", 100.0 * changed / (1920 * 1080)));
            long[] still = timeFrames(frame, mapFrame, run -> vp);
            LOG.info("zoom {}: still map frame (overlay query, layout, draw) {}", zoom, figures(still));
            // a drag: 8 px right and 3 px down a frame, untimed back from the start, then timed on from it
            double ws = WebMercator.worldSize(zoom);
            long[] pan = timeFrames(frame, mapFrame, run -> vp.withCenter(vp.centerX() + 8.0 * run / ws,
                    vp.centerY() + 3.0 * run / ws));
            LOG.info("zoom {}: pan map frame (8 px right, 3 px down a frame) {}", zoom, figures(pan));
        }
    }

    /** 100 untimed then 200 timed map frames, frame {@code run} (from -100) painted at {@code viewAt.apply(run)}. */
    private static long[] timeFrames(Raster frame, MapFrame mapFrame, java.util.function.IntFunction<Viewport> viewAt)
            throws ReflectiveOperationException {
        long[] nanos = new long[200];
        for (int run = -100; run < nanos.length; run++) {
            Viewport at = viewAt.apply(run);
            frame.clear(0xff0d1b2a);
            long start = System.nanoTime();
            mapFrame.paint(frame, at);
            if (run >= 0) {
                nanos[run] = System.nanoTime() - start;
            }
        }
        return nanos;
    }

    private static String figures(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0);
        return String.format(java.util.Locale.ROOT, "p50 %.2f ms, p95 %.2f ms, mean %.2f ms, max %.2f ms", sorted[sorted.length / 2] / 1e6,
                sorted[sorted.length * 95 / 100] / 1e6, mean / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    private static List<LiveItem> items() {
        Random random = new Random(15);
        LiveStatus[] statuses = {LiveStatus.PENDING, LiveStatus.PENDING, LiveStatus.OVERDUE, LiveStatus.NORMAL};
        List<LiveItem> items = new ArrayList<>();
        for (int i = 0; i < 28_000; i++) {
            items.add(LiveItem.of("case-" + i, LiveKind.CASE, 113.9 + random.nextGaussian() * 0.06,
                    35.29 + random.nextGaussian() * 0.04, statuses[random.nextInt(statuses.length)],
                    NOW.minusSeconds(3600)));
        }
        for (int i = 0; i < 50; i++) {
            items.add(LiveItem.of("sensor-" + i, LiveKind.SENSOR, 113.9 + random.nextGaussian() * 0.05,
                    35.29 + random.nextGaussian() * 0.03, i % 10 == 0 ? LiveStatus.ALARM : LiveStatus.NORMAL,
                    NOW.minusSeconds(3600)));
        }
        for (int i = 0; i < 140; i++) {
            items.add(LiveItem.camera("cam-" + i, 113.9 + random.nextGaussian() * 0.05,
                    35.29 + random.nextGaussian() * 0.03, LiveStatus.NORMAL, NOW.minusSeconds(3600), i * 37 % 360,
                    60));
        }
        return items;
    }
}
