package cn.tongguan.video;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** Test helpers: the toolkit started once per JVM, calls on the FX thread, polling for a condition. */
public final class FxSupport {
    private static boolean started;

    private FxSupport() {
    }

    public static synchronized void startToolkit() {
        if (!started) {
            Platform.setImplicitExit(false);
            try {
                Platform.startup(() -> { });
            } catch (IllegalStateException alreadyRunning) {
                // another test class of this JVM started it
            }
            started = true;
        }
    }

    public static <T> T fx(Callable<T> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(call.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.orTimeout(20, TimeUnit.SECONDS).join();
    }

    public static void fxRun(Runnable run) {
        fx(() -> {
            run.run();
            return null;
        });
    }

    /** Polls {@code wall.status(tile)} on the FX thread until it matches; fails with the last status. */
    public static TileStatus awaitStatus(VideoWall wall, int tile, Predicate<TileStatus> condition, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        TileStatus last = null;
        while (System.nanoTime() < end) {
            last = fx(() -> wall.status(tile));
            if (condition.test(last)) {
                return last;
            }
            sleep(100);
        }
        throw new AssertionError("tile " + tile + " never reached the expected state; last: " + last);
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A wall in a window, as the console would show it. */
    public static VideoWall showWall(VideoConfig config, ExecutorService background, WallLayout layout, double w, double h) {
        return fx(() -> {
            VideoWall wall = new VideoWall(config, background, Platform::runLater,
                        java.time.Clock.fixed(java.time.Instant.parse("2026-06-15T02:30:00Z"), java.time.ZoneOffset.UTC));
            wall.setLayout(layout);
            Stage stage = new Stage();
            stage.setTitle("video wall test");
            stage.setScene(new Scene(wall.getView(), w, h));
            stage.setX(0);
            stage.setY(0);
            stage.show();
            wall.getView().getProperties().put("stage", stage);
            return wall;
        });
    }

    public static void closeWall(VideoWall wall) {
        if (wall != null) {
            fxRun(() -> {
                wall.close();
                ((Stage) wall.getView().getProperties().get("stage")).close();
            });
        }
    }

    public static ExecutorService background() {
        return Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "video-background");
            t.setDaemon(true);
            return t;
        });
    }
}
