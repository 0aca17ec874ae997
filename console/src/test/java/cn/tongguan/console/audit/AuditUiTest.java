package cn.tongguan.console.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.Audit;
import cn.tongguan.console.support.ConsoleUi;
import cn.tongguan.console.support.TestPlatform;
import cn.tongguan.console.testing.ScreenshotOnFailure;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An auditor signs in and the console opens on the audit log of the real platform (no seat, wall or meeting tabs):
 * the operator's sign-in and the auditor's own are there; filtering by actor narrows the table.
 */
@ExtendWith({ApplicationExtension.class, ScreenshotOnFailure.class})
class AuditUiTest {
    @SuppressWarnings("unchecked")
    private List<Audit.Entry> rows(FxRobot robot) throws Exception {
        TableView<Audit.Entry> table = robot.lookup("#auditTable").queryAs(TableView.class);
        return WaitForAsyncUtils.asyncFx(() -> List.copyOf(table.getItems())).get(5, TimeUnit.SECONDS);
    }

    @Test
    void theAuditorSeesTheSignIns(FxRobot robot, @TempDir Path dir) throws Exception {
        FxToolkit.registerPrimaryStage();
        try (TestPlatform platform = new TestPlatform(dir.resolve("platform")).start();
             ConsoleUi console = new ConsoleUi(robot, platform, dir.resolve("c"))) {
            platform.client("operator");
            console.open();
            console.signIn("auditor");
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#auditTable").tryQuery().isPresent()
                    && rows(robot).stream().anyMatch(e -> "auditor".equals(e.actor()) && "login.success".equals(e.action())));
            assertThat(rows(robot)).anyMatch(e -> "operator".equals(e.actor()) && "login.success".equals(e.action()));
            assertThat(robot.lookup("#modes").query().isVisible()).as("no seat, wall or meeting tabs").isFalse();

            robot.clickOn("#actorFilter").write("operator");
            robot.clickOn("#searchButton");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !rows(robot).isEmpty()
                    && rows(robot).stream().allMatch(e -> "operator".equals(e.actor())));
        }
    }
}
