package cn.tongguan.console.wall;

import java.util.ArrayList;
import java.util.List;

/**
 * Which panels each physical monitor shows. With enough monitors every layout screen gets its own; when
 * monitors are missing (unplugged, a smaller hall) the panels of the missing screens fold onto the
 * monitors that exist, each onto the one showing the fewest panels, and every monitor re-grids its panels
 * as near to square as it can. Nothing is ever dropped.
 */
public final class WallPlanner {
    /** Monitor {@code screen} (0-based, in the toolkit's order) shows {@code rows}. */
    public record ScreenPlan(int screen, List<List<String>> rows) {
        public List<String> panels() {
            return rows.stream().flatMap(List::stream).toList();
        }
    }

    private WallPlanner() {
    }

    public static List<ScreenPlan> plan(WallLayout layout, int monitors) {
        if (monitors < 1) {
            throw new IllegalArgumentException("no monitor");
        }
        int used = Math.min(monitors, layout.screens().size());
        List<List<String>> panels = new ArrayList<>();
        List<Boolean> folded = new ArrayList<>();
        for (int i = 0; i < used; i++) {
            panels.add(new ArrayList<>(layout.screens().get(i).panels()));
            folded.add(false);
        }
        for (int missing = used; missing < layout.screens().size(); missing++) {
            int target = 0;
            for (int i = 1; i < used; i++) {
                if (panels.get(i).size() < panels.get(target).size()) {
                    target = i;
                }
            }
            panels.get(target).addAll(layout.screens().get(missing).panels());
            folded.set(target, true);
        }
        List<ScreenPlan> plans = new ArrayList<>();
        for (int i = 0; i < used; i++) {
            plans.add(new ScreenPlan(i, folded.get(i) ? square(panels.get(i)) : layout.screens().get(i).rows()));
        }
        return plans;
    }

    /** Panels in rows of ⌈√n⌉, in order. */
    static List<List<String>> square(List<String> panels) {
        int columns = (int) Math.ceil(Math.sqrt(panels.size()));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < panels.size(); i += columns) {
            rows.add(List.copyOf(panels.subList(i, Math.min(panels.size(), i + columns))));
        }
        return rows;
    }
}
