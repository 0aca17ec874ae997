package cn.tongguan.platform;

import cn.tongguan.api.Auth;
import cn.tongguan.platform.audit.AuditLog;
import cn.tongguan.platform.auth.AuthService;
import cn.tongguan.platform.auth.SecurityPolicy;
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

    /** The identity and retention policy ({@link SecurityPolicy}); the defaults are the policy's. */
    static final class Policy {
        @Option(names = "--access-token-minutes", defaultValue = "30", description = "access token lifetime (default ${DEFAULT-VALUE})")
        int accessMinutes;

        @Option(names = "--refresh-token-hours", defaultValue = "12",
                description = "how long one sign-in may be renewed, a shift (default ${DEFAULT-VALUE})")
        int refreshHours;

        @Option(names = "--lockout-failures", defaultValue = "5",
                description = "failed sign-ins of one user name that lock it (default ${DEFAULT-VALUE})")
        int failuresPerUser;

        @Option(names = "--lockout-address-failures", defaultValue = "20",
                description = "failed sign-ins from one address that lock it (default ${DEFAULT-VALUE})")
        int failuresPerAddress;

        @Option(names = "--lockout-minutes", defaultValue = "15",
                description = "failure window and lockout length (default ${DEFAULT-VALUE})")
        int lockoutMinutes;

        @Option(names = "--event-retention-days", defaultValue = "30", description = "events kept (default ${DEFAULT-VALUE})")
        int eventDays;

        @Option(names = "--audit-retention-days", defaultValue = "180",
                description = "audit entries kept, at least 180 (default ${DEFAULT-VALUE})")
        int auditDays;

        SecurityPolicy policy() {
            SecurityPolicy d = SecurityPolicy.defaults();
            return new SecurityPolicy(Duration.ofMinutes(accessMinutes), Duration.ofHours(refreshHours), failuresPerUser,
                    failuresPerAddress, Duration.ofMinutes(lockoutMinutes), Duration.ofMinutes(lockoutMinutes),
                    d.passwordMinLength(), d.passwordMinClasses(), Duration.ofDays(eventDays), Duration.ofDays(auditDays));
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

        @Option(names = "--max-upload-mb", defaultValue = "10", description = "largest photo upload")
        int maxUploadMb;

        @Option(names = "--demo", description = "create one demo account per role (password 'tongguan') when there are "
                + "no users: for demonstrations only, never on a city's platform")
        boolean demo;

        @Option(names = "--tls-keystore", description = "PKCS#12 keystore with the server key and certificate: serve HTTPS only")
        Path tlsKeystore;

        @Option(names = "--tls-password-env", defaultValue = "TONGGUAN_TLS_PASSWORD",
                description = "environment variable holding the keystore password (default ${DEFAULT-VALUE})")
        String tlsPasswordEnv;

        @Mixin
        Policy policy;

        // Hidden: LAZY answers before the disk has the write (what a kill -9 loses); only for benchmarks and for
        // showing that the kill test detects it (ADR 0080).
        @Option(names = "--durability", defaultValue = "GROUP", hidden = true)
        cn.tongguan.platform.storage.Durability durability;

        @Mixin
        Storage storage;

        @Override
        public Integer call() throws Exception {
            Files.createDirectories(storage.data);
            PlatformConfig.Tls tls = null;
            if (tlsKeystore != null) {
                String pw = System.getenv(tlsPasswordEnv);
                if (pw == null) {
                    throw new CommandLine.ParameterException(new CommandLine(this),
                            "--tls-keystore needs the keystore password in the environment variable " + tlsPasswordEnv);
                }
                tls = new PlatformConfig.Tls(tlsKeystore, pw);
            }
            PlatformConfig config = new PlatformConfig(host, port, storage.url(), storage.dbUser, storage.password(),
                    storage.data, null, (long) maxUploadMb << 20, 1L << 20, demo, null, policy.policy(), tls);
            PlatformServer server = new PlatformServer(config, clock, new cn.tongguan.platform.lifeline.GstSnapshotGrabber(), durability);
            server.start();
            if (tls == null) {
                LOG.warn("Serving plain HTTP: give --tls-keystore for HTTPS (required outside a development machine)");
            }
            LOG.info("Tongguan platform listening on {}://{}:{}/api/v1 (data in {})", tls == null ? "http" : "https", host,
                    server.port(), storage.data);
            // Daily, weekly and monthly reports as their periods end (checked every 10 minutes).
            java.util.concurrent.ScheduledExecutorService reportTimer = java.util.concurrent.Executors
                    .newSingleThreadScheduledExecutor(r -> {
                        Thread t = new Thread(r, "report-scheduler");
                        t.setDaemon(true);
                        return t;
                    });
            new cn.tongguan.platform.reports.ReportScheduler(server.reports(), clock, server::leads).start(reportTimer, 10);
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
                description = "inspector, operator, shift_leader, dispatcher, department, leader, wall, admin, auditor")
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
            // This command's composition root: the machine's clock, read here once.
            Clock clock = Clock.systemUTC();
            try (Database db = new Database(url, storage.dbUser, storage.password(), 2)) {
                AuditLog audit = new AuditLog(db, clock);
                Auth.User u = new AuthService(db, new Passwords(), clock, SecurityPolicy.defaults(), audit)
                        .createUser(new Auth.NewUser(username, displayName, role, department, pw));
                audit.append(new AuditLog.Act(System.getProperty("user.name"), null, "cli", "admin.change", "user-add " + u.username(),
                        "201", "{\"role\":\"" + u.role() + "\"}"));
                LOG.info("Created user {} ({})", u.username(), u.role());
            }
            return 0;
        }
    }
}
