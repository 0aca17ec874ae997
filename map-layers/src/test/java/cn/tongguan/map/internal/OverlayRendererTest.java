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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OverlayRendererTest {
    private static final Instant NOW = Instant.parse("2026-11-25T01:00:00Z");
    private static final Instant OLD = NOW.minusSeconds(3600);
    private static final double ZOOM = 12;
    private final OverlayRenderer renderer = new OverlayRenderer(15, Duration.ofSeconds(30));

    /** The centre of the 64-pixel cluster cell at zoom 12 that holds 113.9, 35.3, as {lng, lat}. */
    private static double[] cellCentre() {
        double ws = WebMercator.worldSize(ZOOM);
        double cx = Math.floor(WebMercator.x(113.9) * ws / OverlayLayout.CELL) + 0.5;
        double cy = Math.floor(WebMercator.y(35.3) * ws / OverlayLayout.CELL) + 0.5;
        return new double[] {WebMercator.lng(cx * OverlayLayout.CELL / ws), WebMercator.lat(cy * OverlayLayout.CELL / ws)};
    }

    private static Viewport at(double zoom) {
        double[] c = cellCentre();
        return new Viewport(WebMercator.x(c[0]), WebMercator.y(c[1]), zoom, 400, 400);
    }

    /** {@code n} items within ±20 px of the cell centre at zoom 12 (a deterministic spiral). */
    private static List<LiveItem> near(String prefix, int n, LiveKind kind, LiveStatus status, Instant since) {
        double[] c = cellCentre();
        double degPerPx = 360 / WebMercator.worldSize(ZOOM);
        List<LiveItem> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double a = i * 2.4;
            double d = 20.0 * Math.sqrt((i + 0.5) / n);
            items.add(LiveItem.of(prefix + i, kind, c[0] + d * Math.cos(a) * degPerPx,
                    c[1] + d * Math.sin(a) * degPerPx * 0.8, status, since));
        }
        return items;
    }

    private static List<LiveItem> concat(List<LiveItem> a, List<LiveItem> b, List<LiveItem> c) {
        List<LiveItem> all = new ArrayList<>(a);
        all.addAll(b);
        all.addAll(c);
        return all;
    }

    @Test
    void aClusterRingShowsTheShareOfEachStatusAndPrintsTheCountOnADarkCentre() {
        List<LiveItem> items = concat(near("n", 60, LiveKind.CASE, LiveStatus.NORMAL, OLD),
                near("p", 30, LiveKind.CASE, LiveStatus.PENDING, OLD), near("o", 10, LiveKind.CASE,
                        LiveStatus.OVERDUE, OLD));
        Raster frame = new Raster(400, 400);
        List<OverlayRenderer.CountLabel> counts = renderer.draw(frame, at(ZOOM), items, NOW, true);
        assertThat(counts).singleElement().extracting(OverlayRenderer.CountLabel::count).isEqualTo(100);
        OverlayRenderer.CountLabel bubble = counts.get(0);
        double r = bubble.radius();
        double ringMid = r - ClusterBubble.ringWidth(r) / 2;
        int[] hits = new int[LiveStatus.values().length];
        int samples = 720;
        for (int i = 0; i < samples; i++) {
            double a = 2 * Math.PI * (i + 0.5) / samples;
            int pixel = pixel(frame, bubble.x() + ringMid * Math.sin(a), bubble.y() - ringMid * Math.cos(a));
            for (LiveStatus s : LiveStatus.values()) {
                // overdue and alarm share the red: the first match (overdue, the less severe) counts
                if (pixel == Raster.argb(s.colour())) {
                    hits[s.ordinal()]++;
                    break;
                }
            }
        }
        int classified = java.util.Arrays.stream(hits).sum();
        assertThat(classified).isGreaterThan(samples * 9 / 10);
        assertThat(hits[LiveStatus.NORMAL.ordinal()] / (double) classified).isCloseTo(0.6, within(0.04));
        assertThat(hits[LiveStatus.PENDING.ordinal()] / (double) classified).isCloseTo(0.3, within(0.04));
        assertThat(hits[LiveStatus.OVERDUE.ordinal()] / (double) classified).isCloseTo(0.1, within(0.04));
        // most severe first, clockwise from twelve o'clock: just right of the top is overdue
        assertThat(pixel(frame, bubble.x() + ringMid * Math.sin(0.15), bubble.y() - ringMid * Math.cos(0.15)))
                .isEqualTo(Raster.argb(LiveStatus.OVERDUE.colour()));
        assertThat(pixel(frame, bubble.x(), bubble.y())).isEqualTo(ClusterBubble.CENTRE);
    }

    @Test
    void aSmallShareStillGetsAVisibleArc() {
        int[] counts = new int[LiveStatus.values().length];
        counts[LiveStatus.NORMAL.ordinal()] = 999;
        counts[LiveStatus.ALARM.ordinal()] = 1;
        double[][] arcs = ClusterBubble.arcs(counts);
        double alarm = arcs[LiveStatus.ALARM.ordinal()][1] - arcs[LiveStatus.ALARM.ordinal()][0];
        double normal = arcs[LiveStatus.NORMAL.ordinal()][1] - arcs[LiveStatus.NORMAL.ordinal()][0];
        assertThat(Math.toDegrees(alarm)).isCloseTo(8, within(1e-9));
        assertThat(Math.toDegrees(alarm + normal)).isCloseTo(360, within(1e-9));
    }

    @Test
    void bubblesGrowWithTheCountButStayBetween8And20Pixels() {
        assertThat(OverlayLayout.bubbleRadius(2)).isEqualTo(8);
        assertThat(OverlayLayout.bubbleRadius(100)).isBetween(12.0, 15.0).isGreaterThan(OverlayLayout.bubbleRadius(10));
        assertThat(OverlayLayout.bubbleRadius(10_000)).isCloseTo(20, within(1e-9));
        assertThat(OverlayLayout.bubbleRadius(1_000_000)).isEqualTo(20);
        // drawn: 28,000 cases in one cell cover nothing beyond the 20 px bubble and its 1 px edge
        List<LiveItem> many = near("c", 28_000, LiveKind.CASE, LiveStatus.PENDING, OLD);
        Raster frame = new Raster(400, 400);
        OverlayRenderer.CountLabel bubble = renderer.draw(frame, at(ZOOM), many, NOW, true).get(0);
        for (int y = 0; y < 400; y++) {
            for (int x = 0; x < 400; x++) {
                if (Math.hypot(x + 0.5 - bubble.x(), y + 0.5 - bubble.y()) > 22.5) {
                    assertThat(frame.pixels()[y * 400 + x]).as("pixel %d,%d", x, y).isZero();
                }
            }
        }
    }

    @Test
    void kindsClusterSeparately() {
        List<LiveItem> items = concat(near("case", 5, LiveKind.CASE, LiveStatus.PENDING, OLD),
                near("sensor", 4, LiveKind.SENSOR, LiveStatus.NORMAL, OLD), List.of());
        List<OverlayLayout.Group> groups = OverlayLayout.groups(at(ZOOM), items, 15);
        assertThat(groups).hasSize(2);
        assertThat(groups).allMatch(g -> g.members().stream().allMatch(m -> m.kind() == g.kind()));
        assertThat(groups).extracting(OverlayLayout.Group::count).containsExactly(5, 4);
    }

    @Test
    void onlyAClusterHoldingAnAlarmBlinks() {
        Viewport vp = at(ZOOM);
        Raster fresh = new Raster(400, 400);
        OverlayRenderer.CountLabel calm = renderer.draw(fresh, vp,
                near("new", 5, LiveKind.CASE, LiveStatus.PENDING, NOW.minusSeconds(2)), NOW, true).get(0);
        assertThat(pixel(fresh, calm.x() + calm.radius() + 3, calm.y())).isZero();

        List<LiveItem> withAlarm = new ArrayList<>(near("old", 5, LiveKind.CASE, LiveStatus.PENDING, OLD));
        withAlarm.set(0, LiveItem.of("alarm", LiveKind.CASE, withAlarm.get(0).lng(), withAlarm.get(0).lat(),
                LiveStatus.ALARM, OLD));
        Raster on = new Raster(400, 400);
        OverlayRenderer.CountLabel alarmed = renderer.draw(on, vp, withAlarm, NOW, true).get(0);
        assertThat(pixel(on, alarmed.x() + alarmed.radius() + 3, alarmed.y())).isNotZero();
        Raster off = new Raster(400, 400);
        renderer.draw(off, vp, withAlarm, NOW, false);
        assertThat(pixel(off, alarmed.x() + alarmed.radius() + 3, alarmed.y())).isZero();
    }

    @Test
    void theHitIsTheDrawnClusterWithAllItsMembersAndTheirExtent() {
        List<LiveItem> items = concat(near("case", 7, LiveKind.CASE, LiveStatus.PENDING, OLD),
                near("sensor", 3, LiveKind.SENSOR, LiveStatus.NORMAL, OLD), List.of());
        List<OverlayLayout.Group> groups = OverlayLayout.groups(at(ZOOM), items, 15);
        OverlayLayout.Group cases = groups.get(0);
        Optional<OverlayHit> hit = OverlayLayout.hit(groups, cases.x() + 0.2, cases.y());
        assertThat(hit).isPresent();
        assertThat(hit.get().cluster()).isTrue();
        assertThat(hit.get().members()).containsExactlyInAnyOrderElementsOf(items.subList(0, 7));
        assertThat(hit.get().lngLat().getWidth()).isPositive();
        items.subList(0, 7).forEach(m -> assertThat(hit.get().lngLat().contains(m.lng(), m.lat())).isTrue());
        assertThat(OverlayLayout.hit(groups, cases.x() + cases.radius() + 20, cases.y() + 60)).isEmpty();
    }

    @Test
    void atStreetZoomItemsAreDrawnAndHitOneByOne() {
        double[] c = cellCentre();
        List<LiveItem> items = List.of(
                LiveItem.of("a", LiveKind.CASE, c[0], c[1], LiveStatus.NORMAL, OLD),
                LiveItem.of("b", LiveKind.CASE, c[0] + 0.0005, c[1], LiveStatus.OVERDUE, OLD));
        Raster frame = new Raster(400, 400);
        assertThat(renderer.draw(frame, at(17), items, NOW, true)).isEmpty();
        assertThat(frame.pixels()[200 * 400 + 200]).isEqualTo(Raster.argb(LiveStatus.NORMAL.colour()));
        Optional<OverlayHit> hit = OverlayLayout.hit(renderer.lastGroups(), 203, 201);
        assertThat(hit).map(OverlayHit::item).contains(items.get(0));
        assertThat(hit.get().cluster()).isFalse();
    }

    @Test
    void anItemWithAMinimumZoomIsNeitherDrawnNorCountedBelowIt() {
        double[] c = cellCentre();
        LiveOverlay overlay = new LiveOverlay();
        for (int i = 0; i < 3; i++) {
            overlay.put(LiveItem.of("cover" + i, LiveKind.SENSOR, c[0] + i * 1e-5, c[1], LiveStatus.NORMAL, OLD)
                    .withMinZoom(16));
        }
        overlay.put(LiveItem.of("alarmed", LiveKind.SENSOR, c[0], c[1], LiveStatus.ALARM, OLD));
        assertThat(renderer.layout(overlay, at(ZOOM))).singleElement()
                .satisfies(g -> assertThat(g.members()).extracting(LiveItem::id).containsExactly("alarmed"));
        assertThat(renderer.layout(overlay, at(16.5))).flatExtracting(OverlayLayout.Group::members).hasSize(4);
    }

    @Test
    void newItemsAndAlarmsBlinkOldOnesDoNot() {
        LiveItem fresh = LiveItem.of("new", LiveKind.CASE, 113.9, 35.3, LiveStatus.PENDING, NOW.minusSeconds(5));
        LiveItem old = LiveItem.of("old", LiveKind.CASE, 113.9, 35.3, LiveStatus.PENDING, OLD);
        LiveItem alarm = LiveItem.of("alarm", LiveKind.SENSOR, 113.9, 35.3, LiveStatus.ALARM, OLD);
        assertThat(renderer.blinks(List.of(old), NOW)).isFalse();
        assertThat(renderer.blinks(List.of(old, fresh), NOW)).isTrue();
        assertThat(renderer.blinks(List.of(alarm), NOW)).isTrue();
    }

    @Test
    void anOverdueCaseIsRedButDoesNotBlinkASensorAlarmStillDoes() {
        double[] c = cellCentre();
        LiveItem overdue = LiveItem.of("late", LiveKind.CASE, c[0], c[1], LiveStatus.OVERDUE, OLD);
        LiveItem alarm = LiveItem.of("flood", LiveKind.SENSOR, c[0], c[1], LiveStatus.ALARM, OLD);
        int red = Raster.argb(javafx.scene.paint.Color.web("#ff3b3b"));
        assertThat(Raster.argb(LiveStatus.OVERDUE.colour())).isEqualTo(red);
        assertThat(renderer.blinks(List.of(overdue), NOW)).isFalse();
        assertThat(renderer.blinks(List.of(alarm), NOW)).isTrue();
        // drawn singly at street zoom: red in both blink phases, no halo around it
        for (boolean phase : new boolean[] {true, false}) {
            Raster frame = new Raster(400, 400);
            renderer.draw(frame, at(17), List.of(overdue), NOW, phase);
            assertThat(frame.pixels()[200 * 400 + 200]).isEqualTo(red);
            assertThat(frame.pixels()[200 * 400 + 211]).isZero();
        }
        Raster sensor = new Raster(400, 400);
        renderer.draw(sensor, at(17), List.of(alarm), NOW, true);
        assertThat(sensor.pixels()[200 * 400 + 211]).as("the alarm's halo").isNotZero();
    }

    @Test
    void aClusterOfOverdueCasesIsRingedRedAndDoesNotBlink() {
        List<LiveItem> items = concat(near("late", 40, LiveKind.CASE, LiveStatus.OVERDUE, OLD),
                near("due", 40, LiveKind.CASE, LiveStatus.PENDING, OLD), List.of());
        Raster frame = new Raster(400, 400);
        OverlayRenderer.CountLabel bubble = renderer.draw(frame, at(ZOOM), items, NOW, true).get(0);
        double ringMid = bubble.radius() - ClusterBubble.ringWidth(bubble.radius()) / 2;
        // overdue is the most severe share here: first clockwise from twelve o'clock, in the red light's red
        assertThat(pixel(frame, bubble.x() + ringMid * Math.sin(0.3), bubble.y() - ringMid * Math.cos(0.3)))
                .isEqualTo(Raster.argb(javafx.scene.paint.Color.web("#ff3b3b")));
        assertThat(pixel(frame, bubble.x() + bubble.radius() + 3, bubble.y())).as("no blink halo").isZero();
        assertThat(OverlayLayout.groups(at(ZOOM), items, 15)).singleElement()
                .satisfies(g -> assertThat(g.alarm()).isFalse());
    }

    @Test
    void aCameraLooksWhereItsHeadingPoints() {
        double[] c = cellCentre();
        LiveItem camera = LiveItem.camera("cam001", c[0], c[1], LiveStatus.NORMAL, OLD, 90, 60);
        Raster frame = new Raster(400, 400);
        renderer.draw(frame, at(17), List.of(camera), NOW, true);
        // heading 90° = east: the cone covers 30 px to the right of the camera, nothing to the left
        assertThat(frame.pixels()[200 * 400 + 230]).isNotZero();
        assertThat(frame.pixels()[200 * 400 + 170]).isZero();
    }

    private static int pixel(Raster frame, double x, double y) {
        return frame.pixels()[(int) Math.floor(y) * frame.width() + (int) Math.floor(x)];
    }
}
