package cn.tongguan.democity;

import cn.tongguan.democity.sim.LiveSimulator;
import cn.tongguan.democity.sim.Weather;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code simulate}: the living city against a running platform, through its public API, until stopped. */
@Command(name = "simulate", mixinStandardHelpOptions = true, description = "Drive a running platform like a living city")
final class SimulateCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(SimulateCommand.class);

    private final Clock clock;

    SimulateCommand(Clock clock) {
        this.clock = clock;
    }

    @Option(names = "--platform", defaultValue = "http://127.0.0.1:8080")
    URI platform;

    @Option(names = "--admin", defaultValue = "admin", description = "administrator account (creates the simulated users)")
    String admin;

    @Option(names = "--speed", defaultValue = "30", description = "simulated seconds per real second (default ${DEFAULT-VALUE})")
    double speed;

    @Option(names = "--weather", defaultValue = "NORMAL", description = "NORMAL, RAIN or RAINSTORM")
    Weather weather;

    @Option(names = "--tick-ms", defaultValue = "2000")
    long tickMillis;

    @Override
    public Integer call() throws Exception {
        String password = System.getenv().getOrDefault("TONGGUAN_ADMIN_PASSWORD", "tongguan");
        LiveSimulator simulator = new LiveSimulator(platform, admin, password, speed, weather, System.nanoTime(), clock);
        Duration tick = Duration.ofMillis(tickMillis);
        while (!Thread.currentThread().isInterrupted()) {
            long start = System.nanoTime();
            simulator.tick(tick);
            long spent = (System.nanoTime() - start) / 1_000_000;
            LOG.debug("tick took {} ms, {} actions so far", spent, simulator.actions());
            Thread.sleep(Math.max(0, tickMillis - spent));
        }
        return 0;
    }
}
