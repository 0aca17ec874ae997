package cn.tongguan.console.seat;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.Cases;
import cn.tongguan.console.support.TestPlatform;
import cn.tongguan.console.sync.PlatformClient;
import cn.tongguan.console.testing.ScreenshotOnFailure;
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
 * The platform is stopped while the seat works and started again: what the seat did meanwhile is shown at once,
 * kept in the outbox, and reaches the platform exactly once per action after the restart.
 */
@ExtendWith({ApplicationExtension.class, ScreenshotOnFailure.class})
class OfflineSeatUiTest {
    @TempDir
    Path dir;
    private TestPlatform platform;
    private SeatUi seat;

    @BeforeEach
    void start(FxRobot robot) throws Exception {
        platform = new TestPlatform(dir.resolve("platform")).start();
        FxToolkit.registerPrimaryStage();
        seat = new SeatUi(robot, platform, dir.resolve("console"));
    }

    @AfterEach
    void stop() throws Exception {
        seat.close();
        platform.close();
    }

    @Test
    void actionsTakenOfflineReachThePlatformOnceAfterItRestarts(FxRobot robot) throws Exception {
        PlatformClient operator = platform.client("operator");
        Cases.Case first = platform.report(operator, "人民公园南门共享单车乱停放");
        Cases.Case second = platform.report(operator, "新二街夜市油烟污染");
        seat.open("operator");
        seat.tabAndFirstRow(1, r -> r.id() == second.id());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> seat.table().getItems().size() == 2);

        platform.stop();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> seat.text("#syncStatus").contains("断开"));
        robot.type(KeyCode.A);
        seat.tabAndFirstRow(1, r -> r.id() == first.id());
        robot.type(KeyCode.A);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> seat.text("#syncStatus").contains("待发送操作 2 项"));
        seat.tabAndFirstRow(2, r -> r.pending() != null);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> seat.table().getItems().size() == 2
                && seat.table().getItems().stream().allMatch(r -> r.pending() != null));

        platform.start();
        PlatformClient observer = platform.client("shift_leader");
        for (Cases.Case c : java.util.List.of(first, second)) {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                    () -> "accepted".equals(observer.parseDetail(observer.detailJson(c.id())).item().state()));
        }
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> seat.text("#syncStatus").startsWith("实时同步中")
                && !seat.text("#syncStatus").contains("待发送"));
        for (Cases.Case c : java.util.List.of(first, second)) {
            assertThat(observer.parseDetail(observer.detailJson(c.id())).timeline())
                    .extracting(Cases.TimelineEntry::action).containsExactly("report", "accept");
        }
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> seat.table().getItems().stream().noneMatch(r -> r.pending() != null));
    }

    @Test
    void aSeatSignsInFromItsCacheWhileThePlatformIsDown(FxRobot robot) throws Exception {
        Cases.Case c = platform.report(platform.client("operator"), "卫滨区自由路井盖缺失");
        seat.open("operator");
        seat.tabAndFirstRow(1, r -> r.id() == c.id());
        seat.close();
        platform.stop();

        seat.open("operator");
        seat.tabAndFirstRow(1, r -> r.id() == c.id());
        assertThat(seat.text("#detailTitle")).contains(c.caseNo());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> seat.text("#syncStatus").contains("断开"));
        robot.type(KeyCode.A);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> seat.text("#syncStatus").contains("待发送操作 1 项"));

        platform.start();
        PlatformClient observer = platform.client("shift_leader");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> "accepted".equals(observer.parseDetail(observer.detailJson(c.id())).item().state()));
    }
}
