package cn.tongguan.console.seat;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.Cases;
import cn.tongguan.console.support.TestPlatform;
import cn.tongguan.console.sync.PlatformClient;
import cn.tongguan.console.testing.ScreenshotOnFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
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
 * Fills a platform with a morning's worth of Xinxiang cases in several states and photographs the seat (queue and
 * detail, Chinese UI) to {@code target/screenshots/console-*.png}; the copies in {@code docs/screenshots} come
 * from here.
 */
@ExtendWith({ApplicationExtension.class, ScreenshotOnFailure.class})
class SeatScreenshotsUiTest {
    private static final Object[][] REPORTS = {
        {"hotline_12319", "06010", "平原路与胜利路交叉口东南角", "路边堆放生活垃圾约3平方米，异味明显"},
        {"inspector", "09006", "新乡市红旗区人民路58号", "水果摊占用人行道经营"},
        {"video_ai", "09009", "卫滨区解放大道中段", "机动车占用非机动车道停放"},
        {"hotline_12345", "06029", "牧野区新二街夜市", "夜间露天烧烤，油烟扰民"},
        {"inspector", "07001", "红旗区劳动路电线杆", "电线杆上张贴非法小广告多处"},
        {"public", "08004", "凤泉区宝山路工地", "工地未覆盖裸土，扬尘严重"},
        {"inspector", "06012", "卫滨区自由路", "道路不洁，落叶与泥土堆积"},
        {"hotline_12319", "06011", "红旗区东明大道北段", "建筑垃圾渣土堆放未清运"},
        {"iot", "06010", "牧野区和平大道公交站", "垃圾箱满溢，周边散落垃圾"},
        {"inspector", "09006", "红旗区金穗大道", "店外摆放商品占道经营"},
        {"video_ai", "09009", "卫滨区华兰大道", "车辆乱停放堵塞消防通道"},
        {"superior", "06001", "凤泉区耿黄镇", "私搭乱建彩钢棚约20平方米"},
    };

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
    void queueAndDetailInChinese(FxRobot robot) throws Exception {
        PlatformClient operator = platform.client("operator");
        PlatformClient leader = platform.client("shift_leader");
        PlatformClient dispatcher = platform.client("dispatcher");
        for (int i = 0; i < REPORTS.length; i++) {
            Object[] r = REPORTS[i];
            Cases.Case c = operator.create(new Cases.NewCase((String) r[0], "event", ((String) r[1]).substring(0, 2),
                    (String) r[1], 113.86 + i * 0.007, 35.28 + i * 0.004, (String) r[2], (String) r[3],
                    i % 5 == 0 ? "urgent" : "normal", "李" + "明华刚强伟芳"
                    .charAt(i % 6), "1390373" + String.format("%04d", 1000 + i * 37), null, false),
                    UUID.randomUUID().toString());
            if (i < 8) {
                platform.act(operator, c.id(), "accept", null);
            }
            if (i < 6) {
                platform.act(leader, c.id(), "file", null);
            }
            if (i < 4) {
                String dept = switch ((String) r[1]) {
                    case "06010", "06011", "06012" -> "D01";
                    case "09009" -> "D08";
                    default -> "D09";
                };
                platform.act(dispatcher, c.id(), "dispatch", dept);
            }
        }
        seat.open("dispatcher");
        seat.fillScreen();
        seat.tabAndFirstRow(7, r -> true, false);
        robot.type(KeyCode.END);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> seat.text("#detailTitle").contains("000001")
                && robot.lookup("#timelineList").queryListView().getItems().size() >= 4);
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        Path queue = ScreenshotOnFailure.save(Path.of("target", "screenshots", "console-queue.png"));

        seat.tabAndFirstRow(3, r -> true, true);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#timelineList").queryListView().getItems().size() >= 3);
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        Path detail = ScreenshotOnFailure.save(Path.of("target", "screenshots", "console-detail.png"));
        assertThat(Files.size(queue)).isGreaterThan(20_000);
        assertThat(Files.size(detail)).isGreaterThan(20_000);

        // The detail's map holds exactly the case on screen, at its place.
        cn.tongguan.map.MapView map = robot.lookup("#caseMap").queryAs(cn.tongguan.map.MapView.class);
        assertThat(map.isVisible()).isTrue();
        cn.tongguan.map.LiveItem[] item = new cn.tongguan.map.LiveItem[1];
        WaitForAsyncUtils.asyncFx(() -> item[0] = map.getOverlay().query(-180, -90, 180, 90).stream()
                .findFirst().orElse(null)).get(10, TimeUnit.SECONDS);
        assertThat(WaitForAsyncUtils.asyncFx(() -> map.getOverlay().size()).get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(item[0]).isNotNull();
        assertThat(item[0].lat()).isBetween(35.28, 35.28 + REPORTS.length * 0.004);
        assertThat(seat.text("#detailTitle")).contains(String.format("%06d", Math.round((item[0].lat() - 35.28) / 0.004) + 1));
    }
}
