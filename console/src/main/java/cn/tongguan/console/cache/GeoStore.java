package cn.tongguan.console.cache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The city's geography in the seat's (encrypted) cache, each layer with the ETag it came with (ADR 0120):
 * GeoJSON layers (divisions per level, lines per kind, grids) as the platform's text, the parts as rows, so that a
 * restart opens the map from here and only asks the platform whether a layer changed.
 */
public final class GeoStore {
    /** The parts layer's name in {@code geo_layers} (its body stays empty; the rows are in {@code geo_parts}). */
    public static final String PARTS = "parts";
    private static final int BATCH = 2_000;

    private final CacheDatabase db;

    public GeoStore(CacheDatabase db) {
        this.db = db;
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS geo_layers (layer VARCHAR PRIMARY KEY, etag VARCHAR, body CLOB)");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS geo_parts (code VARCHAR PRIMARY KEY, class_code VARCHAR,
                      class_name VARCHAR, lng DOUBLE PRECISION, lat DOUBLE PRECISION, grid VARCHAR,
                      department VARCHAR, state VARCHAR, road VARCHAR, door INT)""");
        } catch (SQLException e) {
            throw new CacheException("cannot create the geography tables", e);
        }
    }

    /** The ETag the layer was stored with (empty: not stored, or stored without one). */
    public Optional<String> etag(String layer) {
        return read("SELECT etag FROM geo_layers WHERE layer = ?", layer);
    }

    /** A GeoJSON layer as stored. */
    public Optional<String> body(String layer) {
        return read("SELECT body FROM geo_layers WHERE layer = ?", layer);
    }

    public boolean has(String layer) {
        return read("SELECT layer FROM geo_layers WHERE layer = ?", layer).isPresent();
    }

    public void put(String layer, String etag, String body) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("MERGE INTO geo_layers (layer, etag, body) KEY (layer) VALUES (?, ?, ?)")) {
            ps.setString(1, layer);
            ps.setString(2, etag);
            ps.setString(3, body);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new CacheException("cannot store the layer " + layer, e);
        }
    }

    /**
     * Replaces every part in one transaction, rows arriving from {@code fill} (block by block, as the stream
     * decodes them); the layer's ETag is written with them, so a cut download leaves the old layer and tag.
     */
    public long replaceParts(String etag, Consumer<Consumer<GeoPart>> fill) {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            long[] count = {0};
            try (Statement s = c.createStatement();
                 PreparedStatement ps = c.prepareStatement("INSERT INTO geo_parts (code, class_code, class_name, lng, "
                         + "lat, grid, department, state, road, door) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.execute("DELETE FROM geo_parts");
                fill.accept(p -> {
                    try {
                        bind(ps, p);
                        ps.addBatch();
                        if (++count[0] % BATCH == 0) {
                            ps.executeBatch();
                        }
                    } catch (SQLException e) {
                        throw new CacheException("cannot store part " + p.code(), e);
                    }
                });
                ps.executeBatch();
                try (PreparedStatement tag = c.prepareStatement(
                        "MERGE INTO geo_layers (layer, etag, body) KEY (layer) VALUES (?, ?, NULL)")) {
                    tag.setString(1, PARTS);
                    tag.setString(2, etag);
                    tag.executeUpdate();
                }
                c.commit();
                return count[0];
            } catch (RuntimeException | SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new CacheException("cannot store the parts", e);
        }
    }

    private static void bind(PreparedStatement ps, GeoPart p) throws SQLException {
        ps.setString(1, p.code());
        ps.setString(2, p.classCode());
        ps.setString(3, p.className());
        ps.setDouble(4, p.lng());
        ps.setDouble(5, p.lat());
        ps.setString(6, p.grid());
        ps.setString(7, p.department());
        ps.setString(8, p.state());
        ps.setString(9, p.road());
        ps.setInt(10, p.door());
    }

    /** Every cached part, streamed to {@code sink} (no list of them all is built here). */
    public long parts(Consumer<GeoPart> sink) {
        long n = 0;
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT code, class_code, class_name, lng, lat, grid, "
                     + "department, state, road, door FROM geo_parts");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                sink.accept(row(rs));
                n++;
            }
        } catch (SQLException e) {
            throw new CacheException("cannot read the parts", e);
        }
        return n;
    }

    /** One part by its code (a click on the map). */
    public Optional<GeoPart> part(String code) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT code, class_code, class_name, lng, lat, grid, "
                     + "department, state, road, door FROM geo_parts WHERE code = ?")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new CacheException("cannot read part " + code, e);
        }
    }

    private static GeoPart row(ResultSet rs) throws SQLException {
        return new GeoPart(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDouble(4), rs.getDouble(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getInt(10));
    }

    private Optional<String> read(String sql, String arg) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new CacheException("cannot read the geography cache", e);
        }
    }
}
