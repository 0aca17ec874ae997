package cn.tongguan.console.wall;

import cn.tongguan.console.i18n.Messages;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * State of the display wall: the active layout, the plan for the monitors present, and the staleness
 * banner. No controls here, so it is tested without the toolkit; the view applies the plan to stages.
 */
public final class WallViewModel {
    private final Messages messages;
    private final ReadOnlyObjectWrapper<WallLayout> layout = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<List<WallPlanner.ScreenPlan>> plan = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper("");
    private int monitors = 1;

    public WallViewModel(Messages messages, WallLayout initial) {
        this.messages = messages;
        this.layout.set(initial);
        replan();
    }

    /** The toolkit reports how many monitors there are now (at start, and when one is unplugged or added). */
    public void monitorsChanged(int count) {
        monitors = Math.max(1, count);
        replan();
    }

    /** A preset switch (e.g. the rainstorm preset on a waterlogging alarm). */
    public void useLayout(WallLayout next) {
        layout.set(next);
        replan();
    }

    /**
     * How old the shown data are; {@code null} when live. The wall keeps showing what it has and says how
     * old it is in plain words, never a dialog.
     */
    public void staleness(java.time.Duration age) {
        banner.set(age == null ? "" : messages.text("wall.banner.stale", Math.max(1, age.toMinutes())));
    }

    private void replan() {
        plan.set(WallPlanner.plan(layout.get(), monitors));
    }

    public ReadOnlyObjectProperty<List<WallPlanner.ScreenPlan>> planProperty() {
        return plan.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<WallLayout> layoutProperty() {
        return layout.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    public String title() {
        return messages.text("wall.title");
    }
}
