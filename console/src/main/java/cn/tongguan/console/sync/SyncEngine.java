package cn.tongguan.console.sync;

import cn.tongguan.api.Cases;
import cn.tongguan.api.Events;
import cn.tongguan.console.cache.CacheMeta;
import cn.tongguan.console.cache.CaseCache;
import cn.tongguan.console.cache.ReferenceData;
import cn.tongguan.console.cache.ReferenceHolder;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the cache in step with the platform: the reference lists first (so that no row is ever shown before the
 * names of its codes), a streamed snapshot when the cache has none (or the platform asks for a resync), then
 * server-sent events from the last applied id through the shared {@link EventStream} (which reconnects with
 * exponential backoff). All its work runs on the one injected sync thread, except event delivery on OkHttp's SSE
 * reader thread.
 */
public final class SyncEngine implements AutoCloseable, EventStream.Handler {
    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);
    static final List<String> REFERENCE_KINDS = List.of("categories", "departments", "divisions");
    /** Rows between two progress reports: often enough for a moving bar, rare enough for the UI thread. */
    static final int PROGRESS_EVERY = 5_000;

    private final PlatformClient client;
    private final CaseCache cases;
    private final CacheMeta meta;
    private final ReferenceHolder reference;
    private final SyncBus bus;
    private final Clock clock;
    private final ObjectMapper json;
    private final EventStream stream;
    private final Session session;
    /** The token the stream (and its preparation) was last opened with: a 401 refuses this one. */
    private volatile String streamToken;
    private volatile Instant lastEventAt;
    private volatile SyncStatus status = new SyncStatus(SyncStatus.Phase.STARTING, 0, null, null);
    private volatile boolean closed;
    private volatile Runnable onConnected = () -> { };
    /** Whether this engine has told the listeners about the reference lists at least once. */
    private boolean referenceAnnounced;
    /** Why the last reference refresh kept the old lists (null: it took fresh ones). */
    private volatile Fault referenceFault;

    public SyncEngine(PlatformClient client, Session session, CaseCache cases, CacheMeta meta,
                      ReferenceHolder reference, ScheduledExecutorService worker, SyncBus bus, Clock clock) {
        this.client = client;
        this.session = session;
        this.cases = cases;
        this.meta = meta;
        this.reference = reference;
        this.bus = bus;
        this.clock = clock;
        this.json = client.json();
        this.lastEventAt = meta.get(CacheMeta.LAST_EVENT_AT).map(Instant::parse).orElse(null);
        this.stream = new EventStream(client, worker, this);
        session.addListener(new Session.Listener() {
            @Override
            public void ended() {
                if (!closed) {
                    publish(SyncStatus.Phase.SESSION_ENDED, 0, null);
                }
                bus.sessionEnded();
            }

            @Override
            public void resumed() {
                bus.sessionResumed();
                stream.reconnect();
            }
        });
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
        publish(phase, rows, -1, detail);
    }

    private void publish(SyncStatus.Phase phase, long rows, long total, String detail) {
        status = new SyncStatus(phase, rows, total, lastEventAt, detail);
        bus.statusChanged(status);
    }

    @Override
    public long prepare() throws IOException {
        streamToken = session.token();
        // Names before rows: a first sign-in used to show class and district codes for the minutes of its snapshot.
        refreshReference();
        if (meta.get(CacheMeta.SNAPSHOT_DONE).isEmpty()) {
            takeSnapshot();
        }
        return meta.lastEventId();
    }

    private void takeSnapshot() throws IOException {
        publish(SyncStatus.Phase.SNAPSHOT, 0, null);
        Instant started = clock.instant();
        long[] total = {-1};
        long[] stored = {0};
        long[] skipped = {0};
        long eventId = new SnapshotLoader(client, cases).load(new SnapshotLoader.Progress() {
            @Override
            public void started(long announced) {
                total[0] = announced;
                LOG.info("Snapshot header after {} ms: {} cases announced",
                        Duration.between(started, clock.instant()).toMillis(), announced);
                publish(SyncStatus.Phase.SNAPSHOT, 0, announced, null);
            }

            @Override
            public void stored(long rows) {
                if (stored[0] == 0) {
                    LOG.info("Snapshot: first {} cases stored after {} ms", rows,
                            Duration.between(started, clock.instant()).toMillis());
                }
                stored[0] = rows;
                if (rows % PROGRESS_EVERY == 0) {
                    publish(SyncStatus.Phase.SNAPSHOT, rows, total[0], null);
                }
            }

            @Override
            public void skipped(String line) {
                skipped[0]++;
                LOG.warn("Snapshot: a line that is not a case was skipped: {}", line);
            }

            @Override
            public void indexing(long rows) {
                publish(SyncStatus.Phase.SNAPSHOT, rows, total[0], SyncStatus.INDEXING);
            }
        });
        LOG.info("Snapshot: {} cases at event {} in {} ms", stored[0], eventId,
                Duration.between(started, clock.instant()).toMillis());
        meta.put(CacheMeta.LAST_EVENT_ID, Long.toString(eventId));
        meta.put(CacheMeta.SNAPSHOT_DONE, clock.instant().toString());
        // Flagged, not fatal: the seat works with the rest; the cases of those lines come back with their next event.
        meta.put(CacheMeta.SNAPSHOT_SKIPPED, Long.toString(skipped[0]));
        // The cache is as fresh as the snapshot until the first event arrives.
        lastEventAt = clock.instant();
        meta.put(CacheMeta.LAST_EVENT_AT, lastEventAt.toString());
        bus.casesChanged(Set.of());
    }

    /**
     * Each list replaces the cached one only when it is sane (JSON of the right shape, not empty): a proxy's HTML
     * page or a truncated answer with a 200 used to replace the names, and after a restart the seat showed codes.
     * Without a good answer the last good copy stays; without any copy at all the preparation fails and retries.
     */
    private void refreshReference() throws IOException {
        boolean changed = false;
        IOException bad = null;
        for (String kind : REFERENCE_KINDS) {
            String fresh;
            try {
                fresh = client.referenceJson(kind);
                if (!ReferenceData.sane(kind, fresh)) {
                    throw new UnrecognisedAnswer("the platform's " + kind + " are not a list of " + kind);
                }
            } catch (PlatformException e) {
                if (e.status() == 401) {
                    throw e;
                }
                bad = e;
                continue;
            } catch (IOException e) {
                LOG.warn("Reference list {} not taken (the last good copy stays): {}", kind, e.toString());
                bad = e;
                continue;
            }
            if (!Objects.equals(meta.reference(kind).orElse(null), fresh)) {
                meta.putReference(kind, fresh);
                changed = true;
            }
        }
        if (bad != null && REFERENCE_KINDS.stream().anyMatch(k -> meta.reference(k).isEmpty())) {
            throw bad; // nothing good to show names with yet
        }
        referenceFault = bad == null ? null : Fault.of(bad);
        // A reconnect with unchanged lists says nothing: the queue would rebuild its filters for no news.
        if (changed || !referenceAnnounced) {
            reference.reload();
            referenceAnnounced = true;
            bus.referenceChanged();
        }
    }

    @Override
    public boolean unauthorized() {
        // Session.unauthorized publishes SESSION_ENDED through the listener above when it cannot renew.
        return session.unauthorized(streamToken);
    }

    @Override
    public void wentBackwards(long lastId, long receivedId) {
        LOG.warn("Event id {} is not after {}: not stored (the resume point never moves back)", receivedId, lastId);
    }

    @Override
    public void opened() {
        publish(SyncStatus.Phase.LIVE, 0, null);
        if (!closed) {
            onConnected.run();
        }
    }

    @Override
    public void lost(Fault fault, String why, long retryInMs) {
        if (!closed && !session.ended()) {
            // The detail is the fault's name: the status line says which words match (timeout, HTML, refused …).
            publish(SyncStatus.Phase.RECONNECTING, 0, fault.name());
        }
    }

    /** Why the reference lists could not be refreshed last time (null: they were). */
    public Fault referenceFault() {
        return referenceFault;
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
        // Published, not only kept: the status line's "最近事件" must move with every applied event.
        publish(SyncStatus.Phase.LIVE, 0, null);
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
        if (closed) {
            return; // once: the views hear STOPPED once, while the console's executors still run
        }
        closed = true;
        stream.close();
        publish(SyncStatus.Phase.STOPPED, 0, null);
    }
}
