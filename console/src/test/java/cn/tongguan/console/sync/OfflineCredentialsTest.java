package cn.tongguan.console.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tongguan.api.Auth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfflineCredentialsTest {
    @TempDir
    Path dir;
    private final OfflineCredentials credentials = new OfflineCredentials();
    private final Auth.LoginResponse login = new Auth.LoginResponse("t0ken", Instant.parse("2026-11-25T12:00:00Z"),
            new Auth.User("operator", "受理员", "operator", null));

    private static final Instant AT = Instant.parse("2026-11-25T00:00:00Z");
    private static final Duration LIMIT = Duration.ofHours(72);

    @Test
    void theSamePasswordOpensTheKeptSignIn() throws Exception {
        credentials.remember(dir, "tongguan", login, AT);
        assertThat(credentials.check(dir, "tongguan", AT.plus(Duration.ofHours(71)), LIMIT)).contains(login);
    }

    @Test
    void anotherPasswordOrNoKeptSignInOpensNothing() throws Exception {
        assertThat(credentials.check(dir, "tongguan", AT, LIMIT)).isEmpty();
        credentials.remember(dir, "tongguan", login, AT);
        assertThat(credentials.check(dir, "Tongguan", AT, LIMIT)).isEmpty();
        assertThat(Files.readString(dir.resolve("credential.json"))).doesNotContain("\"tongguan\"");
    }

    @Test
    void offlineSignInEndsWhenThePolicyTimeSinceTheLastOnlineSignInIsOver() {
        credentials.remember(dir, "tongguan", login, AT);
        assertThatThrownBy(() -> credentials.check(dir, "tongguan", AT.plus(Duration.ofHours(73)), LIMIT))
                .isInstanceOf(OfflineCredentials.TooOld.class);
    }

    @Test
    void noTokenIsKeptInPlainText() throws Exception {
        Auth.LoginResponse withRefresh = new Auth.LoginResponse("acc3ss-t0ken", AT, login.user(), "r3fresh-t0ken", AT);
        credentials.remember(dir, "tongguan", withRefresh, AT);
        String onDisk = Files.readString(dir.resolve("credential.json"));
        assertThat(onDisk).doesNotContain("acc3ss-t0ken").doesNotContain("r3fresh-t0ken").doesNotContain("tongguan");
        assertThat(credentials.check(dir, "tongguan", AT, LIMIT)).contains(withRefresh);
    }
}
