package cn.tongguan.map;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.map.internal.WebMercator;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LiveOverlayTest {
    private final Instant now = Instant.parse("2026-11-25T01:00:00Z");

    private static java.util.List<String> idsIn(LiveOverlay overlay, double lng0, double lat0, double lng1,
                                                double lat1) {
        return overlay.query(WebMercator.x(lng0), WebMercator.y(lat1), WebMercator.x(lng1), WebMercator.y(lat0))
                .stream().map(LiveItem::id).sorted().toList();
    }

    @Test
    void aWindowQueryReturnsOnlyTheItemsInside() {
        LiveOverlay overlay = new LiveOverlay();
        overlay.put(LiveItem.of("in", LiveKind.CASE, 113.90, 35.30, LiveStatus.PENDING, now));
        overlay.put(LiveItem.of("out", LiveKind.CASE, 114.30, 35.30, LiveStatus.PENDING, now));
        overlay.put(LiveItem.camera("cam", 113.91, 35.31, LiveStatus.NORMAL, now, 90, 60));
        assertThat(idsIn(overlay, 113.85, 35.25, 113.95, 35.35)).containsExactly("cam", "in");
    }

    @Test
    void puttingTheSameIdMovesTheItem() {
        LiveOverlay overlay = new LiveOverlay();
        overlay.put(LiveItem.of("c1", LiveKind.CASE, 113.90, 35.30, LiveStatus.PENDING, now));
        overlay.put(LiveItem.of("c1", LiveKind.CASE, 114.30, 35.30, LiveStatus.OVERDUE, now));
        assertThat(overlay.size()).isEqualTo(1);
        assertThat(idsIn(overlay, 113.85, 35.25, 113.95, 35.35)).isEmpty();
        assertThat(idsIn(overlay, 114.25, 35.25, 114.35, 35.35)).containsExactly("c1");
    }

    @Test
    void everyChangeNotifiesTheMap() {
        LiveOverlay overlay = new LiveOverlay();
        AtomicInteger changes = new AtomicInteger();
        overlay.addListener(changes::incrementAndGet);
        overlay.put(LiveItem.of("c1", LiveKind.CASE, 113.90, 35.30, LiveStatus.PENDING, now));
        overlay.remove("c1");
        overlay.remove("never-there");
        assertThat(changes).hasValue(2);
    }

    @Test
    void anAlarmOutranksEverythingAndOfflineRanksLowest() {
        assertThat(LiveStatus.ALARM.severity()).isGreaterThan(LiveStatus.OVERDUE.severity());
        assertThat(LiveStatus.OFFLINE.severity()).isLessThan(LiveStatus.NORMAL.severity());
    }
}
