package cn.tongguan.video;

import static cn.tongguan.video.FxSupport.awaitStatus;
import static cn.tongguan.video.FxSupport.fx;
import static cn.tongguan.video.FxSupport.fxRun;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.video.sim.CameraSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.Test;

/**
 * A 3×3 wall touring RTSP cameras: all nine tiles live, and each shows a picture (not black). Under X it
 * also leaves a screenshot of the screen in {@code target/video-wall-3x3.png}, copied to
 * {@code docs/screenshots/} by hand after a look.
 */
class WallScreenshotTest {
    @Test
    void nineTilesTourLiveCameras() throws Exception {
        FxSupport.startToolkit();
        ExecutorService background = FxSupport.background();
        VideoWall wall = null;
        try (CameraSimulator sim = CameraSimulator.start(18, "480x270@15", "320x180@15")) {
            wall = FxSupport.showWall(VideoConfig.defaults().fast(), background, WallLayout.NINE, 1280, 720);
            VideoWall w = wall;
            var cameras = sim.rtspCameras();
            fxRun(() -> w.startTour(Tour.of("screenshot", cameras).withDwell(Duration.ofSeconds(20))));
            for (int i = 0; i < 9; i++) {
                awaitStatus(w, i, s -> s.state() == TileState.LIVE, Duration.ofSeconds(20));
            }
            FxSupport.sleep(1500); // let the clocks tick on every tile
            WritableImage picture = fx(() -> w.getView().snapshot(null, null));
            for (int i = 0; i < 9; i++) {
                int row = i / 3;
                int col = i % 3;
                assertThat(brightPixels(picture, col, row)).as("tile %d shows a picture", i).isGreaterThan(50);
            }
            screenshot("target/video-wall-3x3.png");

            // the honest states: a stopped camera greyed with its reason, a tile held on an alarm
            Camera stopped = cameras.get(17);
            fxRun(() -> w.play(4, stopped)); // a tile out of its tour: a tour would move on to the next camera
            awaitStatus(w, 4, s -> s.state() == TileState.LIVE, Duration.ofSeconds(15));
            FxSupport.sleep(1000);
            sim.stop(stopped.id());
            awaitStatus(w, 4, s -> s.state() == TileState.STALE && s.reason() == FailureReason.NOT_FOUND, Duration.ofSeconds(15));
            fxRun(() -> {
                w.setCatalog(cameras);
                w.alarm(w.status(0).cameraId());
            });
            FxSupport.sleep(2500);
            screenshot("target/video-wall-honest.png");
        } finally {
            FxSupport.closeWall(wall);
            background.shutdownNow();
        }
    }

    private static void screenshot(String file) throws Exception {
        String display = System.getenv("DISPLAY");
        if (display != null && Files.isExecutable(Path.of("/usr/bin/import"))) {
            Process p = new ProcessBuilder("import", "-window", "root", "-crop", "1280x720+0+0", file).inheritIO().start();
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
    }


    /** Pixels of one third-by-third cell brighter than the dark tile background. */
    private static int brightPixels(WritableImage image, int col, int row) {
        PixelReader reader = image.getPixelReader();
        int w = (int) image.getWidth() / 3;
        int h = (int) image.getHeight() / 3;
        int bright = 0;
        for (int y = row * h + 10; y < (row + 1) * h - 10; y += 3) {
            for (int x = col * w + 10; x < (col + 1) * w - 10; x += 3) {
                int argb = reader.getArgb(x, y);
                int sum = ((argb >> 16) & 0xff) + ((argb >> 8) & 0xff) + (argb & 0xff);
                if (sum > 300) {
                    bright++;
                }
            }
        }
        return bright;
    }
}
