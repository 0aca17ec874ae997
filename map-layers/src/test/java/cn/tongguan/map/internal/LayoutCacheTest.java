package cn.tongguan.map.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.tongguan.map.LiveItem;
import cn.tongguan.map.LiveKind;
import cn.tongguan.map.LiveOverlay;
import cn.tongguan.map.LiveStatus;
import cn.tongguan.map.OverlayHit;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The overlay's groups kept across pans (decision 0148), as the map uses them: through its renderer. */
class LayoutCacheTest {
    private static final Instant OLD = Instant.parse("2026-11-25T00:00:00Z");
    private final LiveOverlay overlay = new LiveOverlay();
    private final OverlayRenderer renderer = new OverlayRenderer(15, Duration.ofSeconds(30));

    @BeforeEach
    void fill() {
        overlay.addListener(renderer::overlayChanged);
        Random random = new Random(48);
        for (int i = 0; i < 6000; i++) {
            overlay.put(LiveItem.of("case-" + i, LiveKind.CASE, 113.9 + random.nextGaussian() * 0.03,
                    35.29 + random.nextGaussian() * 0.02, i % 5 == 0 ? LiveStatus.OVERDUE : LiveStatus.PENDING, OLD));
        }
        for (int i = 0; i < 40; i++) {
            overlay.put(LiveItem.of("sensor-" + i, LiveKind.SENSOR, 113.9 + random.nextGaussian() * 0.03,
                    35.29 + random.nextGaussian() * 0.02, LiveStatus.NORMAL, OLD));
        }
    }

    private static Viewport view(double zoom, double dxPx, double dyPx) {
        double ws = WebMercator.worldSize(zoom);
        return new Viewport(WebMercator.x(113.9) + dxPx / ws, WebMercator.y(35.29) + dyPx / ws, zoom, 1280, 720);
    }

    /** Groups whose whole bubble lies inside a screen rectangle, by their members' ids. */
    private static Map<Set<String>, OverlayLayout.Group> inside(List<OverlayLayout.Group> groups, double x0,
                                                               double y0, double x1, double y1) {
        Map<Set<String>, OverlayLayout.Group> byMembers = new HashMap<>();
        for (OverlayLayout.Group g : groups) {
            if (g.x() - g.radius() >= x0 && g.x() + g.radius() <= x1 && g.y() - g.radius() >= y0
                    && g.y() + g.radius() <= y1) {
                byMembers.put(g.members().stream().map(LiveItem::id).collect(Collectors.toSet()), g);
            }
        }
        return byMembers;
    }

    @Test
    void aPanKeepsTheSameGroupsShiftedAndLaysNothingOut() {
        renderer.layout(overlay, view(12.5, -100, 0));
        // the first pan at a zoom lays out ahead of the view (a zoom in motion laid out just the view) ...
        List<OverlayLayout.Group> before = renderer.layout(overlay, view(12.5, 0, 0));
        long layouts = renderer.layouts();
        // ... the next pans lay out nothing
        // 37 px right and 23 px up: what was at (x, y) is now at (x − 37, y + 23)
        List<OverlayLayout.Group> after = renderer.layout(overlay, view(12.5, 37, -23));
        assertThat(renderer.layouts()).isEqualTo(layouts);
        Map<Set<String>, OverlayLayout.Group> was = inside(before, 40, 0, 1280, 690);
        Map<Set<String>, OverlayLayout.Group> now = inside(after, 0, 23, 1240, 720);
        assertThat(was).hasSizeGreaterThan(20);
        assertThat(now.keySet()).containsAll(was.keySet());
        was.forEach((members, g) -> {
            OverlayLayout.Group moved = now.get(members);
            assertThat(moved.x()).isCloseTo(g.x() - 37, within(1e-6));
            assertThat(moved.y()).isCloseTo(g.y() + 23, within(1e-6));
            assertThat(moved.statusCounts()).containsExactly(g.statusCounts());
        });
        // and the same groups as laying the shifted view out afresh
        LiveOverlay same = new LiveOverlay();
        overlay.query(0, 0, 1, 1).forEach(same::put);
        OverlayRenderer fresh = new OverlayRenderer(15, Duration.ofSeconds(30));
        assertThat(inside(fresh.layout(same, view(12.5, 37, -23)), 0, 0, 1280, 720).keySet())
                .isEqualTo(inside(after, 0, 0, 1280, 720).keySet());
    }

