package cn.tongguan.console.seat;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.Cases;
import cn.tongguan.console.support.ConsoleUi;
import cn.tongguan.console.support.TestPlatform;
import cn.tongguan.console.sync.PlatformClient;
import cn.tongguan.console.testing.EnglishHost;
import cn.tongguan.console.testing.ScreenshotOnFailure;
import cn.tongguan.console.testing.VisibleTexts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Window;
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
 * The Chinese console on an English host (JVM default en_US): every scene of the seat and the meeting, opened by
 * keyboard against a real platform, shows no English: sign-in, queue (full and empty), case detail, the action
 * dialog, the shortcut help (F1), the save-filter dialog, a text field's menu, the hotline form (Ctrl+N), the
 * alarm desk (Ctrl+L), the meeting with its ledger and a drill-down. Latin letters pass only as codes, units,
 * keys, coordinates and addresses ({@code LatinText}).
 */
@ExtendWith({EnglishHost.class, ApplicationExtension.class, ScreenshotOnFailure.class})
class ChineseEverywhereUiTest {
    /**
     * The platform's account names are codes (typed at sign-in, shown in a case's history beside the role's
     * Chinese name), like case numbers.
     */
    private static final Set<String> ACCOUNTS = Set.of("operator", "shift_leader", "dispatcher", "department",
            "inspector", "leader", "wall", "admin");
    @TempDir
    Path dir;
    private TestPlatform platform;
    private ConsoleUi console;
    private final Map<String, List<VisibleTexts.Seen>> english = new LinkedHashMap<>();
    private final List<String> scenes = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        platform = new TestPlatform(dir.resolve("platform")).start();
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stop() throws Exception {
        if (console != null) {
            console.close();
        }
        platform.close();
    }

    /** Walks every showing window now and keeps what is English, under the scene's name. */
    private void look(String scene) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        List<VisibleTexts.Seen> seen = WaitForAsyncUtils.asyncFx(VisibleTexts::ofShowingWindows).get(10, TimeUnit.SECONDS);
        assertThat(seen).as("texts seen in " + scene).isNotEmpty();
        List<VisibleTexts.Seen> found = VisibleTexts.english(seen, ACCOUNTS);
        scenes.add(scene);
        if (!found.isEmpty()) {
            english.put(scene, found);
        }
    }

    private void ctrl(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL).type(key).release(KeyCode.CONTROL);
    }

    private boolean showing(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().filter(n -> n.isVisible() && n.getScene() != null
                && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing()).isPresent();
    }

    @Test
    void everySceneOfTheSeatAndTheMeetingIsChineseOnAnEnglishHost(FxRobot robot) throws Exception {
        PlatformClient operator = platform.client("operator");
        for (int i = 0; i < 3; i++) {
            platform.report(operator, "中文界面检查 " + i);
        }
        Cases.Case hard = platform.report(operator, "多部门推诿的违建");
        platform.markDifficult(hard.id(), "多部门职责交叉");

        console = new ConsoleUi(robot, platform, dir.resolve("c"));
        console.open();
        look("sign-in");
        robot.write("nobody").type(KeyCode.ENTER).write("wrong").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#loginError").queryAs(Label.class).getText().isEmpty());
        look("sign-in refused");
        robot.doubleClickOn("#username").eraseText(10).write("shift_leader");
        robot.doubleClickOn("#password").eraseText(10).write("tongguan").type(KeyCode.ENTER);
        // Looked up on the FX thread: the shell swaps the seat in (with its session panel) while the test waits, and a
        // scene graph walked from another thread can change under it.
        cn.tongguan.console.support.ConsoleUi.waitOnFx(15,
                () -> robot.lookup("#queueTable").tryQuery().map(javafx.scene.Node::isFocused).orElse(false));

        SeatUi seat = new SeatUi(robot, platform, dir.resolve("c"));
        seat.tabAndFirstRow(1, r -> true);
        look("seat: queue and case detail");

        ctrl(robot, KeyCode.DIGIT6);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> seat.table().getItems().isEmpty());
        look("seat: an empty queue tab");
        seat.tabAndFirstRow(1, r -> true);

        robot.type(KeyCode.R);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> showing(robot, "#dialogNote"));
        look("seat: action dialog");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !showing(robot, "#dialogNote"));

        robot.type(KeyCode.F1);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> showing(robot, "#cheatSheet"));
        look("seat: shortcut help (F1)");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !showing(robot, "#cheatSheet"));

        Button save = robot.lookup(".button").queryAllAs(Button.class).stream()
                .filter(b -> "保存筛选".equals(b.getText())).findFirst().orElseThrow();
        robot.clickOn(save);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.listTargetWindows().stream()
                .filter(Window::isShowing).count() >= 2);
        look("seat: save-filter dialog");
        robot.type(KeyCode.ESCAPE);

        robot.rightClickOn("#queueSearch");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".context-menu").tryQuery().isPresent());
        look("seat: a text field's edit menu");
        robot.type(KeyCode.ESCAPE);
        robot.clickOn("#queueTable", MouseButton.PRIMARY);

        ctrl(robot, KeyCode.N);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> showing(robot, "#caller"));
        look("seat: hotline form (Ctrl+N)");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !showing(robot, "#caller"));

        ctrl(robot, KeyCode.L);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> showing(robot, "#alarmList"));
        look("seat: alarm desk (Ctrl+L)");
        robot.type(KeyCode.ESCAPE);

        robot.clickOn(robot.lookup(".tab-label").queryAllAs(Label.class).stream()
                .filter(l -> "联席会议".equals(l.getText())).findFirst().orElseThrow());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> showing(robot, "#meetingTitle")
                && !robot.lookup("#meetingTitle").queryAs(Label.class).getText().isEmpty());
        look("meeting: last month");
        robot.clickOn("#nextButton");
        @SuppressWarnings("unchecked")
        TableView<cn.tongguan.api.Ledger.Entry> ledger = robot.lookup("#ledgerTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> ledger.getItems().size() == 1);
        look("meeting: this month with the ledger");
        robot.clickOn("#tile-reported");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () ->
                !robot.lookup("#behindList").queryAs(ListView.class).getItems().isEmpty());
        look("meeting: the cases behind a figure");

        assertThat(scenes).hasSize(13);
        assertThat(english).as("English texts in the Chinese UI, by scene").isEmpty();
    }
}
