package cn.tongguan.console.shell;

import cn.tongguan.api.Failures;
import cn.tongguan.api.Health;
import cn.tongguan.console.i18n.Messages;
import cn.tongguan.console.sync.PlatformClient;
import cn.tongguan.console.sync.SyncListener;
import cn.tongguan.console.sync.SyncStatus;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State of the main window: its title, the signed-in user, the status line, and which modes a role sees.
 * Testable without the toolkit: the background executor and the "back to the UI thread" executor are injected.
 * After sign-in the footer follows the session's sync, so it never says "signed in" in green while the seat
 * says it is disconnected.
 */
public final class ShellViewModel implements SyncListener {
    private static final Logger LOG = LoggerFactory.getLogger(ShellViewModel.class);

    private final Messages messages;
    private final PlatformClient platform;
    private final Executor background;
    private final Executor ui;
    private final String platformAddress;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper user = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(false);
    /** What the sync last said about the connection (null: nothing yet); written on sync threads. */
    private volatile Boolean syncUp;

    public ShellViewModel(Messages messages, PlatformClient platform, Executor background, Executor ui,
                          String platformAddress) {
        this.messages = messages;
        this.platform = platform;
        this.background = background;
        this.ui = ui;
        this.platformAddress = platformAddress;
        status.set(messages.text("shell.status.connecting", platformAddress));
    }

    public String title() {
        return messages.text("app.title");
    }

    /** Asks the platform whether it is up, off the UI thread, and reports in plain words. */
    public void checkPlatform() {
        background.execute(() -> {
            try {
                Health health = platform.health();
                ui.execute(() -> {
                    connected.set(true);
                    status.set(messages.text("shell.status.connected", platformAddress, health.version()));
                });
            } catch (IOException | RuntimeException e) {
                LOG.warn("Platform at {} not reachable: {}", platformAddress, e.toString(), Failures.bug(e));
                ui.execute(() -> {
                    connected.set(false);
                    status.set(messages.text("shell.status.unreachable", platformAddress));
                });
            }
        });
    }

    public void signedIn(String displayName, String roleLabel) {
        user.set(messages.text("shell.user", displayName, roleLabel));
        // Signed in from the cache while the platform is down: keep saying so.
        if (connected.get()) {
            status.set(messages.text("shell.status.signed_in", platformAddress));
        }
    }

    /** The session's sync: its live stream is the one truth about the connection once someone is signed in. */
    @Override
    public void statusChanged(SyncStatus s) {
        Boolean up = switch (s.phase()) {
            case LIVE -> true;
            case RECONNECTING, SESSION_ENDED, STOPPED -> false;
            case STARTING, SNAPSHOT -> null;
        };
        // Every applied event says LIVE again: only a change is news for the footer.
        if (up == null || up.equals(syncUp)) {
            return;
        }
        syncUp = up;
        ui.execute(() -> {
            connected.set(up);
            status.set(up ? messages.text("shell.status.signed_in", platformAddress)
                    : messages.text("shell.status.lost", platformAddress));
        });
    }

    /** The modes ({@code seat}, {@code wall}, {@code meeting}) a role may open. */
    public static List<String> modesFor(String role) {
        return switch (role) {
            case "operator", "dispatcher", "department", "inspector" -> List.of("seat");
            case "shift_leader" -> List.of("seat", "meeting");
            case "leader" -> List.of("wall", "meeting");
            case "wall" -> List.of("wall");
            case "auditor" -> List.of();
            default -> List.of("seat", "wall", "meeting");
        };
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty userProperty() {
        return user.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }
}
