package cn.tongguan.console.detail;

import cn.tongguan.api.Lifeline;
import cn.tongguan.console.i18n.Messages;
import cn.tongguan.console.sync.PlatformException;
import java.io.IOException;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The seat's "推送到大屏": posts a {@link Lifeline.NewWallPush} for the shown case (or a camera) in the background
 * and says in the status area, in a plain sentence, whether it reached the wall. A push is not queued in the
 * outbox: showing a case on the wall later, when it no longer matters, would mislead the hall.
 */
public final class WallPushViewModel {
    /** Sends one push (blocking, on the background executor). */
    public interface Sender {
        Lifeline.WallPush push(Lifeline.NewWallPush push) throws IOException;
    }

    /** The cameras the seat may push (read once from the platform, blocking). */
    public interface Cameras {
        java.util.List<cn.tongguan.api.Reference.Camera> all() throws IOException;
    }

    private final Messages messages;
    private final Sender sender;
    private final Cameras cameras;
    private volatile java.util.List<cn.tongguan.api.Reference.Camera> known;
    private final Executor background;
    private final Executor ui;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    public WallPushViewModel(Messages messages, Sender sender, Executor background, Executor ui) {
        this(messages, sender, java.util.List::of, background, ui);
    }

    public WallPushViewModel(Messages messages, Sender sender, Cameras cameras, Executor background, Executor ui) {
        this.messages = messages;
        this.sender = sender;
        this.cameras = cameras;
        this.background = background;
        this.ui = ui;
    }

    /** Pushes a case; {@code caseNo} names it in the sentences ({@code caseId} &lt; 0: nothing selected). */
    public void pushCase(long caseId, String caseNo) {
        if (caseId < 0) {
            status.set(messages.text("detail.push.none"));
            return;
        }
        status.set(messages.text("detail.push.sending", caseNo));
        background.execute(() -> {
            String text;
            try {
                sender.push(new Lifeline.NewWallPush("CASE", Long.toString(caseId), null));
                text = messages.text("detail.push.sent", caseNo);
            } catch (PlatformException e) {
                text = messages.text("detail.push.failed", caseNo, e.error().message());
            } catch (IOException | RuntimeException e) {
                text = messages.text("detail.push.offline", caseNo);
            }
            say(text);
        });
    }

    /** Pushes a camera to a video tile of the wall. */
    public void pushCamera(String cameraId, String cameraName) {
        background.execute(() -> say(sendCamera(cameraId, cameraName)));
    }

    /** Pushes the camera nearest to a case's place (Ctrl+Shift+P): the hall sees the spot live. */
    public void pushNearestCamera(double lng, double lat) {
        status.set(messages.text("detail.push.camera.looking"));
        background.execute(() -> {
            try {
                if (known == null) {
                    known = cameras.all();
                }
                cn.tongguan.api.Reference.Camera nearest = cn.tongguan.api.GeoDistance.nearest(known,
                        cn.tongguan.api.Reference.Camera::lng, cn.tongguan.api.Reference.Camera::lat, lng, lat, 1,
                        cn.tongguan.api.Reference.Camera::id).stream().findFirst().orElse(null);
                say(nearest == null ? messages.text("detail.push.camera.none")
                        : sendCamera(nearest.id(), nearest.name() == null ? nearest.id() : nearest.name()));
            } catch (IOException | RuntimeException e) {
                say(messages.text("detail.push.camera.offline"));
            }
        });
    }

    private String sendCamera(String cameraId, String name) {
        try {
            sender.push(new Lifeline.NewWallPush("CAMERA", cameraId, null));
            return messages.text("detail.push.camera.sent", name);
        } catch (PlatformException e) {
            return messages.text("detail.push.camera.failed", name, e.error().message());
        } catch (IOException | RuntimeException e) {
            return messages.text("detail.push.camera.offline");
        }
    }

    private void say(String text) {
        ui.execute(() -> status.set(text));
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
