package cn.tongguan.video;

import static cn.tongguan.video.FxSupport.awaitStatus;
import static cn.tongguan.video.FxSupport.fx;
import static cn.tongguan.video.FxSupport.fxRun;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.video.sim.CameraSimulator;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real streams from the camera simulator through one engine, under Xvfb: a tour advances and skips a
 * stopped camera, a stopped stream shows its reason and recovers, a snapshot is written. Subclasses pick
 * the protocol (and so the engine).
 */
abstract class WallPlaybackTest {
    static CameraSimulator sim;
    static ExecutorService background;
    VideoWall wall;

    /** The cameras as this engine's protocol offers them. */
    abstract List<Camera> cameras() throws Exception;

    abstract EngineChoice engine();

    @BeforeAll
    static void startSimulator() throws Exception {
        FxSupport.startToolkit();
        sim = CameraSimulator.start(6, "480x270@15", "320x180@15");
        background = FxSupport.background();
    }

    @AfterAll
    static void stopSimulator() throws Exception {
        sim.close();
        background.shutdownNow();
        background.awaitTermination(5, TimeUnit.SECONDS);
    }

    @AfterEach
    void closeWall() {
        FxSupport.closeWall(wall);
    }

    private VideoWall wall(WallLayout layout) {
        wall = FxSupport.showWall(VideoConfig.defaults().withEngine(engine()).fast(), background, layout, 640, 360);
        return wall;
    }

    @Test
    void tourAdvancesAndSkipsAStoppedCamera() throws Exception {
        List<Camera> cams = cameras().subList(0, 4);
        sim.stop(cams.get(1).id());
        try {
            VideoWall w = wall(WallLayout.ONE);
            Tour tour = Tour.of("test", cams).withDwell(Duration.ofMillis(1500));
            fxRun(() -> w.startTour(0, tour));
            List<String> liveSequence = new ArrayList<>();
            long end = System.nanoTime() + Duration.ofSeconds(12).toNanos();
            while (System.nanoTime() < end && liveSequence.size() < 4) {
                TileStatus s = fx(() -> w.status(0));
                if (s.state() == TileState.LIVE && (liveSequence.isEmpty()
                        || !liveSequence.get(liveSequence.size() - 1).equals(s.cameraId()))) {
                    liveSequence.add(s.cameraId());
                }
                FxSupport.sleep(50);
            }
            assertThat(liveSequence).startsWith("cam001", "cam003", "cam004").doesNotContain("cam002");
            assertThat(fx(() -> w.coverage(Duration.ofMinutes(1))).unseen()).containsExactly("cam002");
        } finally {
            sim.start(cams.get(1).id());
        }
    }

    @Test
    void stoppedStreamShowsItsReasonAndRecovers() throws Exception {
        Camera cam = cameras().get(4);
        VideoWall w = wall(WallLayout.FOUR);
        fxRun(() -> w.play(1, cam));
        awaitStatus(w, 1, s -> s.state() == TileState.LIVE, Duration.ofSeconds(10));

        sim.stop(cam.id());
        TileStatus stale = awaitStatus(w, 1, s -> s.state() == TileState.STALE && s.reason() == FailureReason.NOT_FOUND,
                Duration.ofSeconds(15));
        assertThat(stale.lastFrameAt()).isNotNull();

        sim.start(cam.id());
        awaitStatus(w, 1, s -> s.state() == TileState.LIVE && s.reason() == null, Duration.ofSeconds(15));
    }

