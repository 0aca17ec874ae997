package cn.tongguan.console.app;

import cn.tongguan.console.i18n.Messages;
import cn.tongguan.console.shell.ShellView;
import cn.tongguan.console.shell.ShellViewModel;
import cn.tongguan.console.sync.PlatformClient;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;

/**
 * The one composition root of the console: it creates the shared executor, HTTP client and services,
 * and hands them to the views through their constructors. Nothing else creates these.
 */
public final class ConsoleComposition implements AutoCloseable {
    private final ConsoleConfig config;
    private final Messages messages;
    private final ExecutorService background;
    private final OkHttpClient http;
    private final PlatformClient platform;

    public ConsoleComposition(ConsoleConfig config) {
        this.config = config;
        this.messages = Messages.load(config.locale());
        this.background = Executors.newFixedThreadPool(2, workerThreads());
        this.http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(3))
                .readTimeout(Duration.ofSeconds(30))
                .build();
        this.platform = new PlatformClient(http, config.platform());
    }

    public void showMainWindow(Stage stage) {
        ShellViewModel viewModel = new ShellViewModel(messages, platform, background, Platform::runLater,
                config.platform().toString());
        new ShellView(viewModel, messages).show(stage);
        viewModel.checkPlatform();
    }

    @Override
    public void close() {
        background.shutdownNow();
        try {
            background.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** Worker threads below the FX thread's priority, so that the UI stays responsive under load. */
    private static ThreadFactory workerThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "console-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setPriority(Thread.NORM_PRIORITY - 1);
            return thread;
        };
    }
}
