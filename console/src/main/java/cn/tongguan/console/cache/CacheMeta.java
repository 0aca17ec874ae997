package cn.tongguan.console.cache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Small facts about the cache (the last event applied, when it arrived, whether a snapshot completed) and
 * the seat's saved filters, as strings.
 */
public final class CacheMeta {
    public static final String LAST_EVENT_ID = "lastEventId";
    public static final String LAST_EVENT_AT = "lastEventAt";
    public static final String SNAPSHOT_DONE = "snapshotDone";
    /** Lines of the last snapshot that were not cases and were skipped (0 for a clean one). */
    public static final String SNAPSHOT_SKIPPED = "snapshotSkipped";

    private final CacheDatabase db;

    public CacheMeta(CacheDatabase db) {
        this.db = db;
    }

    public Optional<String> get(String key) {
        return read("SELECT v FROM meta WHERE k = ?", key);
    }

    public void put(String key, String value) {
        write("MERGE INTO meta (k, v) KEY (k) VALUES (?, ?)", key, value);
    }

    public void remove(String key) {
        write("DELETE FROM meta WHERE k = ?", key);
    }

    public long lastEventId() {
        return get(LAST_EVENT_ID).map(Long::parseLong).orElse(-1L);
    }

    public Optional<String> savedFilter(String name) {
        return read("SELECT json FROM saved_filters WHERE name = ?", name);
    }

    public void saveFilter(String name, String json) {
        write("MERGE INTO saved_filters (name, json) KEY (name) VALUES (?, ?)", name, json);
    }

    public void deleteFilter(String name) {
        write("DELETE FROM saved_filters WHERE name = ?", name);
    }

    /** Name → JSON, in name order. */
    public Map<String, String> savedFilters() {
        Map<String, String> filters = new LinkedHashMap<>();
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT name, json FROM saved_filters ORDER BY name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                filters.put(rs.getString(1), rs.getString(2));
            }
        } catch (SQLException e) {
            throw new CacheException("cannot read saved filters", e);
        }
        return filters;
    }

    /** Timeline and photos of a case as JSON (fetched on demand, kept for offline viewing). */
    public Optional<String> detailJson(long caseId) {
        return read("SELECT json FROM timelines WHERE case_id = ?", caseId);
    }

    public void putDetailJson(long caseId, long version, String json) {
        write("MERGE INTO timelines (case_id, version, json) KEY (case_id) VALUES (?, ?, ?)", caseId, version, json);
    }

    /** Reference data (categories, departments, divisions) as the platform's JSON, one row per kind. */
    public Optional<String> reference(String kind) {
        return read("SELECT json FROM reference WHERE kind = ?", kind);
    }

    public void putReference(String kind, String json) {
        write("MERGE INTO reference (kind, json) KEY (kind) VALUES (?, ?)", kind, json);
    }

    private Optional<String> read(String sql, Object arg) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new CacheException("cannot read the cache", e);
        }
    }

    private void write(String sql, Object... args) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new CacheException("cannot write the cache", e);
        }
    }
}
