package cn.tongguan.console.alarms;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.console.i18n.Messages;
import cn.tongguan.console.support.TestPlatform;
import cn.tongguan.console.sync.PlatformClient;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seat's alarm desk against a real platform: a gauge crosses its thresholds, the seat acknowledges and clears. */
class AlarmDeskViewModelTest {
    @TempDir
    Path dir;
    private TestPlatform platform;
    private PlatformClient admin;
    private AlarmDeskViewModel desk;

    @BeforeEach
    void start() throws Exception {
        platform = new TestPlatform(dir).start();
        admin = platform.client("admin");
        send(admin, "/api/v1/admin/import/sensors", "application/x-ndjson",
                "{\"id\":\"W07\",\"kind\":\"waterlogging\",\"name\":\"人民路下穿\",\"lng\":113.9,\"lat\":35.3,\"unit\":\"cm\"}\n");
        PlatformClient operator = platform.client("operator");
        desk = new AlarmDeskViewModel(Messages.load(Locale.SIMPLIFIED_CHINESE), new AlarmDeskViewModel.Platform() {
            @Override
            public List<cn.tongguan.api.Lifeline.Alarm> openAlarms() throws IOException {
                return operator.openAlarms();
            }

            @Override
            public cn.tongguan.api.Lifeline.Alarm act(long id, String action, String note) throws IOException {
                return operator.alarmAction(id, action, note);
            }
        }, Runnable::run, Runnable::run);
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    private static void send(PlatformClient client, String path, String type, String body) throws IOException {
        Request r = new Request.Builder().url(client.base().resolve(path).toString())
                .post(RequestBody.create(body, MediaType.get(type))).build();
        try (Response response = client.http().newCall(r).execute()) {
            assertThat(response.code()).as(path).isBetween(200, 201);
        }
    }

    @Test
    void aRisingGaugeIsAcknowledgedAndClearedFromTheSeat() throws Exception {
        desk.load();
        assertThat(desk.statusProperty().get()).isEqualTo("当前没有未解除的告警");
        send(admin, "/api/v1/sensors/readings", "application/json", "{\"sensorId\":\"W07\",\"value\":18.0}");
        desk.alarmsChanged();
        assertThat(desk.alarms()).hasSize(1);
        AlarmDeskViewModel.Line line = desk.alarms().get(0);
        assertThat(line.alarm().state()).isEqualTo("ACTIVE");
        assertThat(line.text()).contains("W07").contains("积水深度").contains("黄色").contains("18.0").contains("未确认");

        desk.acknowledge(line, "已通知排水公司");
        assertThat(desk.statusProperty().get()).isEqualTo("已确认 W07 的告警，大屏上停止闪烁");
        assertThat(desk.alarms()).singleElement().satisfies(l -> {
            assertThat(l.alarm().state()).isEqualTo("ACKNOWLEDGED");
            assertThat(l.alarm().acknowledgedBy()).isEqualTo("operator");
            assertThat(l.text()).contains("operator 已确认");
        });

        desk.clear(desk.alarms().get(0), null);
        assertThat(desk.alarms()).isEmpty();
        assertThat(desk.statusProperty().get()).isEqualTo("已解除 W07 的告警");
        // Clearing it again is refused by the platform in a plain sentence.
        desk.clear(line, null);
        assertThat(desk.statusProperty().get()).startsWith("平台未接受：");
    }

    @Test
    void withoutASelectionOrAPlatformTheDeskSaysSo() {
        desk.acknowledge(null, null);
        assertThat(desk.statusProperty().get()).isEqualTo("请先选中一条告警");
        platform.stop();
        desk.load();
        assertThat(desk.statusProperty().get()).isEqualTo("暂时连不上平台，告警无法读取或处置；请稍后再试");
    }
}
