package cn.tongguan.console.sync;

import cn.tongguan.api.Auth;
import cn.tongguan.api.Failures;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signed-in seat's session as the sync sees it: the access token in use, its refresh token, and whether the
 * platform still takes them. A {@code 401} anywhere (outbox, event stream, reference lists) comes here: the refresh
 * token is tried once; if the platform will not renew the session, the session has <em>ended</em> — the outbox
 * pauses (nothing it holds is failed), the stream stops knocking, and the seat asks the operator to sign in again
 * over the screen. {@link #signedInAgain} resumes both, with the queue in its order.
 */
public final class Session {
    private static final Logger LOG = LoggerFactory.getLogger(Session.class);

    /** Told when the session ends (the seat shows its sign-in panel) and when it is back. */
    public interface Listener {
        void ended();

        void resumed();
    }

    private final PlatformClient client;
    private final SessionToken token;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile Consumer<Auth.LoginResponse> renewed = r -> { };
    private Auth.LoginResponse current;
    private boolean ended;

    public Session(PlatformClient client, SessionToken token, Auth.LoginResponse signIn) {
        this.client = Objects.requireNonNull(client);
        this.token = Objects.requireNonNull(token);
        this.current = Objects.requireNonNull(signIn);
        token.set(signIn.token());
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** Called (off the UI thread) with every new pair the refresh gives, e.g. to keep it for the next start. */
    public void onRenewed(Consumer<Auth.LoginResponse> action) {
        this.renewed = Objects.requireNonNull(action);
    }

    public synchronized Auth.User user() {
        return current.user();
    }

    public synchronized Auth.LoginResponse current() {
        return current;
    }

    public synchronized boolean ended() {
        return ended;
    }

    /** The token a request is about to be sent with: hand it back to {@link #unauthorized} if it is refused. */
    public String token() {
        return token.get();
    }

    /**
     * A request sent with {@code refusedToken} was answered {@code 401}. Returns true when the caller may send it
     * again now (another caller already renewed the session, or the refresh token bought a new pair); false when
     * the session has ended and the operator must sign in again. Blocking: call off the UI thread.
     */
    public boolean unauthorized(String refusedToken) {
        Auth.LoginResponse fresh;
        synchronized (this) {
            if (ended) {
                return false;
            }
            if (!Objects.equals(refusedToken, current.token())) {
                return true; // renewed meanwhile by the stream or the outbox
            }
            fresh = refresh(current.refreshToken());
            if (fresh != null) {
                current = fresh;
                token.set(fresh.token());
            } else {
                ended = true;
            }
        }
        if (fresh != null) {
            LOG.info("Session of {} renewed with its refresh token", fresh.user().username());
            renewed.accept(fresh);
            return true;
        }
        LOG.info("Session of {} ended: the operator is asked to sign in again", user().username());
        listeners.forEach(Listener::ended);
        return false;
    }

    /** The refreshed pair, or null when the platform refuses it, does not know the route yet, or cannot be asked. */
    private Auth.LoginResponse refresh(String refreshToken) {
        if (refreshToken == null) {
            return null;
        }
        try {
            Auth.LoginResponse fresh = client.refresh(refreshToken);
            return fresh.token() == null ? null : fresh;
        } catch (IOException | RuntimeException e) {
            // A platform without the route answers 404, a used refresh token 401 session_expired: both mean "sign
            // in again"; so does an unreachable platform (the stream and outbox wait for the new sign-in anyway).
            LOG.info("Refresh refused: {}", e.toString(), Failures.bug(e));
            return null;
        }
    }

    /**
     * The operator signed in again (same user) over the seat: the new token is used from now on and the paused
     * work resumes. A different user is refused by the caller before this.
     */
    public void signedInAgain(Auth.LoginResponse response) {
        synchronized (this) {
            if (!current.user().username().equals(response.user().username())) {
                throw new IllegalArgumentException("another user cannot take over this session");
            }
            current = response;
            token.set(response.token());
            ended = false;
        }
        listeners.forEach(Listener::resumed);
    }
}
