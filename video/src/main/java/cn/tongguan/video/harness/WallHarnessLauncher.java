package cn.tongguan.video.harness;

import javafx.application.Application;

/**
 * Starts the video wall harness. A separate launcher because a main class extending Application fails on
 * the class path ("JavaFX runtime components are missing").
 *
 * <pre>mvn -pl video exec:java -Dexec.args="--cameras=$HOME/.tongguan/cameras/cameras-rtsp.tsv --layout=NINE --dwell=10"</pre>
 * Options: {@code --cameras=FILE} (a camera list; without it a 139-camera simulator is started),
 * {@code --layout=ONE|FOUR|NINE|SIXTEEN|ONE_PLUS_FIVE|ONE_PLUS_SEVEN}, {@code --dwell=SECONDS},
 * {@code --engine=AUTO|GSTREAMER|VLCJ}, {@code --budget=N}, {@code --protocol=rtsp|http} (simulator only).
 */
public final class WallHarnessLauncher {
    private WallHarnessLauncher() {
    }

    public static void main(String[] args) {
        Application.launch(WallHarnessApp.class, args);
    }
}
