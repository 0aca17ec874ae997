package cn.tongguan.video.internal;

import cn.tongguan.video.Camera;
import cn.tongguan.video.FailureReason;
import cn.tongguan.video.TileState;
import cn.tongguan.video.TileStatus;
import java.time.Clock;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * What one tile shows and reports: its {@link TileStatus} (changed only when something a listener cares about
 * changed) and its view (redrawn only when the picture, its aspect or the status line changed). FX thread only.
 */
final class TilePresenter {
    private final TileView view = new TileView();
    private final TileTexts texts;
    private final Clock clock;
    private final ReadOnlyObjectWrapper<TileStatus> status = new ReadOnlyObjectWrapper<>(this, "status", TileStatus.IDLE);
    private String shownText = "";
    private double shownAspect;

    TilePresenter(TileTexts texts, Clock clock) {
        this.texts = texts;
        this.clock = clock;
    }

    TileView view() {
        return view;
    }

    ReadOnlyObjectProperty<TileStatus> status() {
        return status.getReadOnlyProperty();
    }

    /** {@code lastFrameAt}: nanos of the last frame, 0 before any; {@code touring} and {@code paused} of the tour. */
    void show(Camera camera, TileState state, FailureReason reason, long lastFrameAt, boolean touring, boolean paused,
              boolean alarm, TileSurface displayed, long now) {
        TileStatus next = new TileStatus(camera, state, reason,
                lastFrameAt == 0 ? null : clock.instant().minusNanos(now - lastFrameAt), touring, alarm);
        TileStatus old = status.get();
        if (old.camera() != next.camera() || old.state() != next.state() || old.reason() != next.reason()
                || old.touring() != next.touring() || old.alarm() != next.alarm()) {
            status.set(next);
        }
        String text = texts.statusLine(state, reason, lastFrameAt == 0 ? -1 : (now - lastFrameAt) / 1_000_000_000L,
                paused, alarm);
        double aspect = displayed == null ? 16.0 / 9 : displayed.aspect();
        if (!text.equals(shownText) || view.image() != (displayed == null ? null : displayed.image()) || aspect != shownAspect) {
            shownText = text;
            shownAspect = aspect;
            view.show(displayed == null ? null : displayed.image(), aspect, camera == null ? "" : camera.name(), state, text, alarm);
        }
    }
}