    @Test
    void panningFarLaysOutAheadOnlyOnceInAWhileAndAZoomLaysOutAgain() {
        renderer.layout(overlay, view(12.5, 0, 0));
        long start = renderer.layouts();
        for (int step = 1; step <= 100; step++) {
            renderer.layout(overlay, view(12.5, 8 * step, 0));
        }
        // 800 px of pan with 256 px laid out ahead each time: three or four layouts, not a hundred
        assertThat(renderer.layouts() - start).isBetween(1L, 4L);
        long panned = renderer.layouts();
        renderer.layout(overlay, view(12.6, 800, 0));
        assertThat(renderer.layouts()).isEqualTo(panned + 1);
    }

    @Test
    void afterAPanTheHitIsStillTheItemUnderThePointer() {
        renderer.layout(overlay, view(16, 0, 0));
        Viewport panned = view(16, 300, 120);
        List<OverlayLayout.Group> groups = renderer.layout(overlay, panned);
        // the item nearest the middle of the panned view
        LiveItem target = overlay.query(0, 0, 1, 1).stream().min(java.util.Comparator.comparingDouble(
                i -> Math.hypot(panned.screenX(WebMercator.x(i.lng())) - 640,
                        panned.screenY(WebMercator.y(i.lat())) - 360))).orElseThrow();
        double x = panned.screenX(WebMercator.x(target.lng()));
        double y = panned.screenY(WebMercator.y(target.lat()));
        assertThat(x).isBetween(0.0, 1280.0);
        assertThat(y).isBetween(0.0, 720.0);
        OverlayHit hit = OverlayLayout.hit(groups, x + 1, y - 1).orElseThrow();
        assertThat(hit.cluster()).isFalse();
        assertThat(hit.item()).isEqualTo(target);
        // clustered: the bubble a pan brought under the pointer holds the cell's items
        Viewport city = view(12.5, 0, 0);
        renderer.layout(overlay, city);
        Viewport cityPanned = view(12.5, 200, 0);
        OverlayLayout.Group bubble = renderer.layout(overlay, cityPanned).stream().filter(OverlayLayout.Group::cluster)
                .max(java.util.Comparator.comparingInt(OverlayLayout.Group::count)).orElseThrow();
        OverlayHit clusterHit = OverlayLayout.hit(renderer.layout(overlay, cityPanned), bubble.x(), bubble.y())
                .orElseThrow();
        assertThat(clusterHit.members()).isEqualTo(bubble.members());
        double ws = WebMercator.worldSize(12.5);
        clusterHit.members().forEach(m -> {
            assertThat(OverlayLayout.cell(WebMercator.x(m.lng()) * ws))
                    .isEqualTo(OverlayLayout.cell(WebMercator.x(clusterHit.members().get(0).lng()) * ws));
        });
    }

    @Test
    void changingAnItemLaysOutAgainAndTheGroupsShowIt() {
        Viewport vp = view(16, 0, 0);
        renderer.layout(overlay, vp);
        long layouts = renderer.layouts();
        LiveItem moved = overlay.get("case-0");
        overlay.put(LiveItem.of(moved.id(), moved.kind(), 113.9, 35.29, LiveStatus.NORMAL, OLD));
        List<OverlayLayout.Group> groups = renderer.layout(overlay, vp);
        assertThat(renderer.layouts()).isEqualTo(layouts + 1);
        OverlayHit hit = OverlayLayout.hit(groups, 640, 360).orElseThrow();
        assertThat(hit.members()).extracting(LiveItem::id).contains("case-0");
        assertThat(hit.members()).filteredOn(m -> m.id().equals("case-0")).singleElement()
                .extracting(LiveItem::status).isEqualTo(LiveStatus.NORMAL);
        overlay.remove("case-0");
        assertThat(renderer.layout(overlay, vp)).flatExtracting(OverlayLayout.Group::members)
                .extracting(LiveItem::id).doesNotContain("case-0");
    }
}
