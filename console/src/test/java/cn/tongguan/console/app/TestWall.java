package cn.tongguan.console.app;

import cn.tongguan.console.i18n.Labels;
import cn.tongguan.console.i18n.Messages;
import cn.tongguan.console.sync.PlatformClient;
import cn.tongguan.console.sync.SessionToken;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import okhttp3.OkHttpClient;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real wall composition ({@code --wall}) for a test: its own threads and HTTP client, a clock the test
 * holds, and every banner it showed from the first one. Closed by the test.
 */
final class TestWall implements AutoCloseable {
    private final ExecutorService background = Executors.newFixedThreadPool(2);
    private final ScheduledExecutorService events = Executors.newSingleThreadScheduledExecutor();
    private final List<String> banners = new CopyOnWriteArrayList<>();
    private final OkHttpClient http;
    private final WallComposition wall;

    /** {@code layout}: a shipped preset's name (daily, night, rainstorm, meeting) or {@code null} for the schedule. */
    TestWall(URI platform, Path data, String layout, Clock clock) {
        SessionToken token = new SessionToken();
        http = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(30))
                .addInterceptor(token).build();
        Messages messages = Messages.load(Locale.SIMPLIFIED_CHINESE);
        ConsoleConfig config = new ConsoleConfig(platform, Locale.SIMPLIFIED_CHINESE, data, true,
                layout == null ? null : Path.of(layout), "wall", "tongguan");
        wall = new WallComposition(config, messages, new Labels(messages), new PlatformClient(http, platform), token,
                background, events, clock);
    }

    /** Opens the wall's windows and records every banner, from the very first one. */
    TestWall show() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            wall.show();
            // Same FX turn as show(): nothing from the platform can have arrived yet, so this is the first banner.
            banners.add(wall.model().bannerProperty().get());
            wall.model().bannerProperty().addListener((obs, old, now) -> banners.add(now));
            return null;
        }).get(30, TimeUnit.SECONDS);
        return this;
    }

    WallComposition composition() {
        return wall;
    }

    List<String> banners() {
        return List.copyOf(banners);
    }

    /** The banner as the first monitor shows it ("" when hidden). */
    String shownBanner() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Label banner = (Label) wall.view().stages().get(0).getScene().lookup("#wallBanner");
            return banner.isVisible() ? banner.getText() : "";
        }).get(5, TimeUnit.SECONDS);
    }

    void tick() throws Exception {
        WaitForAsyncUtils.asyncFx(wall::slowTick).get(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        WaitForAsyncUtils.asyncFx(wall::close).get(10, TimeUnit.SECONDS);
        // Let the event thread finish what the close queued (the wall's memory is saved and closed there).
        events.shutdown();
        if (!events.awaitTermination(10, TimeUnit.SECONDS)) {
            events.shutdownNow();
        }
        background.shutdownNow();
        http.dispatcher().executorService().shutdown();
    }
}
