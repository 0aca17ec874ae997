package cn.tongguan.platform.events;

import cn.tongguan.api.Events;
import cn.tongguan.platform.storage.Database;
import cn.tongguan.platform.storage.Sql;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The stored, ordered log of everything a console may show. {@link #append} runs inside a write transaction
 * (so an event exists iff its change was committed); ids come from memory under the write lock, so they are
 * committed in increasing order. An event is published (ring, {@link #latestId}) only once its transaction is
 * durable, in commit order (ADR 0080): a subscriber never sees an event that a crash could take back, so an id it
 * has seen is never given to another event after a restart. Recent events are also kept in a ring for cheap
 * fan-out to SSE subscribers; older ones are read back from the table, which is what makes resume work across a
 * restart.
 */
public final class EventLog {
    /** One event as stored: id, type, and its JSON envelope (what SSE sends as {@code data:}). */
    public record Stored(long id, String type, String json) {
    }

    private final Database db;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final int ringSize;
    private final ArrayDeque<Stored> ring = new ArrayDeque<>();
    private long nextId;
    private volatile long latestId;
    private volatile long oldestKeptId;

    public EventLog(Database db, ObjectMapper mapper, Clock clock, int ringSize) {
        this.db = db;
        this.mapper = mapper;
        this.clock = clock;
        this.ringSize = ringSize;
        db.read(tx -> {
            latestId = Sql.queryLong(tx.connection(), "SELECT COALESCE(MAX(id), 0) FROM events");
            // Ids also never go back below a pruned maximum: remembered in settings.
            long floor = Sql.queryLong(tx.connection(), "SELECT COALESCE(MAX(CAST(val AS BIGINT)), 0) FROM settings WHERE name = 'events.floor'");
            latestId = Math.max(latestId, floor);
            oldestKeptId = Sql.queryLong(tx.connection(), "SELECT COALESCE(MIN(id), 0) FROM events");
            return null;
        });
        nextId = latestId + 1;
        if (oldestKeptId == 0) {
            oldestKeptId = nextId;
        }
        db.onForeignWrites(this::catchUp);
    }

    /** Page size of a catch-up read: bounded memory however much another instance wrote meanwhile. */
    private static final int CATCH_UP_PAGE = 1_000;

    /**
     * Publishes, in id order, the events other platform instances committed on the shared database since this one's
     * last (ADR 0101), so that its subscribers see every event whichever instance wrote it; ids continue after them.
     * Runs under the write lock, before this instance's next write or when another's commit is heard.
     */
    private Void catchUp(Database.Tx tx) throws SQLException {
        while (true) {
            List<Stored> page = new ArrayList<>();
            try (PreparedStatement ps = Sql.prepare(tx.connection(),
                    "SELECT id, type, payload FROM events WHERE id > ? ORDER BY id", latestId)) {
                ps.setMaxRows(CATCH_UP_PAGE);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        page.add(new Stored(rs.getLong(1), rs.getString(2), rs.getString(3)));
                    }
                }
            }
            page.forEach(this::publish);
            if (page.size() < CATCH_UP_PAGE) {
                break;
            }
        }
        nextId = Math.max(nextId, latestId + 1);
        long floor = Sql.queryLong(tx.connection(), "SELECT COALESCE(MAX(CAST(val AS BIGINT)), 0) FROM settings WHERE name = 'events.floor'");
        nextId = Math.max(nextId, floor + 1);
        long min = Sql.queryLong(tx.connection(), "SELECT COALESCE(MIN(id), 0) FROM events");
        oldestKeptId = min == 0 ? nextId : Math.max(oldestKeptId, min);
        return null;
    }

    /** Catches up with other instances first when asked for more than this one knows (a console that moved here). */
    public void catchUpWith(long lastId) {
        if (lastId > latestId) {
            db.catchUp();
        }
    }

    /** Appends within {@code tx}; the event becomes visible to subscribers once the transaction is durable. */
    public long append(Database.Tx tx, String type, Object data) throws SQLException {
        long id = nextId++;
        Instant at = clock.instant();
        String json;
        try {
            json = mapper.writeValueAsString(new Events.Event(id, type, at, data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event not serialisable", e);
        }
        Sql.update(tx.connection(), "INSERT INTO events (id, type, at, payload) VALUES (?, ?, ?, ?)", id, type,
                at.toEpochMilli(), json);
        Stored stored = new Stored(id, type, json);
        tx.afterDurable(() -> publish(stored));
        return id;
    }

    private synchronized void publish(Stored e) {
        if (e.id() <= latestId) {
            // Published already (a catch-up of ADR 0101 that read it from the table): never twice, never backwards.
            return;
        }
        ring.addLast(e);
        if (ring.size() > ringSize) {
            ring.removeFirst();
        }
        latestId = e.id();
        notifyAll();
    }

    /** Called when a transaction that allocated ids rolled back: the ids are simply skipped. */
    public long latestId() {
        return latestId;
    }

    public long oldestKeptId() {
        return oldestKeptId;
    }

    /** Whether events after {@code lastId} can still be replayed completely. */
    public boolean canResumeFrom(long lastId) {
        return lastId >= oldestKeptId - 1 && lastId <= latestId;
    }

    /**
     * Up to {@code max} events after {@code lastId}, waiting up to {@code waitMillis} for the first one.
     */
    public List<Stored> after(long lastId, int max, long waitMillis) throws InterruptedException {
        synchronized (this) {
            // A wait, not a time of day: the monotonic clock, which no clock change can stretch.
            long deadline = System.nanoTime() + waitMillis * 1_000_000L;
            while (latestId <= lastId) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return List.of();
                }
                // wait(0) would wait for ever: never less than a millisecond.
                wait(Math.max(1, left / 1_000_000L));
            }
            if (!ring.isEmpty() && ring.peekFirst().id() <= lastId + 1) {
                List<Stored> out = new ArrayList<>();
                Iterator<Stored> it = ring.descendingIterator();
                // Walk back from the newest to find the start, then forward.
                ArrayDeque<Stored> tail = new ArrayDeque<>();
                while (it.hasNext()) {
                    Stored s = it.next();
                    if (s.id() <= lastId) {
                        break;
                    }
                    tail.addFirst(s);
                }
                for (Stored s : tail) {
                    if (out.size() >= max) {
                        break;
                    }
                    out.add(s);
                }
                return out;
            }
        }
        return fromTable(lastId, max);
    }

    private List<Stored> fromTable(long lastId, int max) {
        long upTo = latestId;
        return db.read(tx -> {
            List<Stored> out = new ArrayList<>();
            try (PreparedStatement ps = Sql.prepare(tx.connection(),
                    "SELECT id, type, payload FROM events WHERE id > ? AND id <= ? ORDER BY id", lastId, upTo)) {
                ps.setMaxRows(max);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Stored(rs.getLong(1), rs.getString(2), rs.getString(3)));
                    }
                }
            }
            return out;
        });
    }

    /** Forgets events older than {@code keep}; resuming before them answers {@code resync}. */
    public void prune(Duration keep) {
        long cutoff = clock.millis() - keep.toMillis();
        db.write(tx -> {
            Sql.update(tx.connection(), "DELETE FROM events WHERE at < ?", cutoff);
            long min = Sql.queryLong(tx.connection(), "SELECT COALESCE(MIN(id), 0) FROM events");
            Sql.update(tx.connection(), "DELETE FROM settings WHERE name = 'events.floor'");
            Sql.update(tx.connection(), "INSERT INTO settings (name, val) VALUES ('events.floor', ?)", String.valueOf(latestId));
            oldestKeptId = min == 0 ? latestId + 1 : min;
            return null;
        });
    }
}
