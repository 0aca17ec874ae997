package cn.tongguan.video;

import static cn.tongguan.video.FxSupport.awaitStatus;
import static cn.tongguan.video.FxSupport.fx;
import static cn.tongguan.video.FxSupport.fxRun;

import cn.tongguan.video.sim.CameraSimulator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.robot.Robot;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;

/** A camera dragged from the list with the real mouse (under Xvfb) plays on the tile it is dropped on. */
class DragCameraOntoTileTest {
    @Test
    void aDroppedCameraPlaysOnThatTile() throws Exception {
        FxSupport.startToolkit();
        ExecutorService background = FxSupport.background();
        try (CameraSimulator sim = CameraSimulator.start(3, "320x180@15", "320x180@15")) {
            List<Camera> cameras = sim.rtspCameras();
            Object[] made = fx(() -> {
                VideoWall wall = new VideoWall(VideoConfig.defaults().fast(), background, Platform::runLater,
                        java.time.Clock.fixed(java.time.Instant.parse("2026-06-15T02:30:00Z"), java.time.ZoneOffset.UTC));
                wall.setCatalog(cameras);
                wall.setLayout(WallLayout.FOUR);
                CameraListView list = new CameraListView(cameras);
                list.setPrefWidth(200);
                HBox.setHgrow(wall.getView(), Priority.ALWAYS);
                Stage stage = new Stage();
                stage.setScene(new Scene(new HBox(list, wall.getView()), 840, 360));
                stage.setX(0);
                stage.setY(0);
                stage.show();
                return new Object[] {wall, list, stage};
            });
            VideoWall wall = (VideoWall) made[0];
            CameraListView list = (CameraListView) made[1];
            try {
                FxSupport.sleep(500);
                Point2D from = fx(() -> centre(list.lookupAll(".list-cell").iterator().next()));
                Point2D to = fx(() -> centre(wall.getView().lookupAll(".video-tile").stream().skip(3).findFirst().orElseThrow()));
                Robot robot = fx(Robot::new);
                fxRun(() -> robot.mouseMove(from));
                fxRun(() -> robot.mousePress(MouseButton.PRIMARY));
                for (int i = 1; i <= 20; i++) {
                    double t = i / 20.0;
                    Point2D p = from.add(to.subtract(from).multiply(t));
                    fxRun(() -> robot.mouseMove(p));
                    FxSupport.sleep(30);
                }
                fxRun(() -> robot.mouseRelease(MouseButton.PRIMARY));
                awaitStatus(wall, 3, s -> cameras.get(0).equals(s.camera()) && s.state() == TileState.LIVE, Duration.ofSeconds(10));
            } finally {
                fxRun(() -> {
                    wall.close();
                    ((Stage) made[2]).close();
                });
            }
        } finally {
            background.shutdownNow();
        }
    }

    private static Point2D centre(Node node) {
        Bounds b = node.localToScreen(node.getBoundsInLocal());
        return new Point2D(b.getMinX() + b.getWidth() / 2, b.getMinY() + b.getHeight() / 2);
    }
}
