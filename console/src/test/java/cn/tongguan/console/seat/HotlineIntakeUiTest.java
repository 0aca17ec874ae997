package cn.tongguan.console.seat;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.Cases;
import cn.tongguan.console.queue.QueueRow;
import cn.tongguan.console.support.TestPlatform;
import cn.tongguan.console.sync.PlatformClient;
import cn.tongguan.console.testing.ScreenshotOnFailure;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
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
 * The hotline seat against a real platform: a 12345 complaint typed into the form, its address located against the
 * city's divisions, filed (also while the platform is down: it waits in the outbox and is filed once when the
 * platform is back), and a duplicate report merged into the case it repeats, by keyboard.
 */
@ExtendWith({ApplicationExtension.class, ScreenshotOnFailure.class})
class HotlineIntakeUiTest {
    @TempDir
    Path dir;
    private TestPlatform platform;
    private SeatUi seat;
    private PlatformClient observer;

    @BeforeEach
    void start(FxRobot robot) throws Exception {
        platform = new TestPlatform(dir.resolve("platform")).start();
        importCity(platform.client("admin"));
        FxToolkit.registerPrimaryStage();
        seat = new SeatUi(robot, platform, dir.resolve("console"));
        observer = platform.client("shift_leader");
    }

    @AfterEach
    void stop() throws Exception {
        seat.close();
        platform.close();
    }

    /** 红旗区 › 西街街道 › 健康路社区 with one unit grid, as the demo city would import them. */
    private static void importCity(PlatformClient admin) throws IOException {
        post(admin, "divisions", String.join("\n",
                "{\"code\":\"410702\",\"name\":\"红旗区\",\"level\":\"district\",\"geometry\":" + box(113.85, 35.25, 113.98, 35.35) + "}",
                "{\"code\":\"410702002\",\"name\":\"西街街道\",\"level\":\"street\",\"parentCode\":\"410702\",\"geometry\":"
                        + box(113.85, 35.25, 113.98, 35.35) + "}",
                "{\"code\":\"410702002002\",\"name\":\"健康路社区\",\"level\":\"community\",\"parentCode\":\"410702002\","
                        + "\"geometry\":" + box(113.90, 35.28, 113.95, 35.32) + "}"));
        post(admin, "grids", "{\"code\":\"410702002002001\",\"communityCode\":\"410702002002\",\"streetCode\":\"410702002\","
                + "\"districtCode\":\"410702\",\"geometry\":" + box(113.90, 35.28, 113.95, 35.32) + "}");
    }

    private static String box(double x0, double y0, double x1, double y1) {
        return "{\"type\":\"Polygon\",\"coordinates\":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}"
                .formatted(x0, y0, x1, y0, x1, y1, x0, y1, x0, y0);
    }

    private static void post(PlatformClient admin, String kind, String ndjson) throws IOException {
        Request request = new Request.Builder().url(admin.base().resolve("/api/v1/admin/import/" + kind).toString())
                .post(RequestBody.create(ndjson + "\n", MediaType.get("application/x-ndjson"))).build();
        try (Response r = admin.http().newCall(request).execute()) {
            assertThat(r.code()).as(kind).isEqualTo(200);
        }
    }

    private String status(FxRobot robot) {
        return robot.lookup("#intakeStatus").queryAs(Label.class).getText();
    }

    private void fill(FxRobot robot, String caller, String content, String address) throws Exception {
        robot.clickOn("#caller").write(caller);
        robot.clickOn("#phone").write("13900001111");
        robot.clickOn("#requestText").write(content);
        robot.clickOn("#address").write(address);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#placeText").queryAs(Label.class)
                .getText().contains("健康路社区"));
        robot.clickOn("#classSearch").write("暴露垃圾");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> {
            ListView<?> classes = robot.lookup("#classes").queryAs(ListView.class);
            return classes.getItems().size() == 1 && classes.getSelectionModel().getSelectedItem() != null;
        });
    }

    private Cases.Case filed(String said) throws Exception {
        QueueRow row = seat.table().getItems().stream().filter(r -> said.contains(r.caseNo())).findFirst()
                .orElse(null);
        assertThat(row).as("the filed case is in the queue").isNotNull();
        return observer.parseDetail(observer.detailJson(row.id())).item();
    }

    @Test
    void aComplaintIsLocatedAndFiledAndAnOrderTakenOfflineIsFiledOnceWhenThePlatformIsBack(FxRobot robot)
            throws Exception {
        seat.open("operator");
        seat.fillScreen();
        robot.press(KeyCode.CONTROL).type(KeyCode.N).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#caller").tryQuery().isPresent()
                && robot.lookup("#caller").query().isFocused());
        // Nothing typed yet: a plain sentence, nothing sent.
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        assertThat(status(robot)).isEqualTo("请填写诉求内容");

        fill(robot, "李四", "健康路12号楼下垃圾堆了三天没人清理", "红旗区西街健康路12号楼下");
        // The filled form, for docs/screenshots/console-hotline.png.
        cn.tongguan.console.testing.ScreenshotOnFailure.save(Path.of("target", "screenshots", "console-hotline.png"));
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> status(robot).startsWith("已生成案件"));
        String said = status(robot);
        robot.type(KeyCode.ESCAPE);
        seat.tabAndFirstRow(1, r -> said.contains(r.caseNo()), false);
        Cases.Case c = filed(said);
        assertThat(c.source()).isEqualTo("hotline_12345");
        assertThat(c.requestType()).isEqualTo("complaint");
        assertThat(c.communityCode()).isEqualTo("410702002002");
        assertThat(c.gridCode()).isEqualTo("410702002002001");
        assertThat(c.smallCode()).isEqualTo("06010");
        assertThat(c.reporterPhone()).isEqualTo("13900001111");
        assertThat(c.state()).isEqualTo("reported");

        // The next call comes while the platform is down: located before, filed after it is back — once.
        robot.press(KeyCode.CONTROL).type(KeyCode.N).release(KeyCode.CONTROL);
        fill(robot, "王五", "健康路社区门口垃圾满溢", "西街健康路社区门口");
        platform.stop();
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status(robot).contains("正在报送"));
        platform.start();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> status(robot).startsWith("已生成案件"));
        long copies = observer.list("q=" + java.net.URLEncoder.encode("垃圾满溢", java.nio.charset.StandardCharsets.UTF_8))
                .items().size();
        assertThat(copies).isEqualTo(1);
    }

    @Test
    void aDuplicateReportIsMergedIntoTheCaseItRepeatsByKeyboard(FxRobot robot) throws Exception {
        PlatformClient operator = platform.client("operator");
        Cases.Case first = platform.report(operator, "胜利路口垃圾");
        Cases.Case second = platform.report(operator, "胜利路口又有人报垃圾");
        seat.open("operator");
        seat.tabAndFirstRow(1, r -> r.id() == second.id());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#action-merge").tryQuery().isPresent());
        robot.type(KeyCode.M);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#dialogDepartment").tryQuery().isPresent());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () ->
                "cancelled".equals(observer.parseDetail(observer.detailJson(second.id())).item().state()));
        Cases.CaseDetail target = observer.parseDetail(observer.detailJson(first.id()));
        assertThat(target.item().state()).isEqualTo("reported");
        assertThat(target.timeline().get(target.timeline().size() - 1).action()).isEqualTo("merged_in");
        assertThat(target.timeline().get(target.timeline().size() - 1).note()).startsWith(second.caseNo());
    }
}
