package cn.tongguan.console.wall;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;

/**
 * Which preset the wall shows: the one whose schedule holds the time of the injected clock (Beijing time), or
 * the first without a schedule; an alarm preset overrides the schedule until it is lifted. Tells the wall only
 * when the choice changes.
 */
public final class WallPresets {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final List<WallLayout> presets;
    private final Clock clock;
    private final Consumer<WallLayout> use;
    private WallLayout override;
    private WallLayout shown;

    public WallPresets(List<WallLayout> presets, Clock clock, Consumer<WallLayout> use) {
        if (presets.isEmpty()) {
            throw new IllegalArgumentException("no preset");
        }
        this.presets = List.copyOf(presets);
        this.clock = clock;
        this.use = use;
    }

    /** The scheduled preset now, ignoring any override. */
    public WallLayout scheduled() {
        LocalTime now = LocalTime.ofInstant(clock.instant(), ZONE);
        return presets.stream().filter(p -> p.schedule() != null && p.schedule().contains(now)).findFirst()
                .or(() -> presets.stream().filter(p -> p.schedule() == null).findFirst())
                .orElse(presets.get(0));
    }

    /** What the wall should show now. */
    public WallLayout current() {
        return override != null ? override : scheduled();
    }

    /** Re-reads the clock (called periodically); switches when a schedule boundary has passed. */
    public void tick() {
        WallLayout next = current();
        if (next != shown) {
            shown = next;
            use.accept(next);
        }
    }

    /** An alarm's preset wins over the schedule until {@code null} lifts it. */
    public void override(WallLayout preset) {
        override = preset;
        tick();
    }
}
