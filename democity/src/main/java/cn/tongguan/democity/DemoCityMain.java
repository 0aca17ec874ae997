package cn.tongguan.democity;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code generate}: writes the demo city to a directory and prints nothing but its log. */
@Command(name = "tongguan-democity", mixinStandardHelpOptions = true, subcommands = {DemoCityMain.Generate.class, LoadCommand.class, SimulateCommand.class},
        description = "Xinxiang demo city at real scale")
public final class DemoCityMain {
    private static final Logger LOG = LoggerFactory.getLogger(DemoCityMain.class);

    public static void main(String[] args) {
        // The composition root of the demo city's commands: the machine's clock is read here and handed on.
        int code = commandLine(Clock.systemUTC()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** The commands, built with {@code clock} (the benchmark runs {@code load} through this too). */
    public static CommandLine commandLine(Clock clock) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            @SuppressWarnings("unchecked")
            public <K> K create(Class<K> type) throws Exception {
                if (type == LoadCommand.class) {
                    return (K) new LoadCommand(clock);
                }
                if (type == SimulateCommand.class) {
                    return (K) new SimulateCommand(clock);
                }
                return defaults.create(type);
            }
        };
        return new CommandLine(new DemoCityMain(), factory);
    }

    @Command(name = "generate", mixinStandardHelpOptions = true, description = "Generate the city into --out")
    static final class Generate implements Callable<Integer> {
        @Option(names = "--out", required = true, description = "output directory")
        Path out;

        @Option(names = "--seed", defaultValue = "20210721", description = "random seed (default ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--parts", defaultValue = "629724", description = "number of parts (default ${DEFAULT-VALUE})")
        int parts;

        @Option(names = "--camera-url", defaultValue = DemoCityGenerator.DEFAULT_CAMERA_URL,
                description = "camera URL template with {id} and {stream} (default ${DEFAULT-VALUE})")
        String cameraUrl;

        @Override
        public Integer call() throws Exception {
            long start = System.nanoTime();
            DemoCity city = new DemoCityGenerator().generate(seed, parts, cameraUrl);
            String hash = DemoCityExport.write(city, out);
            LOG.info("demo city seed {} written to {} in {} ms: {} areas, {} grids, {} parts, {} cameras, {} sensors; sha256 {}",
                    seed, out, (System.nanoTime() - start) / 1_000_000, city.areas().size(), city.grids().size(),
                    city.parts().size(), city.cameras().size(), city.sensors().size(), hash);
            return 0;
        }
    }
}
