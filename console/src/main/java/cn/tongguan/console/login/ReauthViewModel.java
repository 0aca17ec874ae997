package cn.tongguan.console.login;

import cn.tongguan.console.i18n.FaultText;
import cn.tongguan.console.i18n.Messages;
import cn.tongguan.console.sync.Fault;
import cn.tongguan.console.sync.SyncListener;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The sign-in panel laid over the seat (the screen underneath is kept: the open case, the half-typed note, the
 * queue): shown when the session ends ({@link #sessionEnded}) or the seat locks after idle time ({@link #lock}),
 * for the same user only. The password is checked off the UI thread by {@link Unlock}.
 */
public final class ReauthViewModel implements SyncListener {
    /** Why the panel is up. */
    public enum Reason { SESSION_ENDED, LOCKED }

    /** What a password check came to. */
    public enum Outcome { OK, WRONG_PASSWORD, THROTTLED, FAULT }

    /** The result of {@link Unlock#unlock}; {@code fault} says why when the outcome is {@code FAULT}. */
    public record Result(Outcome outcome, Fault fault, long retryAfterSeconds) {
        public static Result ok() {
            return new Result(Outcome.OK, null, 0);
        }
    }

    /** Signs the same user in again (blocking, off the UI thread): online, or from the cache when only locked. */
    @FunctionalInterface
    public interface Unlock {
        Result unlock(Reason reason, String password);
    }

    private final Messages messages;
    private final String displayName;
    private final Executor background;
    private final Executor ui;
    private final Unlock unlock;
    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final StringProperty password = new SimpleStringProperty("");
    private Reason reason;

    public ReauthViewModel(Messages messages, String displayName, Executor background, Executor ui, Unlock unlock) {
        this.messages = messages;
        this.displayName = displayName;
        this.background = background;
        this.ui = ui;
        this.unlock = unlock;
    }

    /** From the sync thread: the platform refused the session and its refresh. */
    @Override
    public void sessionEnded() {
        ui.execute(() -> show(Reason.SESSION_ENDED));
    }

    /** The idle timer (on the UI thread). A session that has ended stays "ended": that panel needs the platform. */
    public void lock() {
        if (!showing.get()) {
            show(Reason.LOCKED);
        }
    }

    private void show(Reason why) {
        reason = why;
        if (why == Reason.SESSION_ENDED) {
            title.set(messages.text("reauth.title"));
            hint.set(messages.text("reauth.hint", displayName));
        } else {
            title.set(messages.text("lock.title"));
            hint.set(messages.text("lock.hint", displayName));
        }
        error.set("");
        password.set("");
        showing.set(true);
    }

    public void submit() {
        String pass = password.get() == null ? "" : password.get();
        if (pass.isEmpty()) {
            error.set(messages.text("reauth.error.empty"));
            return;
        }
        if (busy.get()) {
            return;
        }
        busy.set(true);
        error.set("");
        Reason why = reason;
        background.execute(() -> {
            Result result = unlock.unlock(why, pass);
            ui.execute(() -> done(result));
        });
    }

    private void done(Result result) {
        busy.set(false);
        password.set("");
        switch (result.outcome()) {
            case OK -> showing.set(false);
            case WRONG_PASSWORD -> error.set(messages.text("reauth.error.credentials"));
            case THROTTLED -> error.set(messages.text("login.error.throttled", result.retryAfterSeconds()));
            case FAULT -> error.set(messages.text("reauth.error.fault", FaultText.of(messages, result.fault())));
        }
    }

    public Reason reason() {
        return reason;
    }

    public ReadOnlyBooleanProperty showingProperty() {
        return showing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public StringProperty passwordProperty() {
        return password;
    }
}
