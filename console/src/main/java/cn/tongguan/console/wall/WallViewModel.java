package cn.tongguan.console.wall;

import cn.tongguan.console.i18n.Messages;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * State of the display wall: the active layout, the plan for the monitors present, and the banner that says
 * where the wall stands with the platform. No controls here, so it is tested without the toolkit; the view
 * applies the plan to stages. Times come in as arguments (the composition reads its injected clock).
 *
 * <p>The banner tells the truth from the first second: "connecting" until the first data arrive (a wall
 * that never had data has nothing to be stale about), nothing while live, and only after data were lost the
 * age of what is shown, counted from the moment the stream was lost.
 */
public final class WallViewModel {
    private final Messages messages;
    private final ReadOnlyObjectWrapper<WallLayout> layout = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<List<WallPlanner.ScreenPlan>> plan = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper connecting = new ReadOnlyBooleanWrapper(true);
    private int monitors = 1;
    /** Whether the platform's state was ever read; until then the wall is connecting, not stale. */
    private boolean hadData;
    /** When the stream was lost after data had arrived; {@code null} while live (or never had data). */
    private Instant lostAt;
    /** What is shown came from the wall's own store (saved before it last stopped), not from the platform. */
    private boolean restored;

    public WallViewModel(Messages messages, WallLayout initial) {
        this.messages = messages;
        this.layout.set(initial);
        replan();
        showBanner(null);
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

    /** The platform's state (sensors, alarms, cases) was read at {@code at}: what is shown is current. */
    public void loaded(Instant at) {
        hadData = true;
        lostAt = null;
        restored = false;
        showBanner(at);
    }

    /**
     * The wall started without the platform and shows what it saved at {@code savedAt}: data, but old ones — the
     * banner says so, with their age, until the platform's own state is read.
     */
    public void restored(Instant savedAt, Instant now) {
        if (hadData) {
            return;
        }
        hadData = true;
        restored = true;
        lostAt = savedAt;
        showBanner(now);
    }

    /**
     * The event stream opened ({@code true}) or was lost ({@code false}) at {@code at}. A loss before any data
     * keeps the wall connecting; a later loss starts the age of the data (only the first loss counts: a
     * failed retry does not make old data younger).
     */
    public void live(boolean live, Instant at) {
        if (live) {
            lostAt = null;
        } else if (hadData && lostAt == null) {
            lostAt = at;
        }
        showBanner(at);
    }

    /** The slow tick: the banner's age moves on while the platform stays away. */
    public void tick(Instant now) {
        showBanner(now);
    }

    /** Whether anything is shown yet (the platform's state or the state saved by the last run). */
    public boolean hasData() {
        return hadData;
    }

    /** Whether the wall has current data (the KPI poll is skipped otherwise). */
    public boolean isLive() {
        return hadData && lostAt == null;
    }

    private void showBanner(Instant now) {
        connecting.set(!hadData);
        if (!hadData) {
            banner.set(messages.text("wall.banner.connecting"));
        } else if (lostAt == null) {
            banner.set("");
        } else {
            Duration age = now == null || now.isBefore(lostAt) ? Duration.ZERO : Duration.between(lostAt, now);
            if (restored) {
                banner.set(messages.text("wall.banner.restored", age.toMinutes()));
                return;
            }
            banner.set(age.toMinutes() < 1 ? messages.text("wall.banner.stale.recent")
                    : messages.text("wall.banner.stale", age.toMinutes()));
        }
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

    /** {@code true} until the first data: the banner is then a notice, not an alarm (styled apart). */
    public ReadOnlyBooleanProperty connectingProperty() {
        return connecting.getReadOnlyProperty();
    }

    public String title() {
        return messages.text("wall.title");
    }
}
