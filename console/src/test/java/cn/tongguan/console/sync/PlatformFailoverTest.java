package cn.tongguan.console.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tongguan.console.support.TestPlatform;
import cn.tongguan.platform.PlatformServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console given two platform instances: requests go to the first while it answers, move to the other when it is
 * gone (connection refused), stay there, come back to the first only when the second fails, and fail with the
 * network's own error when neither answers. Real platforms over real HTTP.
 */
class PlatformFailoverTest {
    @TempDir
    Path dir;
    private TestPlatform first;
    private TestPlatform second;

    @AfterEach
    void stop() {
        for (TestPlatform p : new TestPlatform[] {first, second}) {
            if (p != null) {
                p.close();
            }
        }
    }

    @Test
    void requestsFollowTheLiveInstance() throws IOException {
        first = new TestPlatform(dir.resolve("a")).start();
        second = new TestPlatform(dir.resolve("b")).start();
        PlatformFailover failover = new PlatformFailover(List.of(first.uri(), second.uri()));
        OkHttpClient http = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(2))
                .addInterceptor(failover).build();
        PlatformClient client = new PlatformClient(http, first.uri());

        assertThat(client.login("operator", PlatformServer.DEMO_PASSWORD).user().username()).isEqualTo("operator");
        assertThat(failover.current()).isEqualTo(first.uri());

        int firstPort = first.port();
        first.stop();
        assertThat(client.health().status()).isEqualTo("UP");
        assertThat(failover.current()).isEqualTo(second.uri());
        // It stays with the live one (no try at the dead one first on every call).
        assertThat(client.login("dispatcher", PlatformServer.DEMO_PASSWORD).user().username()).isEqualTo("dispatcher");
        assertThat(failover.current()).isEqualTo(second.uri());

        first = new TestPlatform(dir.resolve("a"), firstPort).start();
        second.stop();
        assertThat(client.health().status()).isEqualTo("UP");
        assertThat(failover.current()).isEqualTo(URI.create("http://127.0.0.1:" + firstPort));

        first.stop();
        assertThatThrownBy(client::health).isInstanceOf(ConnectException.class);
    }
}
