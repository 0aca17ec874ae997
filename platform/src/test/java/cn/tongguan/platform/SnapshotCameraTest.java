package cn.tongguan.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tongguan.api.Reference;
import cn.tongguan.platform.EventsTest.SseReader;
import cn.tongguan.platform.lifeline.GstSnapshotGrabber;
import cn.tongguan.platform.support.Api;
import cn.tongguan.api.testing.MutableClock;
import cn.tongguan.platform.support.Platforms;
import cn.tongguan.platform.support.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The snapshot of an alarm case from the real camera simulator ({@code video/sim/camera_sim.py}, RTSP) through
 * GStreamer, and from a camera that is not there. Skipped only when GStreamer's gst-launch-1.0 is absent.
 */
@Timeout(120)
class SnapshotCameraTest {
    private static Process sim;
    private static int rtspPort;

    @BeforeAll
    static void startSimulator(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(GstSnapshotGrabber.available(), "GStreamer (gst-launch-1.0) is not installed");
        Path script = Path.of("../video/sim/camera_sim.py").toAbsolutePath().normalize();
        assertThat(script).exists();
        sim = new ProcessBuilder("/usr/bin/python3", script.toString(), "--cameras", "2", "--main", "320x180@15",
                "--sub", "160x90@10", "--out", dir.toString(), "--exit-with-stdin")
                .redirectError(dir.resolve("sim-stderr.log").toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(sim.getInputStream(), StandardCharsets.UTF_8));
        String ready = out.readLine();
        assertThat(ready).as("camera simulator: %s", Files.exists(dir.resolve("sim-stderr.log"))
                ? Files.readString(dir.resolve("sim-stderr.log")) : "").startsWith("READY");
        for (String word : ready.split(" ")) {
            if (word.startsWith("rtsp=")) {
                rtspPort = Integer.parseInt(word.substring(5));
            }
        }
    }

    @AfterAll
    static void stopSimulator() throws Exception {
        if (sim != null) {
            sim.getOutputStream().close();
            if (!sim.waitFor(5, TimeUnit.SECONDS)) {
                sim.destroy();
            }
        }
    }

    private static String url(String camera) {
        return "rtsp://127.0.0.1:" + rtspPort + "/" + camera + "/main";
    }

    @Test
    void grabsOneJpegFrameOfTheMainStream() throws Exception {
        byte[] jpeg = new GstSnapshotGrabber().grab(url("cam001"), Duration.ofSeconds(20));
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertThat(img.getWidth()).isEqualTo(320);
        assertThat(img.getHeight()).isEqualTo(180);
    }

    @Test
    void aCameraThatIsNotThereIsAnErrorNotAHang() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        assertThatThrownBy(() -> new GstSnapshotGrabber().grab("rtsp://127.0.0.1:" + closed + "/cam001/main", Duration.ofSeconds(20)))
                .isInstanceOf(IOException.class).hasMessageContaining("无法连接");
        assertThatThrownBy(() -> new GstSnapshotGrabber().grab(url("cam404"), Duration.ofSeconds(20))).isInstanceOf(IOException.class);
    }

    @Test
    void anAlarmCaseCarriesTheSnapshotOfTheNearestSimulatedCamera() throws Exception {
        PlatformServer server = Platforms.start(TestDatabases.H2, null, new MutableClock(Instant.parse("2026-11-24T02:00:00Z")),
                new GstSnapshotGrabber());
        try {
            Api api = new Api(server.port());
            server.referenceData().upsertSensors(List.of(
                    new Reference.Sensor("W01", "waterlogging", "积水监测点·人民路", 113.88, 35.30, "cm", null, null, null)));
            server.referenceData().upsertCameras(List.of(
                    new Reference.Camera("cam001", "视频001", 113.8801, 35.3001, url("cam001"), "online"),
                    new Reference.Camera("cam002", "视频002", 113.89, 35.31, url("cam002"), "online")));
            try (SseReader sse = new SseReader(api, api.login("wall"), null)) {
                assertThat(api.post("/api/v1/sensors/readings", api.login("admin"), Map.of("sensorId", "W01", "value", 42.0), null)
                        .status()).isEqualTo(200);
                JsonNode alarm;
                do {
                    EventsTest.Sse e = sse.read(1).get(0);
                    alarm = e.event().equals("alarm.updated") ? Api.JSON.readTree(e.data()).get("data") : null;
                } while (alarm == null);
                String operator = api.login("operator");
                JsonNode detail = api.get("/api/v1/cases/" + alarm.get("caseId").asLong(), operator).body();
                assertThat(detail.get("item").get("description").asText()).contains("cam001", "见照片");
                assertThat(detail.get("photos")).hasSize(1);
                HttpResponse<byte[]> photo = api.http().send(api.builder(detail.get("photos").get(0).get("url").asText(), operator)
                        .build(), HttpResponse.BodyHandlers.ofByteArray());
                BufferedImage img = ImageIO.read(new ByteArrayInputStream(photo.body()));
                assertThat(img.getWidth()).isEqualTo(320);
            }
        } finally {
            server.stop();
        }
    }
}
