package cn.tongguan.map;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.testfx.util.WaitForAsyncUtils;

/** What map UI tests share: running on the FX thread, waiting for a complete view, closing the window. */
final class UiMaps {
    private UiMaps() {
    }

    static <T> T fx(Callable<T> call) throws Exception {
        return WaitForAsyncUtils.asyncFx(call).get(10, TimeUnit.SECONDS);
    }

    /** Jumps to a view and waits until every tile of it is drawn. */
    static void showComplete(MapView map, MapViewState view) throws Exception {
        fx(() -> {
            map.setViewState(view);
            return null;
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!fx(map::isComplete)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("view not complete after 30 s: " + view);
            }
            Thread.sleep(20);
        }
    }

    static void close(MapView map, ExecutorService workers) throws Exception {
        fx(() -> {
            map.dispose();
            map.getScene().getWindow().hide();
            return null;
        });
        workers.shutdownNow();
    }
}
