package cn.tongguan.console.wall;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** The test X server's monitors, switched on and off with xrandr as if unplugged. */
final class MultiheadDisplay {
    private MultiheadDisplay() {
    }

    /**
     * Wall tests need several monitors. Under {@code ./dev test} (which sets TONGGUAN_REQUIRE_MULTIHEAD)
     * missing monitors are a failure; a developer's single-screen Xvfb run skips them.
     */
    static void require(int wanted, int present) {
        if (System.getenv("TONGGUAN_REQUIRE_MULTIHEAD") != null) {
            assertThat(present).as("monitors on the test X server").isGreaterThanOrEqualTo(wanted);
        } else {
            Assumptions.assumeTrue(present >= wanted, "needs " + wanted + " monitors (packaging/x11/with-multihead.sh)");
        }
    }

    static void output(int index, boolean on) throws IOException, InterruptedException {
        String name = "DUMMY" + index;
        ProcessBuilder pb = on
                ? new ProcessBuilder("xrandr", "--output", name, "--mode", "1920x1080", "--right-of", "DUMMY" + (index - 1))
                : new ProcessBuilder("xrandr", "--output", name, "--off");
        Process p = pb.redirectErrorStream(true).start();
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("xrandr failed: " + new String(p.getInputStream().readAllBytes()));
        }
    }
}
