package cn.tongguan.console.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.WritableImage;
import javafx.scene.robot.Robot;
import javafx.stage.Screen;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a UI test fails, saves what the X screen showed at that moment to
 * {@code target/ui-failures/<class>.<method>.png}. Runs before {@code @AfterEach}, so the window is still up.
 */
public final class ScreenshotOnFailure implements AfterTestExecutionCallback {
    private static final Logger LOG = LoggerFactory.getLogger(ScreenshotOnFailure.class);
    public static final Path DIRECTORY = Path.of("target", "ui-failures");

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isEmpty()) {
            return;
        }
        String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        try {
            Path file = save(DIRECTORY.resolve(name + ".png"));
            LOG.error("UI test {} failed; screenshot at {}", name, file.toAbsolutePath());
        } catch (Exception e) {
            LOG.error("UI test {} failed and no screenshot could be taken", name, e);
        }
    }

    /** Captures the whole primary screen into a PNG file. */
    public static Path save(Path file) throws Exception {
        CompletableFuture<WritableImage> shot = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                Rectangle2D bounds = Screen.getPrimary().getBounds();
                shot.complete(new Robot().getScreenCapture(null, bounds));
            } catch (RuntimeException e) {
                shot.completeExceptionally(e);
            }
        });
        BufferedImage image = SwingFXUtils.fromFXImage(shot.get(10, TimeUnit.SECONDS), null);
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
        return file;
    }
}
