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

    private final Messages messages;
    private final Sender sender;
    private final Executor background;
    private final Executor ui;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    public WallPushViewModel(Messages messages, Sender sender, Executor background, Executor ui) {
        this.messages = messages;
        this.sender = sender;
        this.background = background;
        this.ui = ui;
    }

    /** Pushes a case; {@code caseNo} names it in the sentences ({@code caseId} &lt; 0: nothing selected). */
    public void pushCase(long caseId, String caseNo) {
        if (caseId < 0) {
            status.set(messages.text("detail.push.none"));
            return;
        }
        send(new Lifeline.NewWallPush("CASE", Long.toString(caseId), null), caseNo);
    }

    /** Pushes a camera to a video tile of the wall. */
    public void pushCamera(String cameraId, String cameraName) {
        send(new Lifeline.NewWallPush("CAMERA", cameraId, null), cameraName);
    }

    private void send(Lifeline.NewWallPush push, String name) {
        status.set(messages.text("detail.push.sending", name));
        background.execute(() -> {
            String text;
            try {
                sender.push(push);
                text = messages.text("detail.push.sent", name);
            } catch (PlatformException e) {
                text = messages.text("detail.push.failed", name, e.error().message());
            } catch (IOException | RuntimeException e) {
                text = messages.text("detail.push.offline", name);
            }
            String result = text;
            ui.execute(() -> status.set(result));
        });
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
