package cn.tongguan.console.window;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where a window opens, from what it remembered and the monitors present now. Pure, so the rule is tested
 * without a display: first run, or a remembered monitor that is gone, or bounds nobody could reach, open
 * maximised on the primary monitor; otherwise the window comes back where it was, kept inside its monitor.
 */
public final class WindowFit {
    /** At least this much of a restored window must be on its monitor, or it counts as lost off-screen. */
    static final double MIN_VISIBLE_WIDTH = 160;
    static final double MIN_VISIBLE_HEIGHT = 90;

    /** Where to put the window: its bounds, and whether to maximise it on the monitor holding those bounds. */
    public record Placement(Area bounds, boolean maximized) {
    }

    private WindowFit() {
    }

    public static Placement place(Optional<WindowState> remembered, List<Monitor> monitors) {
        Monitor primary = monitors.stream().filter(Monitor::primary).findFirst()
                .orElseGet(() -> monitors.isEmpty() ? null : monitors.get(0));
        if (primary == null) {
            throw new IllegalArgumentException("no monitor");
        }
        Placement fallback = new Placement(primary.usable(), true);
        if (remembered.isEmpty()) {
            return fallback;
        }
        WindowState state = remembered.get();
        Optional<Monitor> same = monitors.stream().filter(m -> m.bounds().equals(state.monitor())).findFirst();
        if (same.isEmpty()) {
            return fallback;
        }
        Area usable = same.get().usable();
        if (state.maximized()) {
            return new Placement(usable, true);
        }
        Area seen = state.bounds().intersection(usable);
        // The title bar must be reachable: a window whose top edge is above the monitor cannot be dragged back.
        boolean reachable = seen.width() >= MIN_VISIBLE_WIDTH && seen.height() >= MIN_VISIBLE_HEIGHT
                && state.bounds().y() >= usable.y() && state.bounds().y() < usable.maxY();
        if (!reachable) {
            return fallback;
        }
        return new Placement(inside(state.bounds(), usable), false);
    }

    /** The monitor a window is on: the one it covers most (the primary when it covers none). */
    public static Optional<Monitor> monitorOf(Area window, List<Monitor> monitors) {
        Optional<Monitor> most = monitors.stream().filter(m -> window.intersection(m.bounds()).surface() > 0)
                .max(Comparator.comparingDouble(m -> window.intersection(m.bounds()).surface()));
        return most.isPresent() ? most : monitors.stream().filter(Monitor::primary).findFirst();
    }

    /** Shrinks a window larger than its monitor and slides it fully onto it. */
    private static Area inside(Area window, Area usable) {
        double width = Math.min(window.width(), usable.width());
        double height = Math.min(window.height(), usable.height());
        double x = Math.min(Math.max(window.x(), usable.x()), usable.maxX() - width);
        double y = Math.min(Math.max(window.y(), usable.y()), usable.maxY() - height);
        return new Area(x, y, width, height);
    }
}
