package cn.tongguan.console.shell;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.console.app.ConsoleApp;
import cn.tongguan.console.testing.ScreenshotOnFailure;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Opens the real console main window in the X server (Xvfb in CI) and looks at it. */
@ExtendWith({ApplicationExtension.class, ScreenshotOnFailure.class})
class ShellWindowUiTest {
    @org.junit.jupiter.api.io.TempDir
    Path data;
    private int deadPort;
    private Application app;

    @BeforeEach
    void launch() throws Exception {
        // A port nobody listens on: the console must say so in its status bar, in Chinese.
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        FxToolkit.registerPrimaryStage();
        // Its own data folder: the window's remembered place must not come from (or go to) the home folder.
        app = FxToolkit.setupApplication(() -> new ConsoleApp(cn.tongguan.api.testing.TestClocks.suite(),
                "--platform=http://127.0.0.1:" + deadPort, "--data=" + data));
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void mainWindowHasChineseTitleAndModes(FxRobot robot) {
        Stage stage = (Stage) robot.listTargetWindows().stream().filter(Window::isShowing).findFirst().orElseThrow();
        assertThat(stage.getTitle()).isEqualTo("统管 · 新乡市城市运行管理服务平台");

        Label name = robot.lookup("#appName").queryAs(Label.class);
        assertThat(name.isVisible()).isTrue();
        assertThat(name.getText()).isEqualTo("统管");
        TabPane modes = robot.lookup("#modes").queryAs(TabPane.class);
        assertThat(modes.getTabs()).extracting(tab -> tab.getText()).containsExactly("坐席", "大屏", "联席会议");
    }

    @Test
    void statusBarSaysWhenThePlatformIsUnreachable(FxRobot robot) throws Exception {
        Label status = robot.lookup("#statusLabel").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status.getText().startsWith("无法连接平台"));
        assertThat(status.getText()).contains("127.0.0.1:" + deadPort);
        assertThat(status.getPseudoClassStates()).extracting(Object::toString).contains("offline");
    }

    @Test
    void screenshotOfTheWindowCanBeSaved() throws Exception {
        Path file = ScreenshotOnFailure.save(Path.of("target", "screenshots", "shell.png"));
        assertThat(Files.size(file)).isGreaterThan(1000);
    }
}
