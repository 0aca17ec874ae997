package cn.tongguan.map.bench;

import cn.tongguan.map.LiveItem;
import cn.tongguan.map.LiveKind;
import cn.tongguan.map.LiveStatus;
import cn.tongguan.map.internal.OverlayRenderer;
import cn.tongguan.map.internal.Raster;
import cn.tongguan.map.internal.Viewport;
import cn.tongguan.map.internal.WebMercator;
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
 * zoom (17, one by one). Uses only {@code OverlayRenderer.draw}, whose signature predates issue 15's redesign,
 * so the same class runs against the build before it (scripts/overlaybench-before-after.sh).
 */
public final class OverlayBench {
    private static final Logger LOG = LoggerFactory.getLogger(OverlayBench.class);
    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");

    private OverlayBench() {
    }

    public static void main(String[] args) {
        List<LiveItem> items = items();
        OverlayRenderer renderer = new OverlayRenderer(15, Duration.ofSeconds(30));
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
        }
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
