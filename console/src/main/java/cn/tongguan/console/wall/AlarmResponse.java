package cn.tongguan.console.wall;

import cn.tongguan.api.Lifeline;
import cn.tongguan.api.Reference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * What the wall does by itself in a rainstorm, driven by the platform's alarm events: the first water alarm
 * raised switches to the rainstorm preset (overriding the schedule) and tours the alarm's cameras (the platform
 * names the four nearest; the wall finds them itself when it does not); every further alarm adds its own; when
 * the last water alarm is cleared the override ends and the everyday tour returns. Acknowledging changes
 * nothing here: the water is still there.
 */
public final class AlarmResponse {
    static final int NEAREST = 4;
    /** Alarm kinds that mean water on the street (the rainstorm preset's business). */
    static final Set<String> WATER = Set.of("WATER_DEPTH", "UNDERPASS_LEVEL");

    private final WallLayout rainstorm;
    private final Consumer<WallLayout> override;
    private final BiConsumer<String, List<Reference.Camera>> tourCameras;
    private final Runnable everydayTour;
    private final Map<Long, Active> active = new LinkedHashMap<>();
    private List<Reference.Camera> cameras = List.of();

    private record Active(String place, List<Reference.Camera> cameras) {
    }

    /**
     * @param override sets the preset that overrides the schedule ({@code null}: the schedule again)
     * @param tourCameras shows the named cameras on a tour (place, cameras)
     * @param everydayTour goes back to the tour of all cameras
     */
    public AlarmResponse(WallLayout rainstorm, Consumer<WallLayout> override,
                         BiConsumer<String, List<Reference.Camera>> tourCameras, Runnable everydayTour) {
        this.rainstorm = rainstorm;
        this.override = override;
        this.tourCameras = tourCameras;
        this.everydayTour = everydayTour;
    }

    public void cameras(List<Reference.Camera> all) {
        cameras = List.copyOf(all);
    }

    /** Water alarms the wall is responding to. */
    public int activeCount() {
        return active.size();
    }

    /** An alarm was raised (or found active after a reconnect); {@code sensor} may be null when unknown. */
    public void raised(Lifeline.Alarm alarm, Reference.Sensor sensor) {
        if (!WATER.contains(alarm.kind()) || "CLEARED".equals(alarm.state()) || active.containsKey(alarm.id())) {
            return;
        }
        boolean first = active.isEmpty();
        String place = sensor == null ? alarm.sensorId() : sensor.name();
        active.put(alarm.id(), new Active(place, camerasFor(alarm, sensor)));
        if (first) {
            override.accept(rainstorm);
        }
        tourCameras.accept(place, toured());
    }

    public void cleared(Lifeline.Alarm alarm) {
        if (active.remove(alarm.id()) == null) {
            return;
        }
        if (active.isEmpty()) {
            override.accept(null);
            everydayTour.run();
        } else {
            List<Active> all = new ArrayList<>(active.values());
            tourCameras.accept(all.get(all.size() - 1).place(), toured());
        }
    }

    /** After a reconnect: alarms the wall thought active but the platform no longer lists were cleared meanwhile. */
    public void keepOnly(Set<Long> stillActive) {
        for (Long id : List.copyOf(active.keySet())) {
            if (!stillActive.contains(id)) {
                cleared(new Lifeline.Alarm(id, null, null, "WATER_DEPTH", null, 0, 0, "CLEARED", null, null, null,
                        null, null, null, null, List.of()));
            }
        }
    }

    /** The cameras of every active alarm, newest alarm first, without repeats. */
    List<Reference.Camera> toured() {
        List<Active> newestFirst = new ArrayList<>(active.values());
        Collections.reverse(newestFirst);
        return newestFirst.stream().flatMap(a -> a.cameras().stream()).distinct().toList();
    }

    private List<Reference.Camera> camerasFor(Lifeline.Alarm alarm, Reference.Sensor sensor) {
        if (!alarm.cameraIds().isEmpty()) {
            Map<String, Reference.Camera> byId = new LinkedHashMap<>();
            cameras.forEach(c -> byId.put(c.id(), c));
            List<Reference.Camera> named = alarm.cameraIds().stream().map(byId::get).filter(Objects::nonNull)
                    .limit(NEAREST).toList();
            if (!named.isEmpty()) {
                return named;
            }
        }
        return sensor == null ? List.of() : nearest(sensor);
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
