package cn.tongguan.console.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The display wall's own memory: the last state it read from the platform (sensors, alarms, latest cases, cameras,
 * grids, today's figures), one JSON document per name in a small H2 file, so that a wall started while the platform
 * is away shows the city as it last was — with the age on its banner — instead of empty panels. The wall's
 * account only ever receives masked data, so nothing personal is kept here. A file that cannot be opened is moved
 * aside and started afresh: the wall's memory is a convenience, never a reason not to start.
 */
public final class WallStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WallStore.class);

    /** One saved document and when it was read from the platform. */
    public record Saved(String json, Instant savedAt) {
    }

    private final Connection connection;

    private WallStore(Connection connection) {
        this.connection = connection;
    }

    /** Opens (or creates) the store in {@code directory}; {@code stamp} names a damaged file moved aside. */
    public static WallStore open(Path directory, String stamp) {
        Path base = directory.toAbsolutePath().resolve("wall");
        try {
            Files.createDirectories(directory);
            return new WallStore(connect(base));
        } catch (SQLException | IOException | RuntimeException e) {
            LOG.warn("Wall store {} cannot be opened ({}); moving it aside and starting afresh", base, e.toString());
            moveAside(base, stamp);
            try {
                return new WallStore(connect(base));
            } catch (SQLException again) {
                throw new CacheException("wall store cannot be created at " + base, again);
            }
        }
    }

    private static Connection connect(Path base) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:h2:file:" + base + ";DB_CLOSE_ON_EXIT=FALSE", "wall", "");
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS wall_state (name VARCHAR(64) PRIMARY KEY, saved_at BIGINT NOT NULL,"
                    + " body CLOB NOT NULL)");
        }
        return c;
    }

    private static void moveAside(Path base, String stamp) {
        Path file = base.resolveSibling(base.getFileName() + ".mv.db");
        if (Files.exists(file)) {
            try {
                Files.move(file, file.resolveSibling(base.getFileName() + ".damaged-" + stamp + ".mv.db"),
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                LOG.warn("Damaged wall store {} cannot be moved aside: {}", file, e.toString());
            }
        }
    }

    public synchronized void save(String name, String json, Instant savedAt) {
        try (PreparedStatement ps = connection.prepareStatement(
                "MERGE INTO wall_state (name, saved_at, body) KEY (name) VALUES (?, ?, ?)")) {
            ps.setString(1, name);
            ps.setLong(2, savedAt.toEpochMilli());
            ps.setString(3, json);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new CacheException("wall state " + name + " not saved", e);
        }
    }

    public synchronized Optional<Saved> load(String name) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT body, saved_at FROM wall_state WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Saved(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2))))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new CacheException("wall state " + name + " not read", e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("wall store close", e);
        }
    }
}
