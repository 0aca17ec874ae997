package cn.tongguan.console.wall;

import cn.tongguan.api.Reference;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * What the wall does by itself in a rainstorm: the first waterlogging alarm switches to the rainstorm
 * preset and puts the four cameras nearest the rising point on a tour; every further alarm adds its own
 * four; when the last alarm clears the wall returns to its everyday layout and tour. No one has to touch it.
 */
public final class AlarmResponse {
    static final int NEAREST = 4;

    private final WallLayout daily;
    private final WallLayout rainstorm;
    private final Consumer<WallLayout> useLayout;
    private final BiConsumer<String, List<Reference.Camera>> tourCameras;
    private final Runnable everydayTour;
    private final Map<String, Reference.Sensor> active = new LinkedHashMap<>();
    private List<Reference.Camera> cameras = List.of();

    /**
     * @param tourCameras shows the named cameras on a tour (name, cameras)
     * @param everydayTour goes back to the tour of all cameras
     */
    public AlarmResponse(WallLayout daily, WallLayout rainstorm, Consumer<WallLayout> useLayout,
                         BiConsumer<String, List<Reference.Camera>> tourCameras, Runnable everydayTour) {
        this.daily = daily;
        this.rainstorm = rainstorm;
        this.useLayout = useLayout;
        this.tourCameras = tourCameras;
        this.everydayTour = everydayTour;
    }

    public void cameras(List<Reference.Camera> all) {
        cameras = List.copyOf(all);
    }

    public void raised(Reference.Sensor gauge) {
        boolean first = active.isEmpty();
        active.put(gauge.id(), gauge);
        if (first) {
            useLayout.accept(rainstorm);
        }
        tourCameras.accept(gauge.name(), nearestToActive());
    }

    public void cleared(Reference.Sensor gauge) {
        if (active.remove(gauge.id()) == null) {
            return;
        }
        if (active.isEmpty()) {
            useLayout.accept(daily);
            everydayTour.run();
        } else {
            Reference.Sensor latest = active.values().stream().reduce((a, b) -> b).orElseThrow();
            tourCameras.accept(latest.name(), nearestToActive());
        }
    }

    /** The four cameras nearest each active alarm, newest alarm first, without repeats. */
    List<Reference.Camera> nearestToActive() {
        List<Reference.Sensor> newestFirst = new java.util.ArrayList<>(active.values());
        java.util.Collections.reverse(newestFirst);
        return newestFirst.stream().flatMap(g -> nearest(g).stream()).distinct().toList();
    }

    List<Reference.Camera> nearest(Reference.Sensor gauge) {
        double cos = Math.cos(Math.toRadians(gauge.lat()));
        return cameras.stream()
                .sorted(Comparator.comparingDouble(c -> sq((c.lng() - gauge.lng()) * cos) + sq(c.lat() - gauge.lat())))
                .limit(NEAREST).toList();
    }

    private static double sq(double v) {
        return v * v;
    }
}
