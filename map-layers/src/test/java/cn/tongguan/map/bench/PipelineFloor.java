package cn.tongguan.map.bench;

import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The floor under the map's frame time: what JavaFX itself needs per pulse to show a changed 1920×1080
 * PixelBuffer (and, second, the same plus 300 moving Text nodes), with no drawing of ours.
 * Run like MapBench with -Dexec.mainClass=cn.tongguan.map.bench.PipelineFloor.
 */
public final class PipelineFloor {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineFloor.class);

    private PipelineFloor() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("prism.order", System.getProperty("prism.order", "sw"));
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        // the first run hides its window; JavaFX must not take that as the end of the application
        Platform.setImplicitExit(false);
        for (int texts : new int[] {0, 300}) {
            LOG.info(run(texts));
        }
        Platform.exit();
    }

    static String run(int textCount) throws Exception {
        int[] pixels = new int[1920 * 1080];
        List<Long> intervals = new ArrayList<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            PixelBuffer<IntBuffer> buffer = new PixelBuffer<>(1920, 1080, IntBuffer.wrap(pixels),
                    PixelFormat.getIntArgbPreInstance());
            Pane texts = new Pane();
            List<Text> nodes = new ArrayList<>();
            for (int i = 0; i < textCount; i++) {
                Text t = new Text("社区居民委员会" + i);
                // as the map does: with JavaFX's default font every CJK glyph goes through font fallback
                t.setFont(javafx.scene.text.Font.font("Noto Sans CJK SC", 12));
                nodes.add(t);
                texts.getChildren().add(t);
            }
            Stage stage = new Stage(StageStyle.UNDECORATED);
            stage.setScene(new Scene(new Pane(new ImageView(new WritableImage(buffer)), texts), 1920, 1080));
            stage.show();
            new AnimationTimer() {
                private long last;
                private int frame;

                @Override
                public void handle(long now) {
                    if (last != 0 && frame > 10) {
                        intervals.add(now - last);
                    }
                    last = now;
                    if (++frame > 310) {
                        stop();
                        stage.hide();
                        done.complete(null);
                        return;
                    }
                    Arrays.fill(pixels, 0xff000000 | frame * 0x010203);
                    for (int i = 0; i < nodes.size(); i++) {
                        nodes.get(i).relocate((i * 37 + frame * 3) % 1900, (i * 53 + frame) % 1060);
                    }
                    buffer.updateBuffer(b -> null);
                }
            }.start();
        });
        done.get(120, TimeUnit.SECONDS);
        intervals.sort(Long::compare);
        return String.format(Locale.ROOT, "pipeline floor, 1920x1080 PixelBuffer + %d Text nodes: interval p50 %.1f ms,"
                + " p95 %.1f ms", textCount, intervals.get(intervals.size() / 2) / 1e6,
                intervals.get(intervals.size() * 95 / 100) / 1e6);
    }
}
