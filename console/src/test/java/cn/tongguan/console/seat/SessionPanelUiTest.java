package cn.tongguan.console.seat;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.Cases;
import cn.tongguan.api.testing.MutableClock;
import cn.tongguan.api.testing.TestClocks;
import cn.tongguan.console.support.ConsoleUi;
import cn.tongguan.console.support.TestPlatform;
import cn.tongguan.console.sync.PlatformClient;
import cn.tongguan.console.testing.ScreenshotOnFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The sign-in panel over the seat: the token expires while the operator works (the action waits, nothing fails, the
 * screen stays), the password is typed again, the queued action leaves; and an idle seat locks and unlocks.
 */
@ExtendWith({ApplicationExtension.class, ScreenshotOnFailure.class})
class SessionPanelUiTest {
    @TempDir
    Path dir;
    private TestPlatform platform;
    private SeatUi seat;

    @AfterEach
    void stop() throws Exception {
        if (seat != null) {
            seat.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    private boolean panelShown(FxRobot robot) {
        return robot.lookup("#reauthPanel").tryQuery().map(Node::isVisible).orElse(false);
    }

    @Test
    void anExpiredTokenAsksForThePasswordOverTheSeatAndTheQueuedActionLeavesAfterIt(FxRobot robot) throws Exception {
        MutableClock clock = new MutableClock(TestClocks.suite().instant());
        platform = new TestPlatform(dir.resolve("platform"), clock).start();
        FxToolkit.registerPrimaryStage();
        seat = new SeatUi(robot, platform, dir.resolve("console"));
        PlatformClient operator = platform.client("operator");
        Cases.Case c = platform.report(operator, "人民公园南门共享单车乱停放");
        seat.open("operator");
        seat.tabAndFirstRow(1, r -> r.id() == c.id());

        // Past the access token's life (4 h in this test platform) and the refresh token's (a 12 h shift): the seat
        // cannot renew the session by itself and must ask the operator.
        clock.advance(Duration.ofHours(13));
        robot.type(KeyCode.A);
        ConsoleUi.waitOnFx(20, () -> panelShown(robot));
        assertThat(seat.text("#reauthError")).isEmpty();
        assertThat(robot.lookup("#queueTable").tryQuery()).isPresent();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> seat.text("#syncStatus").contains("登录已过期")
                || seat.text("#syncStatus").contains("待发送操作 1 项"));
        PlatformClient observer = platform.client("shift_leader");
        assertThat(observer.parseDetail(observer.detailJson(c.id())).item().state()).isEqualTo("reported");

        robot.clickOn("#reauthPassword").write("tongguan").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> "accepted".equals(observer.parseDetail(observer.detailJson(c.id())).item().state()));
        ConsoleUi.waitOnFx(10, () -> !panelShown(robot));
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> seat.text("#syncStatus").startsWith("实时同步中")
                && !seat.text("#syncStatus").contains("待发送"));
        assertThat(observer.parseDetail(observer.detailJson(c.id())).timeline())
                .extracting(Cases.TimelineEntry::action).containsExactly("report", "accept");
    }

    @Test
    void anIdleSeatLocksWithItsScreenUnderneathAndOpensWithThePassword(FxRobot robot) throws Exception {
        platform = new TestPlatform(dir.resolve("platform")).start();
        FxToolkit.registerPrimaryStage();
        Files.createDirectories(dir.resolve("console"));
        Files.writeString(dir.resolve("console").resolve("seat-policy.properties"), "idle.lock.seconds=3\n");
        seat = new SeatUi(robot, platform, dir.resolve("console"));
        seat.open("operator");
        ConsoleUi.waitOnFx(20, () -> panelShown(robot));
        assertThat(seat.text("#reauthError")).isEmpty();
        // Read on the FX thread: off it, the panel can be seen shown a moment before the seat's disabling reaches it.
        assertThat(WaitForAsyncUtils.asyncFx(() -> robot.lookup("#queueTable").query().isDisabled())
                .get(5, TimeUnit.SECONDS)).isTrue();

        robot.clickOn("#reauthPassword").write("wrong").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> seat.text("#reauthError").equals("密码不正确。"));
        robot.clickOn("#reauthPassword").write("tongguan").type(KeyCode.ENTER);
        // Open again (it locks again 3 s later without input, which is the policy working).
        ConsoleUi.waitOnFx(10, () -> !panelShown(robot)
                && !robot.lookup("#queueTable").query().isDisabled());
        ConsoleUi.waitOnFx(20, () -> panelShown(robot));
    }
}
