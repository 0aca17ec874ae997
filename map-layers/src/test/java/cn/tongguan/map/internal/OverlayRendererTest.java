package cn.tongguan.map.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.map.LiveItem;
import cn.tongguan.map.LiveKind;
import cn.tongguan.map.LiveStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverlayRendererTest {
    private static final Instant NOW = Instant.parse("2026-11-25T01:00:00Z");
    private static final Instant OLD = NOW.minusSeconds(3600);
    private final OverlayRenderer renderer = new OverlayRenderer(15, Duration.ofSeconds(30));

    private static Viewport at(double zoom) {
        return new Viewport(WebMercator.x(113.9), WebMercator.y(35.3), zoom, 400, 400);
    }

    @Test
    void aClusterIsOneBubbleInTheColourOfItsWorstMember() {
        List<LiveItem> items = List.of(
                LiveItem.of("a", LiveKind.CASE, 113.9, 35.3, LiveStatus.NORMAL, OLD),
                LiveItem.of("b", LiveKind.CASE, 113.9001, 35.3, LiveStatus.OVERDUE, OLD),
                LiveItem.of("c", LiveKind.SENSOR, 113.9002, 35.3, LiveStatus.OFFLINE, OLD));
        Raster frame = new Raster(400, 400);
        List<OverlayRenderer.CountLabel> counts = renderer.draw(frame, at(12), items, NOW, true);
        assertThat(counts).singleElement().extracting(OverlayRenderer.CountLabel::count).isEqualTo(3);
        OverlayRenderer.CountLabel bubble = counts.get(0);
        assertThat(frame.pixels()[(int) bubble.y() * 400 + (int) bubble.x()])
                .isEqualTo(Raster.argb(LiveStatus.OVERDUE.colour()));
    }

    @Test
    void atStreetZoomItemsAreDrawnOneByOne() {
        List<LiveItem> items = List.of(
                LiveItem.of("a", LiveKind.CASE, 113.9, 35.3, LiveStatus.NORMAL, OLD),
                LiveItem.of("b", LiveKind.CASE, 113.9005, 35.3, LiveStatus.OVERDUE, OLD));
        Raster frame = new Raster(400, 400);
        assertThat(renderer.draw(frame, at(17), items, NOW, true)).isEmpty();
        assertThat(frame.pixels()[200 * 400 + 200]).isEqualTo(Raster.argb(LiveStatus.NORMAL.colour()));
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
    void aCameraLooksWhereItsHeadingPoints() {
        LiveItem camera = LiveItem.camera("cam001", 113.9, 35.3, LiveStatus.NORMAL, OLD, 90, 60);
        Raster frame = new Raster(400, 400);
        renderer.draw(frame, at(17), List.of(camera), NOW, true);
        // heading 90° = east: the cone covers 30 px to the right of the camera, nothing to the left
        assertThat(frame.pixels()[200 * 400 + 230]).isNotZero();
        assertThat(frame.pixels()[200 * 400 + 170]).isZero();
    }
}
