package cn.tongguan.console.seat;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.Cases;
import cn.tongguan.console.support.TestPlatform;
import cn.tongguan.console.sync.PlatformClient;
import cn.tongguan.console.testing.ScreenshotOnFailure;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
 * A case goes through the whole workflow (受理 → 立案 → 派遣 → 签收 → 反馈 → 发核查 → 核查通过 → 结案) by keyboard
 * alone, each role at its own console, against a real platform.
 */
@ExtendWith({ApplicationExtension.class, ScreenshotOnFailure.class})
class SeatWorkflowUiTest {
    @TempDir
    Path dir;
    private TestPlatform platform;
    private SeatUi seat;
    private PlatformClient observer;

    @BeforeEach
    void start(FxRobot robot) throws Exception {
        platform = new TestPlatform(dir.resolve("platform")).start();
        FxToolkit.registerPrimaryStage();
        seat = new SeatUi(robot, platform, dir.resolve("console"));
        observer = platform.client("shift_leader");
    }

    @AfterEach
    void stop() throws Exception {
        seat.close();
        platform.close();
    }

    private String state(long id) throws IOException {
        return observer.parseDetail(observer.detailJson(id)).item().state();
    }

    private void waitForState(long id, String expected) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> expected.equals(state(id)));
    }

    @Test
    void aCaseGoesThroughTheWholeWorkflowByKeyboard(FxRobot robot) throws Exception {
        Cases.Case c = platform.report(platform.client("operator"), "平原路与胜利路交叉口东南角暴露垃圾约2平方米");
        long id = c.id();

        seat.open("operator");
        seat.tabAndFirstRow(1, r -> r.id() == id);
        assertThat(seat.text("#detailTitle")).contains(c.caseNo()).contains("暴露垃圾");
        assertThat(seat.text("#detailReporter")).contains("138****5678").doesNotContain("13812345678");
        // 推送到大屏: a button with its shortcut in the tooltip, Ctrl+P, and the outcome as a sentence in the status bar
        // (sent once the platform has the wall-push route, refused in plain words before).
        assertThat(robot.lookup("#pushToWall").queryButton().getTooltip().getText()).contains("Ctrl+P");
        robot.press(KeyCode.CONTROL).type(KeyCode.P).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> seat.text("#pushStatus")
                .matches("案件 " + c.caseNo() + " (已推送到大屏|未能推送到大屏：.+)"));
        robot.type(KeyCode.A);
        waitForState(id, "accepted");

        seat.open("shift_leader");
        seat.tabAndFirstRow(2, r -> r.id() == id);
        robot.type(KeyCode.F);
        waitForState(id, "filed");

        seat.open("dispatcher");
        seat.tabAndFirstRow(3, r -> r.id() == id);
        robot.type(KeyCode.D);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#dialogDepartment").tryQuery().isPresent());
        robot.type(KeyCode.ENTER);
        waitForState(id, "dispatched");
        assertThat(observer.parseDetail(observer.detailJson(id)).item().departmentCode()).isEqualTo("D01");

        seat.open("department");
        seat.tabAndFirstRow(4, r -> r.id() == id);
        robot.type(KeyCode.S);
        waitForState(id, "handling");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#action-feedback").tryQuery().isPresent());
        robot.type(KeyCode.B);
        waitForState(id, "feedback");

        seat.open("operator");
        seat.tabAndFirstRow(5, r -> r.id() == id);
        robot.type(KeyCode.C);
        waitForState(id, "checking");

        seat.open("inspector");
        seat.tabAndFirstRow(5, r -> r.id() == id && r.state().equals("核查中"));
        robot.type(KeyCode.Y);
        waitForState(id, "checked");

        seat.open("shift_leader");
        seat.tabAndFirstRow(5, r -> r.id() == id && r.state().equals("待结案"));
        robot.type(KeyCode.E);
        waitForState(id, "closed");

        assertThat(observer.parseDetail(observer.detailJson(id)).timeline()).extracting(Cases.TimelineEntry::action)
                .containsExactly("report", "accept", "file", "dispatch", "start", "feedback", "send_check", "check_ok",
                        "close");
        // The closed case has left 待核查 (the detail no longer shows a case that is not highlighted); the seat sees
        // the close come back through the event stream, in 全部, and says so.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> seat.table().getItems().stream().noneMatch(r -> r.id() == id));
        seat.tabAndFirstRow(7, r -> r.id() == id && r.state().equals("已结案"), false);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> seat.text("#detailState").equals("已结案"));
    }
}
