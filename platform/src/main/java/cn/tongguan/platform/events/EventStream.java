package cn.tongguan.platform.events;

import cn.tongguan.api.Events;
import cn.tongguan.platform.auth.Principal;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.sse.SseClient;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/events}: each subscriber gets its own thread that pulls from the {@link EventLog} after the
 * last id it sent, so replay (from the table) and live delivery (from the ring) are one code path and no event
 * can fall between them. A slow subscriber only slows itself.
 */
public final class EventStream implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);
    private final EventLog log;
    private final ObjectMapper mapper;
    private final long keepAliveMillis;
    private final AtomicInteger counter = new AtomicInteger();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sse-" + counter.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    public EventStream(EventLog log, ObjectMapper mapper, long keepAliveMillis) {
        this.log = log;
        this.mapper = mapper;
        this.keepAliveMillis = keepAliveMillis;
    }

    /** Serves one subscriber; {@code lastEventId} null means "from now on". */
    public void subscribe(SseClient client, Principal principal, Long lastEventId) {
        client.keepAlive();
        boolean resync = lastEventId != null && !log.canResumeFrom(lastEventId);
        long start = lastEventId == null || resync ? log.latestId() : lastEventId;
        // Tell the client where it stands even when nothing happens (also flushes the headers).
        client.sendComment("from " + start);
        if (resync) {
            sendResync(client);
        }
        long from = start;
        threads.execute(() -> pump(client, from));
    }

    private void sendResync(SseClient client) {
        try {
            client.sendEvent("resync", mapper.writeValueAsString(new Events.Resync(log.oldestKeptId(), log.latestId())),
                    String.valueOf(log.latestId()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void pump(SseClient client, long from) {
        long last = from;
        try {
            while (!client.terminated() && !threads.isShutdown()) {
                List<EventLog.Stored> batch = log.after(last, 500, keepAliveMillis);
                if (batch.isEmpty()) {
                    client.sendComment("keep-alive");
                    continue;
                }
                for (EventLog.Stored e : batch) {
                    client.sendEvent(e.type(), e.json(), String.valueOf(e.id()));
                    last = e.id();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.debug("SSE subscriber gone: {}", e.toString());
        } finally {
            client.close();
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
        try {
            threads.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
