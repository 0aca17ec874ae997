package cn.tongguan.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.testing.MutableClock;
import cn.tongguan.api.testing.TestClocks;
import cn.tongguan.console.support.TestPlatform;
import cn.tongguan.console.testing.EnglishHost;
import cn.tongguan.console.testing.ScreenshotOnFailure;
import cn.tongguan.console.testing.VisibleTexts;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Chinese wall on an English host (JVM default en_US), against a real platform: every preset (daily, night,
 * rainstorm, the meeting) on every monitor, while connecting and once live, shows no English.
 */
@ExtendWith({EnglishHost.class, ApplicationExtension.class, ScreenshotOnFailure.class})
class ChineseWallUiTest {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ChineseWallUiTest.class);
    /** Account names are codes (see ChineseEverywhereUiTest). */
    private static final Set<String> ACCOUNTS = Set.of("operator", "shift_leader", "dispatcher", "department",
            "inspector", "leader", "wall", "admin");
    @TempDir
    Path dir;
    private TestPlatform platform;
    private final Map<String, List<VisibleTexts.Seen>> english = new LinkedHashMap<>();

    @BeforeEach
    void start() throws Exception {
        FxToolkit.registerPrimaryStage();
        platform = new TestPlatform(dir.resolve("platform")).start();
        platform.report(platform.client("operator"), "大屏中文检查");
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    private List<VisibleTexts.Seen> look(String scene) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        List<VisibleTexts.Seen> seen = WaitForAsyncUtils.asyncFx(VisibleTexts::ofShowingWindows).get(10, TimeUnit.SECONDS);
        assertThat(seen).as("texts seen on the wall, " + scene).isNotEmpty();
        LOG.info("Wall, {}: {} texts seen: {}", scene, seen.size(), seen.stream().map(VisibleTexts.Seen::text).distinct().toList());
        List<VisibleTexts.Seen> found = VisibleTexts.english(seen, ACCOUNTS);
        if (!found.isEmpty()) {
            english.put(scene, found);
        }
        return seen;
    }

    @Test
    void everyPresetOfTheWallIsChineseOnAnEnglishHost() throws Exception {
        // Each preset is asked for by name, so the time of day does not choose.
        MutableClock clock = new MutableClock(TestClocks.at(TestClocks.MORNING).instant());
        for (String preset : List.of("daily", "night", "rainstorm", "meeting")) {
            try (TestWall wall = new TestWall(platform.uri(), dir.resolve("console-" + preset), preset, clock).show()) {
                look(preset + ", connecting");
                WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> wall.shownBanner().isEmpty());
                if (preset.equals("meeting")) {
                    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                            wall.composition().view().stages().stream().map(s -> s.getScene().lookup("#meetingTitle"))
                                    .anyMatch(n -> n instanceof Label l && !l.getText().isEmpty())).get());
                }
                List<VisibleTexts.Seen> live = look(preset + ", live");
                if (preset.equals("daily")) {
                    // An empty wall list says what is empty, read from across the hall, not a generic "no content".
                    assertThat(live).extracting(VisibleTexts.Seen::text).contains("当前没有告警").doesNotContain("暂无内容");
                }
            }
        }
        assertThat(english).as("English texts on the Chinese wall, by preset").isEmpty();
    }
}
