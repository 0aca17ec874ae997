package cn.tongguan.platform.events;

import cn.tongguan.api.Events;
import cn.tongguan.api.Failures;
import cn.tongguan.platform.auth.Principal;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.sse.SseClient;
import cn.tongguan.platform.auth.Role;
import cn.tongguan.platform.http.ApiException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/events}: each subscriber gets its own thread that pulls from the {@link EventLog} after the
 * last id it sent, so replay (from the table) and live delivery (from the ring) are one code path and no event
 * can fall between them. A slow subscriber only slows itself. Each subscriber receives only the events its role
 * and department may see ({@link EventVisibility}), and its stream ends when its token stops resolving (signed
 * out, expired, account disabled): the token is resolved again at least every {@code recheckMillis}.
 */
public final class EventStream implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);
    private final EventLog log;
    private final ObjectMapper mapper;
    private final long keepAliveMillis;
    private final long recheckMillis;
    private final EventVisibility visibility;
    private final Function<String, Principal> sessions;
    /** How many case ids a department's stream remembers having told it about (see EventVisibility). */
    private static final int SEEN_CASES = 100_000;
    private final AtomicInteger counter = new AtomicInteger();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sse-" + counter.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    /**
     * @param sessions resolves a bearer token to its principal, throwing a 401 {@link ApiException} when the
     *                 session is over (AuthService#authenticate)
     */
    public EventStream(EventLog log, ObjectMapper mapper, long keepAliveMillis, long recheckMillis,
                       Function<String, Principal> sessions) {
        this.log = log;
        this.mapper = mapper;
        this.keepAliveMillis = keepAliveMillis;
        this.recheckMillis = recheckMillis;
        this.sessions = sessions;
        this.visibility = new EventVisibility(mapper);
    }

    /** Whether the platform is stopping: no subscriber is taken any more (its stream would never be pumped). */
    public boolean closed() {
        return threads.isShutdown();
    }

    /** Serves one subscriber; {@code lastEventId} null means "from now on". */
    public void subscribe(SseClient client, Principal principal, String token, Long lastEventId) {
        client.keepAlive();
        if (lastEventId != null) {
            // A console that moved here from another instance may know events this one has not heard of yet.
            log.catchUpWith(lastEventId);
        }
        boolean resync = lastEventId != null && !log.canResumeFrom(lastEventId);
        long start = lastEventId == null || resync ? log.latestId() : lastEventId;
        // Tell the client where it stands even when nothing happens (also flushes the headers).
        client.sendComment("from " + start);
        if (resync) {
            sendResync(client);
        }
        long from = start;
        try {
            threads.execute(() -> pump(client, principal, token, from));
        } catch (RejectedExecutionException e) {
            // closed after the route's check (EventRoutes): end the response, or it would look live and say
            // nothing until the console's read timeout
            client.close();
        }
    }

    private void sendResync(SseClient client) {
        try {
            client.sendEvent("resync", mapper.writeValueAsString(new Events.Resync(log.oldestKeptId(), log.latestId())),
                    String.valueOf(log.latestId()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void pump(SseClient client, Principal first, String token, long from) {
        long last = from;
        Principal principal = first;
        Set<Long> seen = Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
                return size() > SEEN_CASES;
            }
        });
        long lastWrite = System.nanoTime();
        long lastCheck = System.nanoTime();
        try {
            while (!client.terminated() && !threads.isShutdown()) {
                if (System.nanoTime() - lastCheck >= recheckMillis * 1_000_000L) {
                    principal = sessions.apply(token);
                    lastCheck = System.nanoTime();
                }
                long sinceWrite = (System.nanoTime() - lastWrite) / 1_000_000L;
                long wait = Math.max(1, Math.min(keepAliveMillis - sinceWrite, recheckMillis));
                List<EventLog.Stored> batch = log.after(last, 500, wait);
                if (batch.isEmpty()) {
                    if ((System.nanoTime() - lastWrite) / 1_000_000L >= keepAliveMillis) {
                        client.sendComment("keep-alive");
                        lastWrite = System.nanoTime();
                    }
                    continue;
                }
                // an event is only sent to a caller whose session still stands
                principal = sessions.apply(token);
                lastCheck = System.nanoTime();
                for (EventLog.Stored e : batch) {
                    Principal p = principal;
                    if (visibility.visible(p, e, seen::contains)) {
                        client.sendEvent(e.type(), e.json(), String.valueOf(e.id()));
                        lastWrite = System.nanoTime();
                        if (p.role() == Role.DEPARTMENT) {
                            long caseId = visibility.caseId(e);
                            if (caseId >= 0) {
                                seen.add(caseId);
                            }
                        }
                    }
                    last = e.id();
                }
            }
        } catch (ApiException e) {
            // the session is over (401): end the stream; the console signs in again and resumes from its last id
            LOG.info("SSE stream of {} ended: {}", first.username(), e.code());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.debug("SSE subscriber gone: {}", e.toString(), Failures.bug(e));
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
