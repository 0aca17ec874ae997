package cn.tongguan.console.app;

import java.io.IOException;
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
    private ConsoleComposition composition;

    @Override
    public void start(Stage stage) throws IOException {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) ->
                LOG.error("Uncaught error in thread {}", thread.getName(), error));
        java.util.Map<String, String> flags = new java.util.HashMap<>(getParameters().getNamed());
        // Bare switches such as --wall arrive unnamed.
        getParameters().getUnnamed().stream().filter(a -> a.startsWith("--"))
                .forEach(a -> flags.put(a.substring(2), "true"));
        ConsoleConfig config = ConsoleConfig.fromFlags(flags);
        composition = new ConsoleComposition(config);
        if (config.wall()) {
            composition.showWall();
        } else {
            composition.showMainWindow(stage);
        }
    }

    @Override
    public void stop() {
        if (composition != null) {
            composition.close();
        }
    }
}
