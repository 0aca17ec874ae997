package cn.tongguan.console.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.Cases;
import cn.tongguan.console.support.ConsoleUi;
import cn.tongguan.console.support.TestPlatform;
import cn.tongguan.console.sync.PlatformClient;
import cn.tongguan.console.testing.ScreenshotOnFailure;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
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
 * A leader signs in and the console opens on the meeting: this month's tiles from the real platform, the cases behind
 * a tile on a click, and a decision on a ledger entry typed and recorded with Enter.
 */
@ExtendWith({ApplicationExtension.class, ScreenshotOnFailure.class})
class MeetingUiTest {
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
        if (console != null) {
            console.close();
        }
        platform.close();
    }

    @Test
    void theLeaderRunsTheMeetingFromTheConsole(FxRobot robot) throws Exception {
        PlatformClient operator = platform.client("operator");
        for (int i = 0; i < 4; i++) {
            platform.report(operator, "联席会议界面测试 " + i);
        }
        Cases.Case hard = platform.report(operator, "多部门推诿的违建");
        platform.markDifficult(hard.id(), "多部门职责交叉");

        console = new ConsoleUi(robot, platform, dir.resolve("c"));
        console.open();
        console.signIn("leader");
        // The meeting opens on the previous month; this month is one PageDown away.
        cn.tongguan.console.support.ConsoleUi.waitOnFx(15, () -> robot.lookup("#meetingTitle").tryQuery()
                .map(n -> !((Label) n).getText().isEmpty()).orElse(false));
        console.fillScreen();
        robot.type(KeyCode.PAGE_DOWN);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#tile-reported").tryQuery().isPresent()
                && robot.lookup("#tile-reported").queryParent().getChildrenUnmodifiable().stream()
                .anyMatch(n -> n instanceof Label l && l.getText().equals("5")));

        robot.clickOn("#tile-reported");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () ->
                robot.lookup("#behindList").queryAs(ListView.class).getItems().size() == 5);
        assertThat(robot.lookup("#behindTitle").queryAs(Label.class).getText()).contains("共 5 件");
        // The same five cases on the meeting's map, at their places.
        cn.tongguan.map.MapView map = robot.lookup("#meetingMap").queryAs(cn.tongguan.map.MapView.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> map.getOverlay().size())
                .get(5, TimeUnit.SECONDS) == 5);
        assertThat(WaitForAsyncUtils.asyncFx(() -> map.getOverlay().query(0, 0, 1, 1)).get(5, TimeUnit.SECONDS))
                .allSatisfy(item -> {
                    assertThat(item.lng()).isEqualTo(113.93);
                    assertThat(item.lat()).isEqualTo(35.30);
                });

        @SuppressWarnings("unchecked")
        TableView<cn.tongguan.api.Ledger.Entry> ledger = robot.lookup("#ledgerTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ledger.getItems().size() == 1);
        WaitForAsyncUtils.asyncFx(() -> ledger.getSelectionModel().select(0)).get(5, TimeUnit.SECONDS);
        robot.clickOn("#discussNotes").write("城管局牵头，月底前拆除").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#meetingStatus").queryAs(Label.class)
                .getText().contains(hard.caseNo()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ledger.getItems().get(0).discussions().size() == 1);
        ScreenshotOnFailure.save(Path.of("target", "screenshots", "meeting-ui-test.png"));
    }
}
