package cn.tongguan.democity;

import cn.tongguan.democity.load.DemoCityLoader;
import cn.tongguan.platform.PlatformConfig;
import cn.tongguan.platform.PlatformServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import cn.tongguan.democity.load.LoadProgress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code load}: generates the city and fills the platform's database in {@code --data} with it (the same
 * directory {@code tongguan-platform serve --data} uses). Skips when that directory was filled already.
 */
@Command(name = "load", mixinStandardHelpOptions = true, description = "Generate the city and load it into a platform database")
final class LoadCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(LoadCommand.class);
    /** Marks the lines that say how far the load has come (the demo script greps for it). */
    static final String PROGRESS = "进度";
    static final String MARKER = "democity.loaded";

    private final Clock clock;

    LoadCommand(Clock clock) {
        this.clock = clock;
    }

    @Option(names = "--data", required = true, description = "platform data directory (embedded H2)")
    Path data;

    @Option(names = "--jdbc-url", description = "JDBC URL of a PostgreSQL database instead of the embedded H2")
    String jdbcUrl;

    @Option(names = "--db-user", description = "database user")
    String dbUser;

    @Option(names = "--seed", defaultValue = "20210721")
    long seed;

    @Option(names = "--parts", defaultValue = "629724")
    int parts;

    @Option(names = "--cases", defaultValue = "910000")
    int cases;

    @Option(names = "--days", defaultValue = "730", description = "days of history up to now (default ${DEFAULT-VALUE})")
    int days;

    @Option(names = "--camera-url", defaultValue = DemoCityGenerator.DEFAULT_CAMERA_URL)
    String cameraUrl;

    @Override
    public Integer call() throws Exception {
        Path marker = data.resolve(MARKER);
        if (Files.exists(marker)) {
            LOG.info("{} already holds the demo city ({}); nothing to do", data, Files.readString(marker).strip());
            return 0;
        }
        Files.createDirectories(data);
        long start = System.nanoTime();
        // Said on the log at INFO with a marker the demo script shows on the terminal while the rest goes to the file.
        LoadProgress progress = new LoadProgress(DemoCityLoader.PHASES + 2, clock, Duration.ofSeconds(5),
                line -> LOG.info("{} {}", PROGRESS, line));
        progress.begin("生成新乡演示城市（区划、网格、道路、部件）", 0, "");
        CodeTables tables = CodeTables.load();
        DemoCity city = new DemoCityGenerator().generate(seed, parts, cameraUrl);
        progress.finish();
        long generated = System.nanoTime();
        String password = System.getenv("TONGGUAN_DB_PASSWORD");
        PlatformServer platform = new PlatformServer(new PlatformConfig("127.0.0.1", 0, jdbcUrl, dbUser, password, data,
                Duration.ofHours(1), 10L << 20, 1L << 20, true, null), clock);
        platform.start();
        try {
            Instant end = clock.instant();
            LocalDate first = LocalDate.ofInstant(end, CaseVolume.ZONE).minusDays(days);
            DemoCityLoader.Report report = new DemoCityLoader(platform).load(city, tables, first, end, cases, progress);
            String summary = String.format("seed %d, %d parts, %d cases (%d difficult), generated in %d ms, "
                    + "reference %d ms, cases %d ms", seed, report.parts(), report.cases(), report.difficult(),
                    (generated - start) / 1_000_000, report.referenceMillis(), report.caseMillis());
            Files.writeString(marker, summary + "\n", StandardCharsets.UTF_8);
            LOG.info("demo city loaded into {} in {} ms: {}", data, (System.nanoTime() - start) / 1_000_000, summary);
        } finally {
            platform.stop();
        }
        if (jdbcUrl == null) {
            progress.begin("压缩数据库文件", 0, "");
            compact();
            progress.finish();
        }
        return 0;
    }

    /**
     * H2 keeps the pages a bulk load rewrote: the file ends near 5 GB. A compacting shutdown brings it to
     * about 0.8 GB in half a minute, once.
     */
    private void compact() throws java.sql.SQLException {
        long start = System.nanoTime();
        String url = "jdbc:h2:file:" + data.toAbsolutePath().resolve("tongguan");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url);
             java.sql.Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        }
        LOG.info("database compacted in {} ms", (System.nanoTime() - start) / 1_000_000);
    }
}
