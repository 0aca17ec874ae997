package cn.tongguan.console.seat;

import cn.tongguan.console.app.ConsoleApp;
import cn.tongguan.console.queue.QueueRow;
import cn.tongguan.console.support.TestPlatform;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Drives a real console window by keyboard: sign in, pick a tab and a row, press an action's letter. */
final class SeatUi {
    private final FxRobot robot;
    private final TestPlatform platform;
    private final Path data;
    private Application app;

    SeatUi(FxRobot robot, TestPlatform platform, Path data) {
        this.robot = robot;
        this.platform = platform;
        this.data = data;
    }

    /** Opens a fresh console and signs in as {@code username} by typing, as a seat would. */
    void open(String username) throws Exception {
        close();
        app = FxToolkit.setupApplication(() -> new ConsoleApp(platform.clock(), "--platform=" + platform.uri(), "--data=" + data));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#username").tryQuery().isPresent()
                && robot.lookup("#username").query().isFocused());
        robot.write(username);
        robot.type(KeyCode.ENTER);
        robot.write("tongguan");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#queueTable").tryQuery().isPresent()
                && robot.lookup("#queueTable").query().isFocused());
    }

    void close() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            FxToolkit.cleanupStages();
            app = null;
        }
    }

    @SuppressWarnings("unchecked")
    TableView<QueueRow> table() {
        return robot.lookup("#queueTable").queryAs(TableView.class);
    }

    /** Ctrl+n switches tab; waits until a row matching {@code row} is listed, then Home selects the first one. */
    void tabAndFirstRow(int tab, Predicate<QueueRow> row) throws Exception {
        tabAndFirstRow(tab, row, true);
    }

    void tabAndFirstRow(int tab, Predicate<QueueRow> row, boolean withActions) throws Exception {
        robot.press(KeyCode.CONTROL).type(KeyCode.getKeyCode(Integer.toString(tab))).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> table().getItems().stream().anyMatch(row));
        robot.type(KeyCode.HOME);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> {
            QueueRow selected = table().getSelectionModel().getSelectedItem();
            return selected != null && row.test(selected)
                    && (!withActions || robot.lookup("#actionBar").queryParent().getChildrenUnmodifiable().stream()
                    .anyMatch(n -> n.getId() != null && n.getId().startsWith("action-")));
        });
    }

    /** Makes the window cover the (1920×1080) screen, for screenshots. */
    void fillScreen() throws Exception {
        javafx.stage.Window window = robot.listTargetWindows().stream().filter(javafx.stage.Window::isShowing)
                .findFirst().orElseThrow();
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getBounds();
        WaitForAsyncUtils.asyncFx(() -> {
            window.setX(screen.getMinX());
            window.setY(screen.getMinY());
            window.setWidth(screen.getWidth());
            window.setHeight(screen.getHeight());
        }).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    String text(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
