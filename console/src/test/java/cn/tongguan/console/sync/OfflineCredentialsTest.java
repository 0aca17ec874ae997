package cn.tongguan.console.sync;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.Auth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfflineCredentialsTest {
    @TempDir
    Path dir;
    private final OfflineCredentials credentials = new OfflineCredentials();
    private final Auth.LoginResponse login = new Auth.LoginResponse("t0ken", Instant.parse("2026-11-25T12:00:00Z"),
            new Auth.User("operator", "受理员", "operator", null));

    @Test
    void theSamePasswordOpensTheKeptSignIn() {
        credentials.remember(dir, "tongguan", login);
        assertThat(credentials.check(dir, "tongguan")).contains(login);
    }

    @Test
    void anotherPasswordOrNoKeptSignInOpensNothing() throws Exception {
        assertThat(credentials.check(dir, "tongguan")).isEmpty();
        credentials.remember(dir, "tongguan", login);
        assertThat(credentials.check(dir, "Tongguan")).isEmpty();
        assertThat(Files.readString(dir.resolve("credential.json"))).doesNotContain("\"tongguan\"");
    }
}
