package cn.tongguan.console.citymap;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.console.i18n.Messages;
import cn.tongguan.video.Camera;
import cn.tongguan.video.TileState;
import cn.tongguan.video.TileStatus;
import cn.tongguan.video.sim.CameraSimulator;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The seat's camera player (播放 on a camera's card) against a real RTSP camera: the picture goes live in its own
 * window under the camera's name, the next camera replaces it in the same window, and closing it stops the video.
 */
class CameraWindowUiTest {
    private CameraSimulator sim;
    private ExecutorService background;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> List.copyOf(Window.getWindows()).stream()
                .filter(w -> w instanceof Stage s && s.getTitle() != null && s.getTitle().startsWith("视频"))
                .forEach(Window::hide)).get(10, TimeUnit.SECONDS);
        if (background != null) {
            background.shutdownNow();
        }
        if (sim != null) {
            sim.close();
        }
    }

    private static CityLive.CameraMark mark(Camera c, String name) {
        return new CityLive.CameraMark(c.id(), name, 113.9, 35.3, true, 0, 60, c.main().toString());
    }

    private static TileStatus waitFor(CameraWindow window, String cameraId, TileState state) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        TileStatus status = null;
        while (System.nanoTime() < deadline) {
            status = WaitForAsyncUtils.asyncFx(window::status).get(10, TimeUnit.SECONDS);
            if (status != null && cameraId.equals(status.cameraId()) && status.state() == state) {
                return status;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("camera " + cameraId + " never " + state + "; last " + status);
    }

    @Test
    void aCameraPlaysLiveInItsWindowTheNextReplacesItAndClosingStopsIt() throws Exception {
        if (System.getProperty("tongguan.camera-sim") == null) {
            System.setProperty("tongguan.camera-sim", Path.of("..", "video", "sim", "camera_sim.py").toString());
        }
        sim = CameraSimulator.start(2, "480x270@15", "320x180@15");
        List<Camera> cameras = sim.rtspCameras();
        background = Executors.newFixedThreadPool(2);
        CameraWindow window = new CameraWindow(Messages.load(Locale.SIMPLIFIED_CHINESE), background,
                cn.tongguan.api.testing.TestClocks.suite());
        WaitForAsyncUtils.asyncFx(() -> window.play(mark(cameras.get(0), "平原路与胜利路交叉口")))
                .get(10, TimeUnit.SECONDS);

        TileStatus first = waitFor(window, cameras.get(0).id(), TileState.LIVE);
        assertThat(first.lastFrameAt()).isNotNull();
        assertThat(WaitForAsyncUtils.asyncFx(() -> titles()).get(10, TimeUnit.SECONDS))
                .containsExactly("视频：平原路与胜利路交叉口");

        WaitForAsyncUtils.asyncFx(() -> window.play(mark(cameras.get(1), "人民路与劳动路交叉口")))
                .get(10, TimeUnit.SECONDS);
        waitFor(window, cameras.get(1).id(), TileState.LIVE);
        // one window: the second camera replaced the first
        assertThat(WaitForAsyncUtils.asyncFx(() -> titles()).get(10, TimeUnit.SECONDS))
                .containsExactly("视频：人民路与劳动路交叉口");

        WaitForAsyncUtils.asyncFx(() -> List.copyOf(Window.getWindows()).stream()
                .filter(w -> w instanceof Stage s && s.getTitle() != null && s.getTitle().startsWith("视频"))
                .forEach(Window::hide)).get(10, TimeUnit.SECONDS);
        assertThat(WaitForAsyncUtils.asyncFx(window::status).get(10, TimeUnit.SECONDS)).isNull();
    }

    private static List<String> titles() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && w.isShowing() && s.getTitle() != null
                && s.getTitle().startsWith("视频")).map(w -> ((Stage) w).getTitle()).toList();
    }
}
