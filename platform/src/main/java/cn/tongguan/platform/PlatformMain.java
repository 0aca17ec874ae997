package cn.tongguan.platform;

import cn.tongguan.api.Auth;
import cn.tongguan.platform.auth.AuthService;
import cn.tongguan.platform.auth.Passwords;
import cn.tongguan.platform.storage.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Command line of the reference platform; {@code serve} is the composition root of the server. */
@Command(name = "tongguan-platform", mixinStandardHelpOptions = true,
        subcommands = {PlatformMain.Serve.class, PlatformMain.UserAdd.class},
        description = "Tongguan reference 运管服 platform")
public final class PlatformMain {
    private static final Logger LOG = LoggerFactory.getLogger(PlatformMain.class);

    public static void main(String[] args) {
        int code = new CommandLine(new PlatformMain()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Where the data live: embedded H2 under --data (default ~/.tongguan/platform) or PostgreSQL. */
    static final class Storage {
        @Option(names = "--db", defaultValue = "h2", description = "h2 (embedded, default) or postgresql")
        String db;

        @Option(names = "--jdbc-url", description = "JDBC URL (required for postgresql; overrides the embedded H2 file)")
        String jdbcUrl;

        @Option(names = "--db-user", description = "database user")
        String dbUser;

        @Option(names = "--db-password", description = "database password (prefer the TONGGUAN_DB_PASSWORD environment variable)")
        String dbPassword;

        @Option(names = "--data", description = "data directory: embedded database and photos (default ${DEFAULT-VALUE})",
                defaultValue = "${sys:user.home}/.tongguan/platform")
        Path data;

        String url() {
            if ("postgresql".equals(db)) {
                if (jdbcUrl == null) {
                    throw new CommandLine.ParameterException(new CommandLine(this), "--db postgresql needs --jdbc-url");
                }
                return jdbcUrl;
            }
            if (!"h2".equals(db)) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--db must be h2 or postgresql");
            }
            return jdbcUrl;
        }

        String password() {
            return dbPassword != null ? dbPassword : System.getenv("TONGGUAN_DB_PASSWORD");
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the HTTP API")
    static final class Serve implements Callable<Integer> {
        // The platform's composition root reads the machine's clock here, once, and hands it on.
        private final Clock clock = Clock.systemUTC();

        @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to bind (default ${DEFAULT-VALUE})")
        String host;

        @Option(names = "--port", defaultValue = "8080", description = "port to bind, 0 for any free one (default ${DEFAULT-VALUE})")
        int port;

        @Option(names = "--token-hours", defaultValue = "12", description = "bearer token lifetime in hours")
        int tokenHours;

        @Option(names = "--max-upload-mb", defaultValue = "10", description = "largest photo upload")
        int maxUploadMb;

        @Option(names = "--demo-users", negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "create one demo account per role (password 'tongguan') when there are no users")
        boolean demoUsers;

        // Hidden: LAZY answers before the disk has the write (what a kill -9 loses); only for benchmarks and for
        // showing that the kill test detects it (ADR 0080).
        @Option(names = "--durability", defaultValue = "GROUP", hidden = true)
        cn.tongguan.platform.storage.Durability durability;

        @Mixin
        Storage storage;

        @Override
        public Integer call() throws Exception {
            Files.createDirectories(storage.data);
            PlatformConfig config = new PlatformConfig(host, port, storage.url(), storage.dbUser, storage.password(),
                    storage.data, Duration.ofHours(tokenHours), (long) maxUploadMb << 20, 1L << 20, demoUsers, null);
            PlatformServer server = new PlatformServer(config, clock, new cn.tongguan.platform.lifeline.GstSnapshotGrabber(), durability);
            server.start();
            LOG.info("Tongguan platform listening on http://{}:{}/api/v1 (data in {})", host, server.port(), storage.data);
            // Daily, weekly and monthly reports as their periods end (checked every 10 minutes).
            java.util.concurrent.ScheduledExecutorService reportTimer = java.util.concurrent.Executors
                    .newSingleThreadScheduledExecutor(r -> {
                        Thread t = new Thread(r, "report-scheduler");
                        t.setDaemon(true);
                        return t;
                    });
            new cn.tongguan.platform.reports.ReportScheduler(server.reports(), clock).start(reportTimer, 10);
            // the scheduler's thread ticks its heartbeat between passes: a pass stuck for long shows in GET /health
            server.liveness().register(PlatformServer.JOB_REPORTS,
                    cn.tongguan.platform.health.HealthPolicy.load().silenceOf(PlatformServer.JOB_REPORTS));
            reportTimer.scheduleWithFixedDelay(() -> server.liveness().tick(PlatformServer.JOB_REPORTS), 1, 1,
                    java.util.concurrent.TimeUnit.MINUTES);
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                reportTimer.shutdownNow();
                server.stop();
                stopped.countDown();
            }, "platform-shutdown"));
            stopped.await();
            return 0;
        }
    }

    @Command(name = "user-add", mixinStandardHelpOptions = true, description = "Create a user account (administrator tool)")
    static final class UserAdd implements Callable<Integer> {
        @Option(names = "--username", required = true)
        String username;

        @Option(names = "--name", description = "display name")
        String displayName;

        @Option(names = "--role", required = true,
                description = "inspector, operator, shift_leader, dispatcher, department, leader, wall, admin")
        String role;

        @Option(names = "--department", description = "department code (role department)")
        String department;

        @Option(names = "--password", description = "password (prefer the TONGGUAN_USER_PASSWORD environment variable)")
        String password;

        @Mixin
        Storage storage;

        @Override
        public Integer call() throws Exception {
            Files.createDirectories(storage.data);
            String pw = password != null ? password : System.getenv("TONGGUAN_USER_PASSWORD");
            String url = storage.url() == null ? PlatformServer.embeddedUrl(storage.data) : storage.url();
            try (Database db = new Database(url, storage.dbUser, storage.password(), 2)) {
                Auth.User u = new AuthService(db, new Passwords(), Clock.systemUTC(), Duration.ofHours(1))
                        .createUser(new Auth.NewUser(username, displayName, role, department, pw));
                LOG.info("Created user {} ({})", u.username(), u.role());
            }
            return 0;
        }
    }
}
