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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the cache in step with the platform: a streamed snapshot when the cache has none (or the platform asks
 * for a resync), then server-sent events from the last applied id, reconnecting with exponential backoff.
 * All its work runs on the one injected sync thread, except event delivery on OkHttp's SSE reader thread.
 */
public final class SyncEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);
    static final List<String> REFERENCE_KINDS = List.of("categories", "departments", "divisions");
    private static final long FIRST_BACKOFF_MS = 250;
    private static final long MAX_BACKOFF_MS = 8_000;

    private final PlatformClient client;
    private final CaseCache cases;
    private final CacheMeta meta;
    private final ScheduledExecutorService worker;
    private final SyncBus bus;
    private final Clock clock;
    private final ObjectMapper json;
    private final AtomicInteger generation = new AtomicInteger();
    private final AtomicLong lastEventId = new AtomicLong(-1);
    private volatile EventSource source;
    private volatile long backoff = FIRST_BACKOFF_MS;
    private volatile Instant lastEventAt;
    private volatile SyncStatus status = new SyncStatus(SyncStatus.Phase.STARTING, 0, null, null);
    private volatile boolean closed;
    private volatile Runnable onConnected = () -> { };

    public SyncEngine(PlatformClient client, CaseCache cases, CacheMeta meta, ScheduledExecutorService worker,
                      SyncBus bus, Clock clock) {
        this.client = client;
        this.cases = cases;
        this.meta = meta;
        this.worker = worker;
        this.bus = bus;
        this.clock = clock;
        this.json = client.json();
        this.lastEventAt = meta.get(CacheMeta.LAST_EVENT_AT).map(Instant::parse).orElse(null);
    }

    /** Called (on the sync thread) each time the event stream opens: the outbox replays then. */
    public void onConnected(Runnable action) {
        this.onConnected = action;
    }

    public void start() {
        worker.execute(this::connect);
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

    private void connect() {
        if (closed) {
            return;
        }
        int gen = generation.incrementAndGet();
        try {
            if (meta.get(CacheMeta.SNAPSHOT_DONE).isEmpty()) {
                takeSnapshot();
            }
            refreshReference();
            openStream(gen, meta.lastEventId());
        } catch (IOException | RuntimeException e) {
            LOG.warn("Sync with {} failed: {}", client.base(), e.toString());
            retryLater(gen, e.getMessage());
        }
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

    private void openStream(int gen, long fromId) {
        lastEventId.set(fromId);
        Request.Builder request = new Request.Builder().url(client.url("/api/v1/events"))
                .header("Accept", "text/event-stream");
        if (fromId >= 0) {
            request.header("Last-Event-ID", Long.toString(fromId));
        }
        // Keep-alive comments arrive every 15 s: a silent minute means a dead connection.
        EventSource.Factory factory = EventSources.createFactory(client.http().newBuilder()
                .readTimeout(java.time.Duration.ofSeconds(45)).build());
        source = factory.newEventSource(request.build(), new Listener(gen));
    }

    /** Hands work to the sync thread unless the engine (or the console) is closing. */
    private void run(Runnable task) {
        if (closed) {
            return;
        }
        try {
            worker.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("Sync thread gone: {}", e.toString());
        }
    }

    private void retryLater(int gen, String why) {
        if (closed || gen != generation.get()) {
            return;
        }
        long delay = backoff;
        backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
        publish(SyncStatus.Phase.RECONNECTING, 0, why);
        worker.schedule(() -> {
            if (gen == generation.get()) {
                connect();
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    private final class Listener extends EventSourceListener {
        private final int gen;

        Listener(int gen) {
            this.gen = gen;
        }

        @Override
        public void onOpen(EventSource eventSource, Response response) {
            backoff = FIRST_BACKOFF_MS;
            publish(SyncStatus.Phase.LIVE, 0, null);
            run(onConnected);
        }

        @Override
        public void onEvent(EventSource eventSource, String id, String type, String data) {
            if (gen != generation.get()) {
                eventSource.cancel();
                return;
            }
            try {
                if ("resync".equals(type)) {
                    LOG.info("Platform asks for a resync: {}", data);
                    eventSource.cancel();
                    meta.remove(CacheMeta.SNAPSHOT_DONE);
                    run(SyncEngine.this::connect);
                    return;
                }
                Set<Long> changed = Set.of();
                if (type != null && type.startsWith("case.")) {
                    Cases.Case item = caseOf(data);
                    cases.upsert(List.of(item));
                    changed = Set.of(item.id());
                }
                long eventId = id == null ? lastEventId.get() : Long.parseLong(id);
                lastEventId.set(eventId);
                lastEventAt = clock.instant();
                meta.put(CacheMeta.LAST_EVENT_ID, Long.toString(eventId));
                meta.put(CacheMeta.LAST_EVENT_AT, lastEventAt.toString());
                if (!changed.isEmpty()) {
                    bus.casesChanged(changed);
                }
                status = new SyncStatus(SyncStatus.Phase.LIVE, 0, lastEventAt, null);
            } catch (IOException | RuntimeException e) {
                LOG.error("Event {} ({}) could not be applied", id, type, e);
            }
        }

        @Override
        public void onClosed(EventSource eventSource) {
            run(() -> retryLater(gen, "closed"));
        }

        @Override
        public void onFailure(EventSource eventSource, Throwable t, Response response) {
            String why = t != null ? t.toString() : response != null ? "HTTP " + response.code() : "unknown";
            LOG.warn("Event stream from {} lost: {}", client.base(), why);
            run(() -> retryLater(gen, why));
        }
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
        EventSource s = source;
        generation.incrementAndGet();
        if (s != null) {
            s.cancel();
        }
        worker.execute(this::connect);
    }

    @Override
    public void close() {
        closed = true;
        generation.incrementAndGet();
        EventSource s = source;
        if (s != null) {
            s.cancel();
        }
        publish(SyncStatus.Phase.STOPPED, 0, null);
    }
}
