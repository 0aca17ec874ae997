package cn.tongguan.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.console.i18n.Labels;
import cn.tongguan.console.i18n.Messages;
import cn.tongguan.console.support.MutableClock;
import cn.tongguan.console.support.TestPlatform;
import cn.tongguan.console.sync.PlatformClient;
import cn.tongguan.console.sync.SessionToken;
import cn.tongguan.console.testing.ScreenshotOnFailure;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Label;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real wall composition against a real platform: from its first second the banner says "connecting" until
 * there are data (never a staleness banner for data it never had), and after the platform goes away the age is
 * counted on the injected clock from the moment of the loss. Every wall window covers its monitor.
 */
@ExtendWith({ApplicationExtension.class, ScreenshotOnFailure.class})
class WallConnectionUiTest {
    private static final String CONNECTING = "正在连接平台…";
    private static final String STALE = "与平台的连接已中断";
    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T02:00:00Z"));
    private final Messages messages = Messages.load(Locale.SIMPLIFIED_CHINESE);
    private final List<String> banners = new CopyOnWriteArrayList<>();
    private ExecutorService background;
    private ScheduledExecutorService events;
    private OkHttpClient http;
    private TestPlatform platform;
    private WallComposition wall;

    @BeforeEach
    void threads() throws Exception {
        FxToolkit.registerPrimaryStage();
        background = Executors.newFixedThreadPool(2);
        events = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterEach
    void stop() throws Exception {
        if (wall != null) {
            WaitForAsyncUtils.asyncFx(wall::close).get(10, TimeUnit.SECONDS);
        }
        events.shutdownNow();
        background.shutdownNow();
        if (http != null) {
            http.dispatcher().executorService().shutdown();
        }
        if (platform != null) {
            platform.close();
        }
    }

    /** Opens the wall on {@code uri} and records every banner it shows, from the very first one. */
    private void openWall(URI uri) throws Exception {
        SessionToken token = new SessionToken();
        http = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(30))
                .addInterceptor(token).build();
        ConsoleConfig config = new ConsoleConfig(uri, Locale.SIMPLIFIED_CHINESE, dir.resolve("console"), true, null,
                "wall", "tongguan");
        wall = new WallComposition(config, messages, new Labels(messages), new PlatformClient(http, uri), token,
                background, events, clock);
        WaitForAsyncUtils.asyncFx(() -> {
            wall.show();
            // Same FX turn as show(): nothing from the platform can have arrived yet, so this is the first banner.
            banners.add(wall.model().bannerProperty().get());
            wall.model().bannerProperty().addListener((obs, old, now) -> banners.add(now));
            return null;
        }).get(30, TimeUnit.SECONDS);
    }

    private String shownBanner() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Label banner = (Label) wall.view().stages().get(0).getScene().lookup("#wallBanner");
            return banner.isVisible() ? banner.getText() : "";
        }).get(5, TimeUnit.SECONDS);
    }

    @Test
    void aWallStartedAgainstAnUpPlatformSaysConnectingThenShowsDataAndNeverAStaleBanner() throws Exception {
        platform = new TestPlatform(dir.resolve("platform")).start();
        openWall(platform.uri());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> shownBanner().isEmpty());
        assertThat(banners).first().isEqualTo(CONNECTING);
        assertThat(banners).noneMatch(b -> b.startsWith(STALE));
        WaitForAsyncUtils.asyncFx(wall::slowTick).get(5, TimeUnit.SECONDS);
        assertThat(shownBanner()).isEmpty();
    }

    @Test
    void eachWallWindowCoversItsMonitorUndecorated() throws Exception {
        platform = new TestPlatform(dir.resolve("platform")).start();
        openWall(platform.uri());
        List<Rectangle2D> screens = WaitForAsyncUtils.asyncFx(() -> Screen.getScreens().stream()
                .map(Screen::getBounds).sorted((a, b) -> Double.compare(a.getMinX(), b.getMinX())).toList())
                .get(5, TimeUnit.SECONDS);
        List<Stage> stages = wall.view().stages();
        assertThat(stages).hasSize(Math.min(screens.size(), 3));
        for (int i = 0; i < stages.size(); i++) {
            Stage s = stages.get(i);
            assertThat(s.getStyle()).isEqualTo(StageStyle.UNDECORATED);
            assertThat(new Rectangle2D(s.getX(), s.getY(), s.getWidth(), s.getHeight())).isEqualTo(screens.get(i));
            assertThat(s.getScene().getWidth()).isEqualTo(screens.get(i).getWidth());
            assertThat(s.getScene().getHeight()).isEqualTo(screens.get(i).getHeight());
        }
    }

    @Test
    void aWallStartedBeforeThePlatformSaysConnectingUntilItComesUp() throws Exception {
        // Something listens where the platform will be, and hangs up on every attempt: the platform is "not up".
        AtomicInteger attempts = new AtomicInteger();
        ServerSocket notYet = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread refuser = new Thread(() -> {
            while (!notYet.isClosed()) {
                try (Socket s = notYet.accept()) {
                    attempts.incrementAndGet();
                } catch (IOException e) {
                    return;
                }
            }
        }, "not-yet-platform");
        refuser.setDaemon(true);
        refuser.start();
        int port = notYet.getLocalPort();
        openWall(URI.create("http://127.0.0.1:" + port));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> attempts.get() >= 3);
        clock.advance(Duration.ofMinutes(5));
        WaitForAsyncUtils.asyncFx(wall::slowTick).get(5, TimeUnit.SECONDS);
        assertThat(shownBanner()).isEqualTo(CONNECTING);
        cn.tongguan.console.testing.XCapture.root(Path.of("target", "screenshots", "wall-connecting.png"));

        notYet.close();
        platform = new TestPlatform(dir.resolve("platform"), port).start();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> shownBanner().isEmpty());
        assertThat(banners).noneMatch(b -> b.startsWith(STALE));
    }

    @Test
    void afterDataAndThenThePlatformGoingAwayTheBannerTellsTheRealAge() throws Exception {
        platform = new TestPlatform(dir.resolve("platform")).start();
        openWall(platform.uri());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> shownBanner().isEmpty());

        platform.stop();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> shownBanner().startsWith(STALE));
        assertThat(shownBanner()).isEqualTo("与平台的连接已中断，显示的是不到 1 分钟前的数据");
        clock.advance(Duration.ofMinutes(7));
        WaitForAsyncUtils.asyncFx(wall::slowTick).get(5, TimeUnit.SECONDS);
        assertThat(shownBanner()).isEqualTo("与平台的连接已中断，显示的是 7 分钟前的数据");
    }
}
