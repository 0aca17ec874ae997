package cn.tongguan.console.support;

import cn.tongguan.console.app.ConsoleApp;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.input.KeyCode;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A real console window against a {@link TestPlatform}, on the platform's clock, with its data under {@code data}:
 * opened at its sign-in, signed in by typing as a person would, and closed again. The UI tests of every feature
 * open the console through here.
 */
public final class ConsoleUi implements AutoCloseable {
    private final FxRobot robot;
    private final TestPlatform platform;
    private final Path data;
    private Application app;

    public ConsoleUi(FxRobot robot, TestPlatform platform, Path data) {
        this.robot = robot;
        this.platform = platform;
        this.data = data;
    }

    /** Opens a fresh console (closing one that is open) and waits until its sign-in field has the focus. */
    public Stage open() throws Exception {
        close();
        app = FxToolkit.setupApplication(() -> new ConsoleApp(platform.clock(), "--platform=" + platform.uri(),
                "--data=" + data));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#username").tryQuery().isPresent()
                && robot.lookup("#username").query().isFocused());
        WaitForAsyncUtils.waitForFxEvents();
        return (Stage) robot.listTargetWindows().stream().filter(Window::isShowing).findFirst().orElseThrow();
    }

    /** Types the account, Enter, the demo password, Enter. */
    public void signIn(String username) {
        robot.write(username).type(KeyCode.ENTER).write("tongguan").type(KeyCode.ENTER);
    }

    /** Makes the window cover the (1920×1080) primary screen, for screenshots. */
    /**
     * Waits until {@code condition} holds, checking it on the FX thread: the shell swaps screens in (the seat with its
     * session panel) while a test waits, and a scene graph walked from another thread can change under the walk.
     */
    public static void waitOnFx(int seconds, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
            try {
                return WaitForAsyncUtils.asyncFx(condition).get(5, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException busy) {
                // The FX thread is still at other work (a loaded machine): not yet, ask again until the deadline.
                return false;
            }
        });
    }

    public void fillScreen() throws Exception {
        Window window = robot.listTargetWindows().stream().filter(Window::isShowing).findFirst().orElseThrow();
        WaitForAsyncUtils.asyncFx(() -> {
            Rectangle2D screen = Screen.getPrimary().getBounds();
            window.setX(screen.getMinX());
            window.setY(screen.getMinY());
            window.setWidth(screen.getWidth());
            window.setHeight(screen.getHeight());
        }).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Override
    public void close() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            FxToolkit.cleanupStages();
            app = null;
        }
    }
}