    @Test
    void snapshotOfATileIsWrittenAsPng(@TempDir Path dir) throws Exception {
        Camera cam = cameras().get(5);
        VideoWall w = wall(WallLayout.FOUR);
        fxRun(() -> w.play(2, cam));
        awaitStatus(w, 2, s -> s.state() == TileState.LIVE, Duration.ofSeconds(10));
        Path file = fx(() -> w.snapshot(2, dir.resolve("evidence/cam006.png"))).get(10, TimeUnit.SECONDS);
        BufferedImage image = ImageIO.read(file.toFile());
        java.nio.file.Files.copy(file, Path.of("target", "snapshot-" + getClass().getSimpleName() + ".png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING); // kept for a look
        assertThat(image.getWidth()).isEqualTo(320);
        assertThat(image.getHeight()).isEqualTo(180);
    }

    @Test
    void prerollSwitchesStraightToALiveFrame() throws Exception {
        List<String> withPreroll = switchStates(true);
        // after the first camera, every switch lands on a live picture: no "connecting" in between
        assertThat(withPreroll.subList(1, withPreroll.size())).isNotEmpty().allMatch(s -> s.endsWith("LIVE"));
        List<String> without = switchStates(false);
        assertThat(without.subList(1, without.size())).anyMatch(s -> s.endsWith("CONNECTING"));
    }

    /** The states a tile passes through in a short tour, recorded on the FX thread as they change. */
    private List<String> switchStates(boolean preroll) throws Exception {
        List<Camera> cams = cameras().subList(0, 3);
        VideoWall w = FxSupport.showWall(VideoConfig.defaults().withEngine(engine()).fast().withPreroll(preroll),
                background, WallLayout.ONE, 640, 360);
        List<String> states = new java.util.concurrent.CopyOnWriteArrayList<>();
        try {
            fxRun(() -> {
                w.statusProperty(0).addListener((o, old, s) -> {
                    if (old.camera() != s.camera() || old.state() != s.state()) {
                        states.add(s.cameraId() + " " + s.state());
                    }
                });
                // a 2.5 s dwell and a 2 s lead leave a loaded machine time to get the pre-roll's first frame
                w.startTour(0, Tour.of("preroll", cams).withDwell(Duration.ofMillis(2500)));
            });
            FxSupport.sleep(8000);
        } finally {
            FxSupport.closeWall(w);
        }
        // keep the first state of each camera's turn
        List<String> firsts = new ArrayList<>();
        String lastCamera = null;
        for (String s : states) {
            String camera = s.split(" ")[0];
            if (!camera.equals("null") && !camera.equals(lastCamera)) { // "null IDLE" is the wall closing
                firsts.add(s);
                lastCamera = camera;
            }
        }
        return firsts;
    }

    @Test
    void tilesBeyondTheDecodeBudgetShowStills() throws Exception {
        wall = FxSupport.showWall(VideoConfig.defaults().withEngine(engine()).fast().withDecodeBudget(2), background,
                WallLayout.FOUR, 640, 360);
        VideoWall w = wall;
        List<Camera> cams = cameras();
        fxRun(() -> {
            for (int i = 0; i < 4; i++) {
                w.play(i, cams.get(i));
            }
        });
        awaitStatus(w, 0, s -> s.state() == TileState.LIVE, Duration.ofSeconds(10));
        awaitStatus(w, 1, s -> s.state() == TileState.LIVE, Duration.ofSeconds(10));
        awaitStatus(w, 2, s -> s.state() == TileState.STILL, Duration.ofSeconds(10));
        awaitStatus(w, 3, s -> s.state() == TileState.STILL, Duration.ofSeconds(10));
    }

    @Test
    void anEnlargedTilePlaysTheMainStream(@TempDir Path dir) throws Exception {
        VideoWall w = wall(WallLayout.FOUR);
        Camera cam = cameras().get(3);
        fxRun(() -> w.play(0, cam));
        awaitStatus(w, 0, s -> s.state() == TileState.LIVE, Duration.ofSeconds(10));
        fxRun(() -> w.toggleEnlarged(0));
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int width = 0;
        while (System.nanoTime() < end && width != 480) {
            FxSupport.sleep(200);
            Path file = fx(() -> w.snapshot(0, dir.resolve("main.png"))).get(10, TimeUnit.SECONDS);
            width = ImageIO.read(file.toFile()).getWidth();
        }
        assertThat(width).isEqualTo(480);
    }

    @Test
    void anAlarmHoldsTheTileUntilCleared() throws Exception {
        List<Camera> all = cameras();
        List<Camera> cams = all.subList(0, 3);
        VideoWall w = wall(WallLayout.FOUR);
        fxRun(() -> {
            w.setCatalog(all);
            w.startTour(0, Tour.of("alarm", cams).withDwell(Duration.ofMillis(1000)));
        });
        TileStatus first = awaitStatus(w, 0, s -> s.state() == TileState.LIVE, Duration.ofSeconds(10));
        assertThat(fx(() -> w.alarm(first.cameraId()))).containsExactly(0);
        FxSupport.sleep(2500); // more than two dwells
        TileStatus held = fx(() -> w.status(0));
        assertThat(held.cameraId()).isEqualTo(first.cameraId());
        assertThat(held.alarm()).isTrue();
        assertThat(held.touring()).isFalse();
        // an alarm on a camera no tile shows brings it up on the first tile
        assertThat(fx(() -> w.alarm(all.get(5).id()))).containsExactly(0);
        assertThat(fx(() -> w.status(0)).cameraId()).isEqualTo(all.get(5).id());
    }

    @Test
    void timedOutWhenTheServerNeverAnswers() throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            // connections are accepted by the kernel's backlog, and nobody ever answers them
            URI sub = cameras().get(0).sub();
            Camera mute = new Camera("mute", "mute", new URI(sub.getScheme(), null, sub.getHost(), silent.getLocalPort(),
                    sub.getPath(), null, null), null);
            VideoWall w = wall(WallLayout.FOUR);
            fxRun(() -> w.play(0, mute));
            awaitStatus(w, 0, s -> s.state() == TileState.STALE && s.reason() == FailureReason.TIMED_OUT, Duration.ofSeconds(15));
        }
    }

    @Test
    void refusedWhenNothingListens() throws Exception {
        Camera gone = new Camera("gone", "gone", java.net.URI.create(cameras().get(0).sub().toString()
                .replace(":" + cameras().get(0).sub().getPort() + "/", ":9/")), null);
        VideoWall w = wall(WallLayout.ONE);
        fxRun(() -> w.play(0, gone));
        awaitStatus(w, 0, s -> s.state() == TileState.STALE && s.reason() == FailureReason.REFUSED, Duration.ofSeconds(10));
    }
}
