package cn.tongguan.video;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.video.internal.CameraHealth;
import cn.tongguan.video.internal.TourRunner;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TourRunnerTest {
    private static final long S = 1_000_000_000L;
    private final CameraHealth health = new CameraHealth(60 * S);
    private final List<Camera> cams = IntStream.rangeClosed(1, 5)
            .mapToObj(i -> new Camera("cam" + i, "c" + i, URI.create("rtsp://h/cam" + i), null)).toList();

    private TourRunner runner(Tour tour) {
        return new TourRunner(tour, VideoConfig.defaults()::clampDwell, new Random(7), health);
    }

    @Test
    void sequentialTourGoesRoundInOrder() {
        TourRunner r = runner(Tour.of("t", cams));
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Camera c = r.peekNext(0);
            r.show(c, 0);
            shown.add(c.id());
        }
        assertThat(shown).containsExactly("cam1", "cam2", "cam3", "cam4", "cam5", "cam1", "cam2");
    }

    @Test
    void offlineCamerasAreSkippedUntilTheirRetryTime() {
        TourRunner r = runner(Tour.of("t", cams));
        r.show(cams.get(0), 0);
        health.offline("cam2", 0);
        assertThat(r.peekNext(S).id()).isEqualTo("cam3");
        assertThat(r.peekNext(61 * S).id()).isEqualTo("cam2");
    }

    @Test
    void dwellIsKeptWithinTheWallsBounds() {
        TourRunner r = runner(new Tour("t", cams, Duration.ofSeconds(1), Map.of("cam2", Duration.ofSeconds(90)), TourOrder.SEQUENTIAL));
        r.show(cams.get(0), 0);
        assertThat(r.remaining(0)).isEqualTo(5 * S);
        r.show(cams.get(1), 0);
        assertThat(r.remaining(0)).isEqualTo(90 * S);
        assertThat(r.due(90 * S)).isTrue();
    }

    @Test
    void pauseHoldsTheRemainingDwell() {
        TourRunner r = runner(Tour.of("t", cams));
        r.show(cams.get(0), 0);
        r.pause(10 * S);
        assertThat(r.due(100 * S)).isFalse();
        r.resume(100 * S);
        assertThat(r.remaining(100 * S)).isEqualTo(20 * S);
    }

    @Test
    void randomTourShowsEveryCameraOnceARound() {
        TourRunner r = runner(Tour.of("t", cams).withOrder(TourOrder.RANDOM));
        for (int round = 0; round < 3; round++) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < cams.size(); i++) {
                Camera c = r.peekNext(0);
                r.show(c, 0);
                seen.add(c.id());
            }
            assertThat(seen).hasSize(5);
        }
    }
}
