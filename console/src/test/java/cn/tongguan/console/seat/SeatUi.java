package cn.tongguan.console.seat;

import cn.tongguan.console.queue.QueueRow;
import cn.tongguan.console.support.ConsoleUi;
import cn.tongguan.console.support.TestPlatform;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Drives a real console window by keyboard: sign in, pick a tab and a row, press an action's letter. */
final class SeatUi {
    private final FxRobot robot;
    private final ConsoleUi console;

    SeatUi(FxRobot robot, TestPlatform platform, Path data) {
        this.robot = robot;
        this.console = new ConsoleUi(robot, platform, data);
    }

    /** Opens a fresh console and signs in as {@code username} by typing, as a seat would. */
    void open(String username) throws Exception {
        console.open();
        console.signIn(username);
        cn.tongguan.console.support.ConsoleUi.waitOnFx(15,
                () -> robot.lookup("#queueTable").tryQuery().map(javafx.scene.Node::isFocused).orElse(false));
    }

    void close() throws Exception {
        console.close();
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
        console.fillScreen();
    }

    String text(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
