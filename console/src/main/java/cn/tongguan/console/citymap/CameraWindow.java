package cn.tongguan.console.citymap;

import cn.tongguan.console.i18n.Messages;
import cn.tongguan.video.Camera;
import cn.tongguan.video.TileStatus;
import cn.tongguan.video.VideoConfig;
import cn.tongguan.video.VideoWall;
import cn.tongguan.video.WallLayout;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The seat's player for one camera, opened by 播放 on a camera's card: a small window with one tile of the
 * {@code video} module's wall (the engine the wall uses, its reconnects and its status), so the seat watches the
 * spot without sending it to the hall's wall. One window, the next camera replaces the last; closed, it stops.
 */
public final class CameraWindow implements CameraPlayer {
    private final Messages messages;
    private final ExecutorService background;
    private final Clock clock;
    private Stage stage;
    private VideoWall video;

    public CameraWindow(Messages messages, ExecutorService background, Clock clock) {
        this.messages = messages;
        this.background = background;
        this.clock = clock;
    }

    @Override
    public void play(CityLive.CameraMark camera) {
        if (camera.streamUrl() == null) {
            return;
        }
        if (stage == null) {
            video = new VideoWall(VideoConfig.defaults(), background, Platform::runLater, clock);
            video.setLayout(WallLayout.ONE);
            StackPane root = new StackPane(video.getView());
            root.setId("cameraPlayer");
            stage = new Stage();
            stage.setScene(new Scene(root, 640, 400));
            stage.setOnHidden(e -> {
                video.close();
                video = null;
                stage = null;
            });
        }
        // The sub stream beside the main one, as the platform names them (…/main, …/sub).
        URI main = URI.create(camera.streamUrl());
        video.play(0, new Camera(camera.id(), camera.name(), main, URI.create(camera.streamUrl().replace("/main", "/sub"))));
        stage.setTitle(messages.text("citymap.camera.playing", camera.name()));
        stage.show();
        stage.toFront();
    }

    /** What the tile plays (null when no window is open). */
    public TileStatus status() {
        return video == null ? null : video.status(0);
    }
}
