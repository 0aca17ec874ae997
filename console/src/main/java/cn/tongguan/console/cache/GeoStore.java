package cn.tongguan.console.cache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The city's geography in the seat's (encrypted) cache, each layer with the ETag it came with (ADR 0120):
 * GeoJSON layers (divisions per level, lines per kind, grids) as the platform's text, the parts as rows, so that a
 * restart opens the map from here and only asks the platform whether a layer changed. The parts are kept in
 * blocks of {@link PartBlocks}, not as rows: reading 629,724 rows took seconds, the blocks a fraction of that.
 */
public final class GeoStore {
    /** The parts layer's name in {@code geo_layers} (its body stays empty; the rows are in {@code geo_parts}). */
    public static final String PARTS = "parts";

    private final CacheDatabase db;

    public GeoStore(CacheDatabase db) {
        this.db = db;
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS geo_layers (layer VARCHAR PRIMARY KEY, etag VARCHAR, body CLOB)");
            s.execute("CREATE TABLE IF NOT EXISTS geo_part_blocks (seq INT PRIMARY KEY, data BLOB)");
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
     * decodes them) and stored in the compact form of {@link PartBlocks}; the layer's ETag is written with them,
     * so a cut download leaves the old layer and tag.
     */
    public long replaceParts(String etag, Consumer<Consumer<GeoPart>> fill) {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            long[] count = {0};
            try (Statement s = c.createStatement();
                 PreparedStatement ps = c.prepareStatement("INSERT INTO geo_part_blocks (seq, data) VALUES (?, ?)")) {
                s.execute("DELETE FROM geo_part_blocks");
                List<GeoPart> block = new ArrayList<>(PartBlocks.SIZE);
                int[] seq = {0};
                fill.accept(p -> {
                    block.add(p);
                    count[0]++;
                    if (block.size() == PartBlocks.SIZE) {
                        write(ps, seq[0]++, block);
                    }
                });
                write(ps, seq[0], block);
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

    private static void write(PreparedStatement ps, int seq, List<GeoPart> block) {
        if (block.isEmpty()) {
            return;
        }
        try {
            ps.setInt(1, seq);
            ps.setBytes(2, PartBlocks.encode(block));
            ps.executeUpdate();
            block.clear();
        } catch (SQLException e) {
            throw new CacheException("cannot store a block of parts", e);
        }
    }

    /** Every cached part, streamed to {@code sink} block by block (no list of them all is built here). */
    public long parts(Consumer<GeoPart> sink) {
        long[] n = {0};
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT data FROM geo_part_blocks ORDER BY seq");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                PartBlocks.decode(rs.getBytes(1), p -> {
                    sink.accept(p);
                    n[0]++;
                });
            }
        } catch (SQLException e) {
            throw new CacheException("cannot read the parts", e);
        }
        return n[0];
    }

    /** One part by its code (a click on the map): a walk over the blocks, a fraction of a second at full scale. */
    public Optional<GeoPart> part(String code) {
        GeoPart[] found = {null};
        parts(p -> {
            if (found[0] == null && p.code().equals(code)) {
                found[0] = p;
            }
        });
        return Optional.ofNullable(found[0]);
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
