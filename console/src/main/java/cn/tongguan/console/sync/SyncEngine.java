package cn.tongguan.console.sync;

import cn.tongguan.api.Cases;
import cn.tongguan.api.Events;
import cn.tongguan.console.cache.CacheMeta;
import cn.tongguan.console.cache.CaseCache;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the cache in step with the platform: a streamed snapshot when the cache has none (or the platform asks
 * for a resync), then server-sent events from the last applied id through the shared {@link EventStream} (which reconnects with
 * exponential backoff). All its work runs on the one injected sync thread, except event delivery on OkHttp's SSE
 * reader thread.
 */
public final class SyncEngine implements AutoCloseable, EventStream.Handler {
    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);
    static final List<String> REFERENCE_KINDS = List.of("categories", "departments", "divisions");

    private final PlatformClient client;
    private final CaseCache cases;
    private final CacheMeta meta;
    private final SyncBus bus;
    private final Clock clock;
    private final ObjectMapper json;
    private final EventStream stream;
    private volatile Instant lastEventAt;
    private volatile SyncStatus status = new SyncStatus(SyncStatus.Phase.STARTING, 0, null, null);
    private volatile boolean closed;
    private volatile Runnable onConnected = () -> { };

    public SyncEngine(PlatformClient client, CaseCache cases, CacheMeta meta, ScheduledExecutorService worker,
                      SyncBus bus, Clock clock) {
        this.client = client;
        this.cases = cases;
        this.meta = meta;
        this.bus = bus;
        this.clock = clock;
        this.json = client.json();
        this.lastEventAt = meta.get(CacheMeta.LAST_EVENT_AT).map(Instant::parse).orElse(null);
        this.stream = new EventStream(client, worker, this);
    }

    /** Called (on the sync thread) each time the event stream opens: the outbox replays then. */
    public void onConnected(Runnable action) {
        this.onConnected = action;
    }

    public void start() {
        stream.start();
    }

    public SyncStatus status() {
        return status;
    }

    /** When the last event was applied (null: never); the cache is at least this fresh while {@code LIVE}. */
    public Instant lastEventAt() {
        return lastEventAt;
    }

    private void publish(SyncStatus.Phase phase, long rows, String detail) {
        status = new SyncStatus(phase, rows, lastEventAt, detail);
        bus.statusChanged(status);
    }

    @Override
    public long prepare() throws IOException {
        if (meta.get(CacheMeta.SNAPSHOT_DONE).isEmpty()) {
            takeSnapshot();
        }
        refreshReference();
        return meta.lastEventId();
    }

    private void takeSnapshot() throws IOException {
        publish(SyncStatus.Phase.SNAPSHOT, 0, null);
        long started = System.nanoTime();
        long[] stored = {0};
        long eventId = new SnapshotLoader(client, cases).load(rows -> {
            stored[0] = rows;
            if (rows % 10_000 == 0) {
                publish(SyncStatus.Phase.SNAPSHOT, rows, null);
            }
        });
        LOG.info("Snapshot: {} cases at event {} in {} ms", stored[0], eventId, (System.nanoTime() - started) / 1_000_000);
        meta.put(CacheMeta.LAST_EVENT_ID, Long.toString(eventId));
        meta.put(CacheMeta.SNAPSHOT_DONE, clock.instant().toString());
        // The cache is as fresh as the snapshot until the first event arrives.
        lastEventAt = clock.instant();
        meta.put(CacheMeta.LAST_EVENT_AT, lastEventAt.toString());
        bus.casesChanged(Set.of());
    }

    private void refreshReference() throws IOException {
        for (String kind : REFERENCE_KINDS) {
            meta.putReference(kind, client.referenceJson(kind));
        }
    }

    @Override
    public void opened() {
        publish(SyncStatus.Phase.LIVE, 0, null);
        if (!closed) {
            onConnected.run();
        }
    }

    @Override
    public void lost(String why, long retryInMs) {
        if (!closed) {
            publish(SyncStatus.Phase.RECONNECTING, 0, why);
        }
    }

    @Override
    public void event(String id, String type, String data) throws IOException {
        if ("resync".equals(type)) {
            LOG.info("Platform asks for a resync: {}", data);
            meta.remove(CacheMeta.SNAPSHOT_DONE);
            stream.reconnect();
            return;
        }
        Set<Long> changed = Set.of();
        if (type != null && type.startsWith("case.")) {
            Cases.Case item = caseOf(data);
            cases.upsert(List.of(item));
            changed = Set.of(item.id());
        }
        long eventId = stream.lastEventId();
        lastEventAt = clock.instant();
        meta.put(CacheMeta.LAST_EVENT_ID, Long.toString(eventId));
        meta.put(CacheMeta.LAST_EVENT_AT, lastEventAt.toString());
        if (!changed.isEmpty()) {
            bus.casesChanged(changed);
        }
        if (type != null && type.startsWith("alarm.")) {
            bus.alarmsChanged();
        }
        status = new SyncStatus(SyncStatus.Phase.LIVE, 0, lastEventAt, null);
    }

    /**
     * The case of a {@code case.*} event. The SSE data is the stored {@link Events.Event} whose {@code data} is a
     * {@link Events.CaseChange}; a bare CaseChange is accepted too.
     */
    Cases.Case caseOf(String data) throws IOException {
        com.fasterxml.jackson.databind.JsonNode root = json.readTree(data);
        com.fasterxml.jackson.databind.JsonNode change = root.has("item") ? root : root.path("data");
        return json.treeToValue(change, Events.CaseChange.class).item();
    }

    /** Drops the connection now and reconnects (used by tests and the "reconnect" command). */
    public void reconnect() {
        stream.reconnect();
    }

    @Override
    public void close() {
        closed = true;
        stream.close();
        publish(SyncStatus.Phase.STOPPED, 0, null);
    }
}
