package cn.tongguan.console.app;

import cn.tongguan.api.Auth;
import cn.tongguan.console.login.ReauthViewModel;
import cn.tongguan.console.sync.Fault;
import cn.tongguan.console.sync.OfflineCredentials;
import cn.tongguan.console.sync.PlatformClient;
import cn.tongguan.console.sync.PlatformException;
import cn.tongguan.console.sync.Session;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the password typed into the panel over the seat (blocking, off the UI thread): online first, which also
 * gives the session a new token and resumes the paused outbox and stream; a seat that is only locked may also be
 * opened from the kept offline sign-in when the platform is away.
 */
final class SignInAgain implements ReauthViewModel.Unlock {
    private static final Logger LOG = LoggerFactory.getLogger(SignInAgain.class);

    private final PlatformClient platform;
    private final Session session;
    private final OfflineCredentials credentials;
    private final Path userDirectory;
    private final SeatPolicy policy;
    private final Clock clock;

    SignInAgain(PlatformClient platform, Session session, OfflineCredentials credentials, Path userDirectory,
                SeatPolicy policy, Clock clock) {
        this.platform = platform;
        this.session = session;
        this.credentials = credentials;
        this.userDirectory = userDirectory;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public ReauthViewModel.Result unlock(ReauthViewModel.Reason reason, String password) {
        String username = session.user().username();
        try {
            Auth.LoginResponse response = platform.login(username, password);
            credentials.remember(userDirectory, password, response, clock.instant());
            session.signedInAgain(response);
            LOG.info("{} signed in again over the seat ({})", username, reason);
            return ReauthViewModel.Result.ok();
        } catch (PlatformException e) {
            if (e.status() == 401 || e.status() == 403) {
                return new ReauthViewModel.Result(ReauthViewModel.Outcome.WRONG_PASSWORD, null, 0);
            }
            if (e.status() == 429) {
                return new ReauthViewModel.Result(ReauthViewModel.Outcome.THROTTLED, null,
                        Math.max(1, e.retryAfterSeconds()));
            }
            return offline(reason, password, e);
        } catch (IOException | RuntimeException e) {
            return offline(reason, password, e);
        }
    }

    /** A locked seat whose session still stands may open with the kept sign-in; an ended session needs the platform. */
    private ReauthViewModel.Result offline(ReauthViewModel.Reason reason, String password, Exception why) {
        if (reason == ReauthViewModel.Reason.LOCKED && !session.ended()) {
            try {
                if (credentials.check(userDirectory, password, clock.instant(), policy.offlineSignIn()).isPresent()) {
                    return ReauthViewModel.Result.ok();
                }
                return new ReauthViewModel.Result(ReauthViewModel.Outcome.WRONG_PASSWORD, null, 0);
            } catch (OfflineCredentials.TooOld tooOld) {
                return new ReauthViewModel.Result(ReauthViewModel.Outcome.FAULT, Fault.of(why), 0);
            }
        }
        return new ReauthViewModel.Result(ReauthViewModel.Outcome.FAULT, Fault.of(why), 0);
    }
}
