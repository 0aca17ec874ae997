package cn.tongguan.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.testing.MutableClock;
import cn.tongguan.api.testing.TestClocks;
import cn.tongguan.console.support.TestPlatform;
import cn.tongguan.console.testing.ScreenshotOnFailure;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
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
    private final MutableClock clock = new MutableClock(TestClocks.at(TestClocks.MORNING).instant());
    private TestPlatform platform;
    private TestWall wall;

    @BeforeEach
    void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stop() throws Exception {
        if (wall != null) {
            wall.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    private void openWall(URI uri) throws Exception {
        wall = new TestWall(uri, dir.resolve("console"), null, clock).show();
    }

    @Test
    void aWallStartedAgainstAnUpPlatformSaysConnectingThenShowsDataAndNeverAStaleBanner() throws Exception {
        platform = new TestPlatform(dir.resolve("platform")).start();
        openWall(platform.uri());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> wall.shownBanner().isEmpty());
        assertThat(wall.banners()).first().isEqualTo(CONNECTING);
        assertThat(wall.banners()).noneMatch(b -> b.startsWith(STALE));
        wall.tick();
        assertThat(wall.shownBanner()).isEmpty();
    }

    @Test
    void eachWallWindowCoversItsMonitorUndecorated() throws Exception {
        platform = new TestPlatform(dir.resolve("platform")).start();
        openWall(platform.uri());
        List<Rectangle2D> screens = WaitForAsyncUtils.asyncFx(() -> Screen.getScreens().stream()
                .map(Screen::getBounds).sorted((a, b) -> Double.compare(a.getMinX(), b.getMinX())).toList())
                .get(5, TimeUnit.SECONDS);
        List<Stage> stages = wall.composition().view().stages();
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
        wall.tick();
        assertThat(wall.shownBanner()).isEqualTo(CONNECTING);
        cn.tongguan.console.testing.XCapture.root(Path.of("target", "screenshots", "wall-connecting.png"));

        notYet.close();
        platform = new TestPlatform(dir.resolve("platform"), port).start();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> wall.shownBanner().isEmpty());
        assertThat(wall.banners()).noneMatch(b -> b.startsWith(STALE));
    }

    @Test
    void afterDataAndThenThePlatformGoingAwayTheBannerTellsTheRealAge() throws Exception {
        platform = new TestPlatform(dir.resolve("platform")).start();
        openWall(platform.uri());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> wall.shownBanner().isEmpty());

        platform.stop();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> wall.shownBanner().startsWith(STALE));
        assertThat(wall.shownBanner()).isEqualTo("与平台的连接已中断，显示的是不到 1 分钟前的数据");
        clock.advance(Duration.ofMinutes(7));
        wall.tick();
        assertThat(wall.shownBanner()).isEqualTo("与平台的连接已中断，显示的是 7 分钟前的数据");
    }

    @Test
    void aWallStartedWhileThePlatformIsAwayShowsWhatItSavedWithItsAge() throws Exception {
        platform = new TestPlatform(dir.resolve("platform")).start();
        platform.report(platform.client("operator"), "窨井盖缺失，东侧人行道");
        openWall(platform.uri());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> wall.shownBanner().isEmpty()
                && !wall.composition().figures().cases().isEmpty());
        wall.close();
        wall = null;
        platform.stop();

        clock.advance(Duration.ofMinutes(12));
        openWall(platform.uri());
        String restored = "平台暂不可达，显示的是本机保存的 12 分钟前的数据";
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> wall.shownBanner().equals(restored));
        // The saved state is on the panels, not empty ones, and the wall never claimed to be "connecting" with data up.
        assertThat(WaitForAsyncUtils.asyncFx(() -> wall.composition().figures().cases()).get(5, TimeUnit.SECONDS))
                .anyMatch(line -> line.contains("窨井盖缺失"));
        clock.advance(Duration.ofMinutes(3));
        wall.tick();
        assertThat(wall.shownBanner()).isEqualTo("平台暂不可达，显示的是本机保存的 15 分钟前的数据");
        cn.tongguan.console.testing.XCapture.root(Path.of("target", "screenshots", "wall-restored.png"));

        platform = new TestPlatform(dir.resolve("platform"), platform.port()).start();
        WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, () -> wall.shownBanner().isEmpty());
    }
}
