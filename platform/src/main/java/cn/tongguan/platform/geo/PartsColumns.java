package cn.tongguan.platform.geo;

import cn.tongguan.api.Geo;
import cn.tongguan.platform.storage.Database;
import cn.tongguan.platform.storage.Sql;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every part as NDJSON in columns (ADR 0110): a {@link Geo.PartsHeader}, then {@link Geo.PartsBlock}s of up to
 * {@link #BLOCK} parts, then a {@link Geo.PartsEnd}. Code prefixes, classes, grids, departments, states and roads are indexes into
 * dictionaries that grow block by block; coordinates are integers of 10⁻⁶ degree. Streamed from the result set: at
 * most one block is held, whatever the number of parts (629,724 in the demo city).
 */
public final class PartsColumns {
    public static final int BLOCK = 10_000;
    public static final long SCALE = 1_000_000L;
    private static final String COLUMNS = "code, small_code, name, lng, lat, grid_code, department_code, status, road, door_number";

    private final Database db;
    private final ObjectMapper mapper;

    public PartsColumns(Database db, ObjectMapper mapper) {
        this.db = db;
        this.mapper = mapper;
    }

    /** A dictionary that hands out indexes in order of first use and remembers what is new since the last block. */
    private static final class Dict<T> {
        private final Map<String, Integer> index = new HashMap<>();
        private final List<T> fresh = new ArrayList<>();

        int of(String key, T entry) {
            if (key == null) {
                return -1;
            }
            Integer i = index.get(key);
            if (i == null) {
                i = index.size();
                index.put(key, i);
                fresh.add(entry);
            }
            return i;
        }

        List<T> drain() {
            List<T> out = List.copyOf(fresh);
            fresh.clear();
            return out;
        }
    }

    /** Parts with a code after {@code cursor} (null: from the first), at most {@code limit} (null: all). */
    public void write(String cursor, Integer limit, OutputStream raw) {
        // Javalin decides on gzip at the first write, by its size: the header line alone would be too small, so the
        // buffer holds more than a whole block (~0.6 MB) and the first write is header and block together.
        java.io.BufferedOutputStream out = new java.io.BufferedOutputStream(raw, 1 << 20);
        db.read(tx -> {
            long total = Sql.queryLong(tx.connection(), "SELECT COUNT(*) FROM parts");
            line(out, new Geo.PartsHeader("header", Geo.PARTS_FORMAT, total, BLOCK, SCALE));
            String sql = "SELECT " + COLUMNS + " FROM parts" + (cursor == null ? "" : " WHERE code > ?") + " ORDER BY code"
                    + (limit == null ? "" : " FETCH FIRST " + (limit + 1) + " ROWS ONLY");
            try (PreparedStatement ps = Sql.prepare(tx.connection(), sql, cursor == null ? new Object[0] : new Object[] {cursor})) {
                ps.setFetchSize(2_000);
                try (ResultSet rs = ps.executeQuery()) {
                    stream(rs, limit, out);
                }
            }
            return null;
        });
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One block's columns and the stream's dictionaries. */
    private final class Columns {
        final Dict<String> prefixes = new Dict<>();
        final Dict<Geo.ClassEntry> classes = new Dict<>();
        final Dict<String> grids = new Dict<>();
        final Dict<String> departments = new Dict<>();
        final Dict<String> states = new Dict<>();
        final Dict<String> roads = new Dict<>();
        final List<String> suffixes = new ArrayList<>(BLOCK);
        final int[] prefix = new int[BLOCK];
        final int[] cls = new int[BLOCK];
        final long[] lng = new long[BLOCK];
        final long[] lat = new long[BLOCK];
        final int[] grid = new int[BLOCK];
        final int[] dept = new int[BLOCK];
        final int[] state = new int[BLOCK];
        final int[] road = new int[BLOCK];
        final int[] door = new int[BLOCK];

        /** Adds the current row; true when the block is full. */
        boolean add(ResultSet rs) throws SQLException {
            int n = suffixes.size();
            String code = rs.getString(1);
            int cut = Math.max(0, code.length() - Geo.CODE_SUFFIX);
            prefix[n] = prefixes.of(code.substring(0, cut), code.substring(0, cut));
            suffixes.add(code.substring(cut));
            cls[n] = classes.of(rs.getString(2), new Geo.ClassEntry(rs.getString(2), rs.getString(3)));
            lng[n] = Math.round(rs.getDouble(4) * SCALE);
            lat[n] = Math.round(rs.getDouble(5) * SCALE);
            grid[n] = grids.of(rs.getString(6), rs.getString(6));
            dept[n] = departments.of(rs.getString(7), rs.getString(7));
            state[n] = states.of(rs.getString(8), rs.getString(8));
            road[n] = roads.of(rs.getString(9), rs.getString(9));
            door[n] = rs.getInt(10);
            return suffixes.size() == BLOCK;
        }

        void flush(OutputStream out) {
            int n = suffixes.size();
            if (n == 0) {
                return;
            }
            Geo.Dictionary dict = new Geo.Dictionary(prefixes.drain(), classes.drain(), grids.drain(), departments.drain(),
                    states.drain(), roads.drain());
            line(out, new Geo.PartsBlock("block", dict, Arrays.copyOf(prefix, n), List.copyOf(suffixes), Arrays.copyOf(cls, n),
                    Arrays.copyOf(lng, n),
                    Arrays.copyOf(lat, n), Arrays.copyOf(grid, n), Arrays.copyOf(dept, n), Arrays.copyOf(state, n),
                    Arrays.copyOf(road, n), Arrays.copyOf(door, n)));
            suffixes.clear();
        }
    }

    private void stream(ResultSet rs, Integer limit, OutputStream out) throws SQLException {
        Columns columns = new Columns();
        long count = 0;
        String last = null;
        boolean more = false;
        while (rs.next()) {
            if (limit != null && count == limit) {
                more = true; // the extra row fetched says whether another page follows
                break;
            }
            last = rs.getString(1);
            count++;
            if (columns.add(rs)) {
                columns.flush(out);
            }
        }
        columns.flush(out);
        line(out, new Geo.PartsEnd("end", count, more ? last : null));
    }

    private void line(OutputStream out, Object record) {
        try {
            out.write(mapper.writeValueAsBytes(record));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
