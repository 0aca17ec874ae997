package cn.tongguan.platform.storage;

import cn.tongguan.api.Failures;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's line to the other platform instances on the same PostgreSQL (ADR 0101), on its own connection
 * outside the pool: it LISTENs to {@code tongguan_writes} and runs the catch-up when another instance committed (so
 * their events reach this instance's subscribers within milliseconds, without a write here), and once a second anyway
 * (a missed notification costs at most that). On the same connection it holds the cluster's leader lock (a session
 * advisory lock) when free: the instance that holds it runs the once-per-city jobs; when that instance dies its
 * session ends, the lock is freed and another instance takes it on its next turn.
 */
final class ClusterLink implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterLink.class);
    static final String CHANNEL = "tongguan_writes";
    /** The advisory lock of the leader: this class ("TGLD", a key the city's other applications do not use) and the schema. */
    static final int LEADER_KEY = 0x54474C44;
    private static final int POLL_MILLIS = 1000;

    private final String url;
    private final Properties props = new Properties();
    private final String instanceId;
    private final Runnable catchUp;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean leader;
    private volatile Connection connection;

    ClusterLink(String url, String user, String password, String instanceId, Runnable catchUp) {
        this.url = url;
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        this.instanceId = instanceId;
        this.catchUp = catchUp;
        this.thread = new Thread(this::run, "db-cluster-link");
        thread.setDaemon(true);
        thread.start();
    }

    boolean leads() {
        return leader;
    }

    private void run() {
        while (running) {
            try (Connection c = DriverManager.getConnection(url, props)) {
                connection = c;
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN " + CHANNEL);
                }
                // One database may hold several cities' schemas: only this schema's instances are this one's peers.
                String schema;
                try (Statement st = c.createStatement(); var rs = st.executeQuery("SELECT current_schema()")) {
                    rs.next();
                    schema = rs.getString(1);
                }
                String peers = schema + " ";
                String self = peers + instanceId;
                PGConnection pg = c.unwrap(PGConnection.class);
                boolean due = true;
                long lastCatchUp = 0;
                while (running) {
                    if (!leader) {
                        leader = tryLead(c, schema);
                    }
                    // After (re)connecting, after another instance's commit, and once a second: what was missed
                    // while not listening is caught up here. This instance's own commits are in memory already.
                    if (due || System.nanoTime() - lastCatchUp >= POLL_MILLIS * 1_000_000L) {
                        catchUp.run();
                        lastCatchUp = System.nanoTime();
                    }
                    PGNotification[] heard = pg.getNotifications(POLL_MILLIS);
                    due = heard != null && java.util.Arrays.stream(heard)
                            .anyMatch(n -> n.getParameter().startsWith(peers) && !self.equals(n.getParameter()));
                }
            } catch (SQLException | RuntimeException e) {
                leader = false;
                if (running) {
                    LOG.warn("Link to the other platform instances lost ({}); reconnecting", e.getMessage(), Failures.bug(e));
                    pause();
                }
            } finally {
                connection = null;
            }
        }
        leader = false;
    }

    private static boolean tryLead(Connection c, String schema) throws SQLException {
        try (var ps = c.prepareStatement("SELECT pg_try_advisory_lock(?, hashtext(?))")) {
            ps.setInt(1, LEADER_KEY);
            ps.setString(2, schema);
            try (var rs = ps.executeQuery()) {
                boolean got = rs.next() && rs.getBoolean(1);
                if (got) {
                    LOG.info("This platform instance now runs the once-per-city jobs (leader lock of schema {} taken)", schema);
                }
                return got;
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        Connection c = connection;
        if (c != null) {
            try {
                // Ends the session: the leader lock is free for another instance at once.
                c.close();
            } catch (SQLException ignored) {
                // closing a connection that is going anyway
            }
        }
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
