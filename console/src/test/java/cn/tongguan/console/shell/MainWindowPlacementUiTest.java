package cn.tongguan.console.shell;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.console.support.ConsoleUi;
import cn.tongguan.console.support.TestPlatform;
import cn.tongguan.console.sync.PlatformClient;
import cn.tongguan.console.testing.ScreenshotOnFailure;
import cn.tongguan.console.testing.XCapture;
import cn.tongguan.console.window.Area;
import cn.tongguan.console.window.WindowState;
import cn.tongguan.console.window.WindowStateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Rectangle2D;
import javafx.scene.input.KeyCode;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The console's main window on a real X server (1920×1080 monitors): maximised on the primary on the first run,
 * back where it was on the next run (another monitor, if there is one), and maximised on the primary again when
 * the monitor it remembers is gone.
 */
@ExtendWith({ApplicationExtension.class, ScreenshotOnFailure.class})
class MainWindowPlacementUiTest {
    @TempDir
    Path dir;
    private TestPlatform platform;
    private ConsoleUi console;

    @BeforeEach
    void start() throws Exception {
        platform = new TestPlatform(dir.resolve("platform")).start();
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stop() throws Exception {
        closeConsole();
        platform.close();
    }

    private Stage openConsole(FxRobot robot) throws Exception {
        if (console == null) {
            console = new ConsoleUi(robot, platform, dir.resolve("c"));
        }
        return console.open();
    }

    private void closeConsole() throws Exception {
        if (console != null) {
            console.close();
        }
    }

    private static Rectangle2D bounds(Stage stage) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(),
                stage.getHeight())).get(5, TimeUnit.SECONDS);
    }

    private static Rectangle2D primary() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> Screen.getPrimary().getVisualBounds()).get(5, TimeUnit.SECONDS);
    }

    @Test
    void theFirstRunOpensMaximisedOnThePrimaryMonitor(FxRobot robot) throws Exception {
        PlatformClient operator = platform.client("operator");
        for (int i = 0; i < 6; i++) {
            platform.report(operator, "首次打开即最大化 " + i);
        }
        Stage stage = openConsole(robot);
        assertThat(bounds(stage)).isEqualTo(primary());
        assertThat(stage.isMaximized()).isTrue();

        robot.write("operator").type(KeyCode.ENTER).write("tongguan").type(KeyCode.ENTER);
        cn.tongguan.console.support.ConsoleUi.waitOnFx(15, () -> robot.lookup("#queueTable").tryQuery()
                .map(n -> ((javafx.scene.control.TableView<?>) n).getItems().size() == 6).orElse(false));
        robot.type(KeyCode.HOME);
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(500); // let the detail's map paint before the capture (not an assertion)
        Rectangle2D screen = primary();
        XCapture.area(Path.of("target", "screenshots", "console-maximised.png"), (int) screen.getMinX(),
                (int) screen.getMinY(), (int) screen.getWidth(), (int) screen.getHeight());
        assertThat(bounds(stage)).as("still covering the monitor after sign-in").isEqualTo(primary());
    }

    @Test
    void aMaximisedWindowIsRememberedMaximisedOnItsMonitor(FxRobot robot) throws Exception {
        openConsole(robot);
        closeConsole();
        Rectangle2D monitor = WaitForAsyncUtils.asyncFx(() -> Screen.getPrimary().getBounds()).get(5, TimeUnit.SECONDS);
        assertThat(new WindowStateStore(dir.resolve("c")).read("main")).hasValueSatisfying(state -> {
            assertThat(state.maximized()).isTrue();
            assertThat(state.monitor()).isEqualTo(new Area(monitor.getMinX(), monitor.getMinY(), monitor.getWidth(),
                    monitor.getHeight()));
        });
    }

    @Test
    void theWindowComesBackWhereItWasLeftAndIsRememberedThereAgain(FxRobot robot) throws Exception {
        // The right-most monitor (the second one under with-multihead.sh, the only one under plain Xvfb).
        Rectangle2D last = WaitForAsyncUtils.asyncFx(() -> Screen.getScreens().stream().map(Screen::getBounds)
                .max(Comparator.comparingDouble(Rectangle2D::getMinX)).orElseThrow()).get(5, TimeUnit.SECONDS);
        Area monitor = new Area(last.getMinX(), last.getMinY(), last.getWidth(), last.getHeight());
        Area left = new Area(last.getMinX() + 120, last.getMinY() + 90, 1200, 800);
        // Un-maximising is the window manager's job and the test X server has none: the state is written as the
        // console writes it when a user leaves the window there.
        new WindowStateStore(dir.resolve("c")).write("main", new WindowState(left, false, monitor));

        Stage stage = openConsole(robot);
        assertThat(bounds(stage)).isEqualTo(new Rectangle2D(left.x(), left.y(), left.width(), left.height()));
        assertThat(stage.isMaximized()).isFalse();
        // Gone, so what is read next can only be what closing the window wrote.
        Files.delete(dir.resolve("c").resolve(WindowStateStore.FILE));
        closeConsole();
        assertThat(new WindowStateStore(dir.resolve("c")).read("main")).contains(new WindowState(left, false, monitor));
    }

    @Test
    void aRememberedMonitorThatIsGoneOpensMaximisedOnThePrimary(FxRobot robot) throws Exception {
        Files.createDirectories(dir.resolve("c"));
        Files.writeString(dir.resolve("c").resolve(WindowStateStore.FILE), String.join("\n",
                "main.x=20100", "main.y=100", "main.width=1200", "main.height=800", "main.maximized=false",
                "main.monitor.x=19200", "main.monitor.y=0", "main.monitor.width=1920", "main.monitor.height=1080", ""));
        Stage stage = openConsole(robot);
        assertThat(bounds(stage)).isEqualTo(primary());
        assertThat(stage.isMaximized()).isTrue();
    }
}
