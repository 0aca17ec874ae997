package cn.tongguan.console.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import cn.tongguan.console.app.ConsoleApp;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/** Runs a deliberately failing UI test through the JUnit engine and checks that it left a screenshot. */
class ScreenshotOnFailureTest {
    private static final String FIXTURE = "tongguan.fixture.failingUiTest";

    @Test
    void failingUiTestLeavesAScreenshotUnderTarget() throws Exception {
        Path expected = ScreenshotOnFailure.DIRECTORY.resolve("DeliberatelyFailingUiTest.failsOnPurpose.png");
        Files.deleteIfExists(expected);
        System.setProperty(FIXTURE, "true");
        try {
            EngineTestKit.engine("junit-jupiter").selectors(selectClass(DeliberatelyFailingUiTest.class)).execute()
                    .testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        } finally {
            System.clearProperty(FIXTURE);
        }
        assertThat(expected).exists();
        assertThat(Files.size(expected)).isGreaterThan(1000);
    }

    /** Only runs when launched by the test above. */
    @EnabledIfSystemProperty(named = FIXTURE, matches = "true")
    @ExtendWith({ApplicationExtension.class, ScreenshotOnFailure.class})
    static class DeliberatelyFailingUiTest {
        private Application app;

        @BeforeEach
        void launch() throws Exception {
            FxToolkit.registerPrimaryStage();
            app = FxToolkit.setupApplication(() -> new ConsoleApp(cn.tongguan.api.testing.TestClocks.suite(), "--platform=http://127.0.0.1:9"));
        }

        @AfterEach
        void close() throws Exception {
            FxToolkit.cleanupApplication(app);
            FxToolkit.cleanupStages();
        }

        @Test
        void failsOnPurpose() {
            assertThat("the window").isEqualTo("something it is not");
        }
    }
}
