package cn.tongguan.platform.storage;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A table's secondary indexes set aside for a bulk load and built again after it (ADR 0141). Updating ten B-trees
 * row by row, and committing every entry of them, was two thirds of the 910,000-case history import; building an
 * index over rows already there sorts once.
 *
 * <p>Each index's definition is written to {@code settings} before it is dropped and removed only once it stands
 * again, so a process killed mid-load leaves a note that {@link #restorePending} (run when the database opens)
 * acts on: the platform never runs on with an index lost.
 */
public final class BulkIndexes {
    private static final Logger LOG = LoggerFactory.getLogger(BulkIndexes.class);
    static final String PREFIX = "bulk_load.index.";

    private final Database db;
    private final Map<String, String> suspended;

    private BulkIndexes(Database db, Map<String, String> suspended) {
        this.db = db;
        this.suspended = suspended;
    }

    /** Drops {@code table}'s secondary indexes (not its primary key), remembering how to build each again. */
    public static BulkIndexes suspend(Database db, String table) {
        Map<String, String> ddl = db.read(tx -> definitions(tx.connection(), table));
        // Written (and committed) before any drop: on H2 a DROP INDEX commits whatever the transaction holds.
        db.write(tx -> {
            for (Map.Entry<String, String> e : ddl.entrySet()) {
                Sql.update(tx.connection(), "DELETE FROM settings WHERE name = ?", PREFIX + e.getKey());
                Sql.update(tx.connection(), "INSERT INTO settings (name, val) VALUES (?, ?)", PREFIX + e.getKey(), e.getValue());
            }
            return null;
        });
        Map<String, String> dropped = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : ddl.entrySet()) {
            try {
                db.write(tx -> {
                    try (Statement st = tx.connection().createStatement()) {
                        st.execute("DROP INDEX " + e.getKey());
                    }
                    return null;
                });
                dropped.put(e.getKey(), e.getValue());
            } catch (StorageException refused) {
                // An index a constraint owns cannot be dropped on its own: it stays and is updated row by row.
                LOG.info("Index {} stays during the bulk load of {}: {}", e.getKey(), table, refused.getMessage());
                forget(db, e.getKey());
            }
        }
        LOG.info("Bulk load of {}: {} secondary indexes set aside", table, dropped.size());
        return new BulkIndexes(db, dropped);
    }

    /** Builds every set-aside index again (over the rows now in the table); idempotent. */
    public void restore() {
        if (suspended.isEmpty()) {
            return;
        }
        long cache = db.isPostgres() ? 0 : h2CacheKb();
        // H2 reads the whole table for each index; with its usual 128 MB page cache it read it from the file every
        // time (≈ 15 s per index at 910,000 cases), with the table in a larger cache 3–6 s. Only for the build.
        long wanted = Math.min(1L << 20, Runtime.getRuntime().maxMemory() / 4 / 1024);
        boolean raised = cache > 0 && wanted > cache;
        if (raised) {
            setH2CacheKb(wanted);
        }
        try {
            for (Map.Entry<String, String> e : suspended.entrySet()) {
                build(db, e.getKey(), e.getValue());
            }
            suspended.clear();
        } finally {
            if (raised) {
                setH2CacheKb(cache);
            }
        }
    }

    private long h2CacheKb() {
        return db.read(tx -> Sql.queryLong(tx.connection(),
                "SELECT CAST(SETTING_VALUE AS BIGINT) FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'CACHE_SIZE'"));
    }

    private void setH2CacheKb(long kb) {
        db.read(tx -> {
            try (Statement st = tx.connection().createStatement()) {
                st.execute("SET CACHE_SIZE " + kb);
            }
            return null;
        });
    }

    /** Builds the indexes a killed bulk load left dropped; returns how many. Run once the migrations are applied. */
    public static int restorePending(Database db) {
        Map<String, String> pending = db.read(tx -> {
            Map<String, String> found = new TreeMap<>();
            try (PreparedStatement ps = Sql.prepare(tx.connection(),
                    "SELECT name, val FROM settings WHERE name LIKE ?", PREFIX + "%"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1).substring(PREFIX.length()), rs.getString(2));
                }
            }
            return found;
        });
        pending.forEach((name, ddl) -> {
            LOG.warn("Index {} was left dropped by an interrupted bulk load; building it again", name);
            build(db, name, ddl);
        });
        return pending.size();
    }

    private static void build(Database db, String name, String ddl) {
        long start = System.nanoTime();
        db.write(tx -> {
            try (Statement st = tx.connection().createStatement()) {
                st.execute(ddl);
            }
            return null;
        });
        forget(db, name);
        LOG.info("Index {} built in {} ms", name, (System.nanoTime() - start) / 1_000_000);
    }

    private static void forget(Database db, String name) {
        db.write(tx -> Sql.update(tx.connection(), "DELETE FROM settings WHERE name = ?", PREFIX + name));
    }

    /** {@code CREATE [UNIQUE] INDEX IF NOT EXISTS …} per secondary index of {@code table}, in name order. */
    static Map<String, String> definitions(Connection c, String table) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        String t = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(java.util.Locale.ROOT) : table;
        Set<String> primary = new TreeSet<>();
        try (ResultSet rs = meta.getPrimaryKeys(null, c.getSchema(), t)) {
            while (rs.next()) {
                primary.add(rs.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT));
            }
        }
        Map<String, TreeMap<Integer, String>> columns = new TreeMap<>();
        Map<String, Boolean> unique = new TreeMap<>();
        try (ResultSet rs = meta.getIndexInfo(null, c.getSchema(), t, false, false)) {
            while (rs.next()) {
                String index = rs.getString("INDEX_NAME");
                if (index == null || rs.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic) {
                    continue;
                }
                String column = rs.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT);
                String order = "D".equals(rs.getString("ASC_OR_DESC")) ? " DESC" : "";
                columns.computeIfAbsent(index.toLowerCase(java.util.Locale.ROOT), k -> new TreeMap<>())
                        .put((int) rs.getShort("ORDINAL_POSITION"), column + order);
                unique.put(index.toLowerCase(java.util.Locale.ROOT), !rs.getBoolean("NON_UNIQUE"));
            }
        }
        Map<String, String> ddl = new TreeMap<>();
        for (Map.Entry<String, TreeMap<Integer, String>> e : columns.entrySet()) {
            List<String> cols = new ArrayList<>(e.getValue().values());
            boolean isPrimary = unique.get(e.getKey()) && new TreeSet<>(cols).equals(primary);
            if (isPrimary) {
                continue;
            }
            ddl.put(e.getKey(), "CREATE " + (unique.get(e.getKey()) ? "UNIQUE " : "") + "INDEX IF NOT EXISTS " + e.getKey()
                    + " ON " + table + " (" + String.join(", ", cols) + ")");
        }
        return ddl;
    }
}
