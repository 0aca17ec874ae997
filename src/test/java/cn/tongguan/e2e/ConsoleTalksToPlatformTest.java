package cn.tongguan.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.Health;
import cn.tongguan.console.sync.PlatformClient;
import cn.tongguan.platform.PlatformConfig;
import cn.tongguan.platform.PlatformServer;
import java.net.URI;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The whole system in one JVM: a real platform on a free loopback port, the console's real client. */
class ConsoleTalksToPlatformTest {
    private PlatformServer platform;
    private final OkHttpClient http = new OkHttpClient();

    @BeforeEach
    void startPlatform() {
        platform = new PlatformServer(new PlatformConfig("127.0.0.1", 0), cn.tongguan.api.testing.TestClocks.suite());
        platform.start();
    }

    @AfterEach
    void stopPlatform() {
        platform.stop();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Test
    void consoleClientReadsPlatformHealth() throws Exception {
        PlatformClient client = new PlatformClient(http, URI.create("http://127.0.0.1:" + platform.port()));
        Health health = client.health();
        assertThat(health.status()).isEqualTo("UP");
        assertThat(health.version()).isNotBlank();
    }
}
