package cn.tongguan.video;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A video patrol (视频轮巡): an ordered camera list, how long each camera stays up, and the order.
 * Dwell bounds (5–300 s by default) are enforced by the wall from {@link VideoConfig}, so a test can
 * run a tour with a one-second dwell.
 *
 * @param dwell          how long a camera stays up unless {@code dwellByCamera} says otherwise
 * @param dwellByCamera  per-camera dwell, by camera id
 */
public record Tour(String name, List<Camera> cameras, Duration dwell, Map<String, Duration> dwellByCamera,
                   TourOrder order) {
    public static final Duration DEFAULT_DWELL = Duration.ofSeconds(30);

    public Tour {
        Objects.requireNonNull(name, "name");
        cameras = List.copyOf(cameras);
        if (cameras.isEmpty()) {
            throw new IllegalArgumentException("a tour needs at least one camera");
        }
        dwell = dwell == null ? DEFAULT_DWELL : dwell;
        if (dwell.isNegative() || dwell.isZero()) {
            throw new IllegalArgumentException("dwell must be positive");
        }
        dwellByCamera = dwellByCamera == null ? Map.of() : Map.copyOf(dwellByCamera);
        order = order == null ? TourOrder.SEQUENTIAL : order;
    }

    public static Tour of(String name, List<Camera> cameras) {
        return new Tour(name, cameras, DEFAULT_DWELL, Map.of(), TourOrder.SEQUENTIAL);
    }

    public Tour withDwell(Duration newDwell) {
        return new Tour(name, cameras, newDwell, dwellByCamera, order);
    }

    public Tour withOrder(TourOrder newOrder) {
        return new Tour(name, cameras, dwell, dwellByCamera, newOrder);
    }

    public Duration dwellOf(Camera camera) {
        return dwellByCamera.getOrDefault(camera.id(), dwell);
    }
}
