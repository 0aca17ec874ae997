package cn.tongguan.console.wall;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.console.i18n.Messages;
import cn.tongguan.console.testing.ScreenshotOnFailure;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The wall on a real X server with three monitors (Xorg dummy driver split by xrandr, started by
 * {@code packaging/x11/with-multihead.sh}, which {@code ./dev test} uses): panels land on their monitors,
 * and when a monitor is switched off its panels fold onto the others and come back with it.
 */
@ExtendWith({ApplicationExtension.class, ScreenshotOnFailure.class})
class WallMonitorsUiTest {
    private WallView wall;

    @BeforeAll
    static void needsThreeMonitors() throws Exception {
        FxToolkit.registerPrimaryStage();
        int screens = WaitForAsyncUtils.asyncFx(() -> Screen.getScreens().size()).get(10, TimeUnit.SECONDS);
        MultiheadDisplay.require(3, screens);
    }

    @AfterEach
    void close() throws Exception {
        MultiheadDisplay.output(2, true);
        if (wall != null) {
            WaitForAsyncUtils.asyncFx(wall::close).get(10, TimeUnit.SECONDS);
        }
    }

    private static StackPane panel(String id) {
        return new StackPane(new Label(id));
    }

    @Test
    void panelsLandOnTheirMonitorsAndFoldWhenOneIsUnplugged() throws Exception {
        WallViewModel model = new WallViewModel(Messages.load(Locale.SIMPLIFIED_CHINESE), WallPlannerTest.daily());
        WaitForAsyncUtils.asyncFx(() -> {
            wall = new WallView(model, Messages.load(Locale.SIMPLIFIED_CHINESE), WallMonitorsUiTest::panel);
            wall.show();
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        List<Stage> stages = wall.stages();
        assertThat(stages).hasSize(3);
        assertThat(stages).extracting(Stage::getX).containsExactly(0.0, 1920.0, 3840.0);
        assertThat(stages.get(0).getScene().lookup("#panel-map")).isNotNull();
        assertThat(stages.get(1).getScene().lookup("#panel-video")).isNotNull();
        assertThat(stages.get(2).getScene().lookup("#panel-water")).isNotNull();
        ScreenshotOnFailure.save(Path.of("target", "screenshots", "wall-3-monitors.png"));

        MultiheadDisplay.output(2, false);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> wall.stages().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(wall.stages().get(0).getScene().lookup("#panel-water")).isNotNull();
        assertThat(wall.stages().get(0).getScene().lookup("#panel-map")).isNotNull();
        assertThat(wall.stages().get(1).getScene().lookup("#panel-video")).isNotNull();

        MultiheadDisplay.output(2, true);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> wall.stages().size() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(wall.stages().get(2).getScene().lookup("#panel-water")).isNotNull();
        assertThat(wall.stages().get(2).getX()).isEqualTo(3840.0);
    }

    @Test
    void staleDataAreAnnouncedOnEveryMonitorWithoutADialog() throws Exception {
        WallViewModel model = new WallViewModel(Messages.load(Locale.SIMPLIFIED_CHINESE), WallPlannerTest.daily());
        WaitForAsyncUtils.asyncFx(() -> {
            wall = new WallView(model, Messages.load(Locale.SIMPLIFIED_CHINESE), WallMonitorsUiTest::panel);
            wall.show();
            java.time.Instant lost = java.time.Instant.parse("2026-11-25T02:00:00Z");
            model.loaded(lost.minusSeconds(60));
            model.live(false, lost);
            model.tick(lost.plus(java.time.Duration.ofMinutes(7)));
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        for (Stage stage : wall.stages()) {
            Label banner = (Label) stage.getScene().lookup("#wallBanner");
            assertThat(banner.isVisible()).isTrue();
            assertThat(banner.getText()).isEqualTo("与平台的连接已中断，显示的是 7 分钟前的数据");
        }
        WaitForAsyncUtils.asyncFx(() -> model.live(true, java.time.Instant.parse("2026-11-25T02:08:00Z")))
                .get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(wall.stages().get(0).getScene().lookup("#wallBanner").isVisible()).isFalse();
    }
}
