package cn.tongguan.console.app;

import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Application;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JavaFX application of the console. It only hands the stage to the composition root and closes it
 * again; all wiring lives in {@link ConsoleComposition}.
 */
public final class ConsoleApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleApp.class);
    private final Clock clock;
    private final List<String> args;
    private ConsoleComposition composition;

    /** What JavaFX's launcher calls: the console runs on the machine's clock, read here and nowhere else. */
    public ConsoleApp() {
        this.clock = Clock.systemUTC();
        this.args = null;
    }

    /**
     * A console on the given clock with the given command line (tests start it at the hour they check, e.g. the
     * wall's night; an application made this way has no launcher parameters).
     */
    public ConsoleApp(Clock clock, String... args) {
        this.clock = clock;
        this.args = List.of(args);
    }

    @Override
    public void start(Stage stage) throws IOException {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) ->
                LOG.error("Uncaught error in thread {}", thread.getName(), error));
        ConsoleConfig config = ConsoleConfig.fromFlags(flags(args != null ? args : getParameters().getRaw()));
        composition = new ConsoleComposition(config, clock);
        if (config.wall()) {
            composition.showWall();
        } else {
            composition.showMainWindow(stage);
        }
    }

    /** {@code --name=value} as JavaFX names it; a bare switch such as {@code --wall} is "true". */
    static Map<String, String> flags(List<String> raw) {
        Map<String, String> flags = new HashMap<>();
        for (String a : raw) {
            if (!a.startsWith("--")) {
                continue;
            }
            int eq = a.indexOf('=');
            flags.put(eq < 0 ? a.substring(2) : a.substring(2, eq), eq < 0 ? "true" : a.substring(eq + 1));
        }
        return flags;
    }

    @Override
    public void stop() {
        if (composition != null) {
            composition.close();
        }
    }
}
