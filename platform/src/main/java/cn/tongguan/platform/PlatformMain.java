package cn.tongguan.platform;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Command line of the reference platform; {@code serve} is the composition root of the server. */
@Command(name = "tongguan-platform", mixinStandardHelpOptions = true, subcommands = PlatformMain.Serve.class,
        description = "Tongguan reference 运管服 platform")
public final class PlatformMain {
    private static final Logger LOG = LoggerFactory.getLogger(PlatformMain.class);

    public static void main(String[] args) {
        int code = new CommandLine(new PlatformMain()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the HTTP API")
    static final class Serve implements Callable<Integer> {
        @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to bind (default ${DEFAULT-VALUE})")
        String host;

        @Option(names = "--port", defaultValue = "8080", description = "port to bind, 0 for any free one (default ${DEFAULT-VALUE})")
        int port;

        @Override
        public Integer call() throws InterruptedException {
            PlatformServer server = new PlatformServer(new PlatformConfig(host, port));
            server.start();
            LOG.info("Tongguan platform listening on http://{}:{}/api/v1", host, server.port());
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.stop();
                stopped.countDown();
            }, "platform-shutdown"));
            stopped.await();
            return 0;
        }
    }
}
