package cn.tongguan.console.login;

import cn.tongguan.api.Auth;
import cn.tongguan.api.Failures;
import cn.tongguan.console.i18n.Messages;
import cn.tongguan.console.sync.Fault;
import cn.tongguan.console.sync.PlatformClient;
import cn.tongguan.console.sync.PlatformException;
import cn.tongguan.console.sync.SessionToken;
import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sign-in: asks the platform off the UI thread, keeps the token, and hands the user to {@code onSignedIn}. */
public final class LoginViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(LoginViewModel.class);

    private final Messages messages;
    private final PlatformClient client;
    private final SessionToken token;
    private final Executor background;
    private final Executor ui;
    private final Consumer<Auth.LoginResponse> onSignedIn;
    private final OfflineSignIn offline;
    private java.util.function.BiConsumer<Auth.LoginResponse, String> remember = (r, p) -> { };
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    /**
     * Signs in from the local cache when the platform cannot be reached or answers nonsense (blocking; empty if
     * not possible; {@code TooOld} when the last online sign-in is longer ago than the policy allows).
     */
    @FunctionalInterface
    public interface OfflineSignIn {
        java.util.Optional<Auth.LoginResponse> signIn(String username, String password)
                throws cn.tongguan.console.sync.OfflineCredentials.TooOld;
    }

    public LoginViewModel(Messages messages, PlatformClient client, SessionToken token, Executor background, Executor ui,
                          Consumer<Auth.LoginResponse> onSignedIn, OfflineSignIn offline) {
        this.messages = messages;
        this.client = client;
        this.token = token;
        this.background = background;
        this.ui = ui;
        this.onSignedIn = onSignedIn;
        this.offline = offline;
    }

    public void login() {
        String user = username.get() == null ? "" : username.get().trim();
        String pass = password.get() == null ? "" : password.get();
        if (user.isEmpty() || pass.isEmpty()) {
            error.set(messages.text("login.error.empty"));
            return;
        }
        if (busy.get()) {
            return;
        }
        busy.set(true);
        error.set("");
        background.execute(() -> {
            try {
                Auth.LoginResponse response = client.login(user, pass);
                token.set(response.token());
                remember.accept(response, pass);
                ui.execute(() -> {
                    busy.set(false);
                    password.set("");
                    onSignedIn.accept(response);
                });
            } catch (PlatformException e) {
                if (e.status() == 401 || e.status() == 403) {
                    ui.execute(() -> fail(messages.text("login.error.credentials")));
                } else if (e.status() == 429) {
                    long wait = Math.max(1, e.retryAfterSeconds());
                    ui.execute(() -> fail(messages.text("login.error.throttled", wait)));
                } else if (e.status() >= 500) {
                    // A broken platform or a proxy's 502 is no answer about the password: the cache may open.
                    offline(user, pass, e);
                } else {
                    ui.execute(() -> fail(messages.text("login.error.platform", e.error().message())));
                }
            } catch (IOException | RuntimeException e) {
                offline(user, pass, e);
            }
        });
    }

    /** The platform gave no answer about the password: sign in from the cache, or say what went wrong. */
    private void offline(String user, String pass, Exception why) {
        LOG.warn("Login to {} failed: {}", client.base(), why.toString(), Failures.bug(why));
        java.util.Optional<Auth.LoginResponse> cached;
        try {
            cached = offline.signIn(user, pass);
        } catch (cn.tongguan.console.sync.OfflineCredentials.TooOld tooOld) {
            long hours = tooOld.limit().toHours();
            ui.execute(() -> fail(messages.text("login.error.offline_expired", hours)));
            return;
        }
        if (cached.isPresent()) {
            token.set(cached.get().token());
            ui.execute(() -> {
                busy.set(false);
                password.set("");
                onSignedIn.accept(cached.get());
            });
            return;
        }
        String base = client.base().toString();
        String text = switch (Fault.of(why)) {
            case TIMEOUT -> messages.text("login.error.timeout", base);
            case UNRECOGNISED, SERVER -> messages.text("login.error.unrecognised", base);
            case UNREACHABLE, SESSION_ENDED -> messages.text("login.error.unreachable", base);
            case UNTRUSTED -> messages.text("login.error.untrusted", base);
        };
        ui.execute(() -> fail(text));
    }

    /** Called (off the UI thread) after each successful online sign-in, to allow the next one offline. */
    public void onOnlineSignIn(java.util.function.BiConsumer<Auth.LoginResponse, String> action) {
        this.remember = action;
    }

    private void fail(String text) {
        busy.set(false);
        error.set(text);
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
