package cn.tongguan.console.sync;

import cn.tongguan.api.Failures;
import java.io.IOException;
import java.util.concurrent.RejectedExecutionException;
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
 * The one client of the platform's server-sent events ({@code GET /api/v1/events}), shared by the seat's
 * {@link SyncEngine} and the display wall's {@link WallEvents}: before each connection the handler prepares
 * (snapshot, sign-in, first load) and says where to resume; the stream then delivers events; when it is lost it
 * reconnects with exponential backoff. Preparation and retries run on the one injected worker thread, events on
 * OkHttp's SSE reader thread.
 */
public final class EventStream implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);
    private static final long FIRST_BACKOFF_MS = 250;
    private static final long MAX_BACKOFF_MS = 8_000;

    /** What a subscriber does with the stream. */
    public interface Handler {
        /** On the worker before each connection: get ready and return the event id to resume after (-1: from now). */
        long prepare() throws IOException;

        /** The stream is open (on the worker). */
        default void opened() {
        }

        /** One event, on the SSE reader thread; {@code id} may be null. Exceptions are logged, never fatal. */
        void event(String id, String type, String data) throws IOException;

        /** The stream or its preparation failed; a retry follows after {@code retryInMs}. */
        default void lost(String why, long retryInMs) {
        }

        /** As above, with what kind of failure it was (the words the operator reads). */
        default void lost(Fault fault, String why, long retryInMs) {
            lost(why, retryInMs);
        }

        /**
         * The platform answered {@code 401} (on the worker). True: the session was renewed, connect again now;
         * false: it has ended, and the stream waits for {@link #reconnect()} after the operator signs in again
         * (knocking with a refused token only fills the platform's log and shows "offline" while it is up).
         */
        default boolean unauthorized() {
            return true;
        }

        /** An event whose id is not after the last one (a platform that lost events and reissues ids). */
        default void wentBackwards(long lastId, long receivedId) {
        }
    }

    private final PlatformClient client;
    private final ScheduledExecutorService worker;
    private final Handler handler;
    private final AtomicInteger generation = new AtomicInteger();
    private final AtomicLong lastEventId = new AtomicLong(-1);
    private volatile EventSource source;
    private volatile long backoff = FIRST_BACKOFF_MS;
    private volatile boolean closed;

    public EventStream(PlatformClient client, ScheduledExecutorService worker, Handler handler) {
        this.client = client;
        this.worker = worker;
        this.handler = handler;
    }

    public void start() {
        run(this::connect);
    }

    /** The id of the last event delivered (-1: none yet). */
    public long lastEventId() {
        return lastEventId.get();
    }

    /** Drops the connection now and connects again, preparing first (after a resync, or on request). */
    public void reconnect() {
        EventSource s = source;
        generation.incrementAndGet();
        if (s != null) {
            s.cancel();
        }
        run(this::connect);
    }

    private void connect() {
        if (closed) {
            return;
        }
        int gen = generation.incrementAndGet();
        try {
            long from = handler.prepare();
            open(gen, from);
        } catch (PlatformException e) {
            if (e.status() == 401) {
                unauthorized(gen);
            } else {
                LOG.warn("Event stream from {} not ready: {}", client.base(), e.toString());
                retryLater(gen, Fault.of(e), e.getMessage());
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Event stream from {} not ready: {}", client.base(), e.toString(), Failures.bug(e));
            retryLater(gen, Fault.of(e), e.getMessage());
        }
    }

    private void open(int gen, long fromId) {
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

    private void run(Runnable task) {
        if (closed) {
            return;
        }
        try {
            worker.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("Event worker gone: {}", e.toString());
        }
    }

    private void unauthorized(int gen) {
        if (closed || gen != generation.get()) {
            return;
        }
        if (handler.unauthorized()) {
            connect();
        } else {
            LOG.info("Event stream from {} waits for a new sign-in", client.base());
        }
    }

    private void retryLater(int gen, Fault fault, String why) {
        if (closed || gen != generation.get()) {
            return;
        }
        long delay = backoff;
        backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
        handler.lost(fault, why, delay);
        try {
            worker.schedule(() -> {
                if (gen == generation.get()) {
                    connect();
                }
            }, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("Event worker gone: {}", e.toString());
        }
    }

    private final class Listener extends EventSourceListener {
        private final int gen;

        Listener(int gen) {
            this.gen = gen;
        }

        @Override
        public void onOpen(EventSource eventSource, Response response) {
            backoff = FIRST_BACKOFF_MS;
            run(handler::opened);
        }

        @Override
        public void onEvent(EventSource eventSource, String id, String type, String data) {
            if (gen != generation.get()) {
                eventSource.cancel();
                return;
            }
            try {
                if (id != null) {
                    long received = Long.parseLong(id);
                    long last = lastEventId.get();
                    if (received <= last && !"resync".equals(type)) {
                        // Stored, it would move the resume point back and every later reconnect would replay or
                        // lose a gap: the platform's history changed under us, so ask for the truth instead.
                        LOG.warn("Event {} after {}: ids went backwards; ignored", received, last);
                        handler.wentBackwards(last, received);
                        return;
                    }
                    lastEventId.set(received);
                }
                handler.event(id, type, data);
            } catch (IOException | RuntimeException e) {
                LOG.error("Event {} ({}) could not be applied", id, type, e);
            }
        }

        @Override
        public void onClosed(EventSource eventSource) {
            run(() -> retryLater(gen, Fault.UNREACHABLE, "closed"));
        }

        @Override
        public void onFailure(EventSource eventSource, Throwable t, Response response) {
            if (response != null && response.code() == 401) {
                LOG.info("Event stream from {} refused: 401", client.base());
                run(() -> unauthorized(gen));
                return;
            }
            String why = t != null ? t.toString() : response != null ? "HTTP " + response.code() : "unknown";
            // An answer that is not an event stream (a proxy's page) is not a network failure.
            Fault fault = t != null ? Fault.of(t) : response == null ? Fault.UNREACHABLE
                    : response.code() >= 500 ? Fault.SERVER : Fault.UNRECOGNISED;
            if (t != null && response != null && response.isSuccessful()) {
                fault = Fault.UNRECOGNISED;
            }
            LOG.warn("Event stream from {} lost: {}", client.base(), why);
            Fault kind = fault;
            run(() -> retryLater(gen, kind, why));
        }
    }

    @Override
    public void close() {
        closed = true;
        generation.incrementAndGet();
        EventSource s = source;
        if (s != null) {
            s.cancel();
        }
    }
}
