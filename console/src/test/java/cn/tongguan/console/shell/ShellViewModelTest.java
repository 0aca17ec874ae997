package cn.tongguan.console.shell;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.console.i18n.Messages;
import cn.tongguan.console.sync.PlatformClient;
import cn.tongguan.console.sync.SyncStatus;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Locale;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** The view model runs without the JavaFX toolkit: executors are plain direct ones here. */
class ShellViewModelTest {
    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void startsByShowingWhereItConnects() {
        ShellViewModel model = new ShellViewModel(Messages.load(Locale.SIMPLIFIED_CHINESE),
                new PlatformClient(new OkHttpClient(), URI.create("http://127.0.0.1:1")), Runnable::run, Runnable::run,
                "http://127.0.0.1:1");
        assertThat(model.statusProperty().get()).isEqualTo("正在连接平台 http://127.0.0.1:1 …");
        assertThat(model.title()).isEqualTo("统管 · 新乡市城市运行管理服务平台");
    }

    @Test
    void unreachablePlatformIsReportedInPlainEnglishWhenAsked() throws Exception {
        String address = "http://127.0.0.1:" + freePort();
        ShellViewModel model = new ShellViewModel(Messages.load(Locale.ENGLISH),
                new PlatformClient(new OkHttpClient(), URI.create(address)), Runnable::run, Runnable::run, address);
        model.checkPlatform();
        assertThat(model.connectedProperty().get()).isFalse();
        assertThat(model.statusProperty().get()).isEqualTo("Cannot reach the platform at " + address
                + ". Check the network or whether the platform is running.");
    }

    @Test
    void afterSignInTheFooterSaysWhatTheSyncSaysAboutTheConnection() {
        String address = "http://127.0.0.1:1";
        ShellViewModel model = new ShellViewModel(Messages.load(Locale.SIMPLIFIED_CHINESE),
                new PlatformClient(new OkHttpClient(), URI.create(address)), Runnable::run, Runnable::run, address);
        model.statusChanged(new SyncStatus(SyncStatus.Phase.LIVE, 0, null, null));
        assertThat(model.connectedProperty().get()).isTrue();
        assertThat(model.statusProperty().get()).isEqualTo("已登录平台 " + address);

        model.statusChanged(new SyncStatus(SyncStatus.Phase.RECONNECTING, 0, null, "connection refused"));
        assertThat(model.connectedProperty().get()).isFalse();
        assertThat(model.statusProperty().get()).isEqualTo("与平台 " + address + " 的连接已断开，正在重连");

        // A snapshot in progress says nothing new about the connection: the last word stands.
        model.statusChanged(new SyncStatus(SyncStatus.Phase.SNAPSHOT, 0, null, null));
        assertThat(model.connectedProperty().get()).isFalse();

        model.statusChanged(new SyncStatus(SyncStatus.Phase.LIVE, 0, null, null));
        assertThat(model.connectedProperty().get()).isTrue();
        assertThat(model.statusProperty().get()).isEqualTo("已登录平台 " + address);
    }
}
