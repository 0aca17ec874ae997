package cn.tongguan.console.sync;

import cn.tongguan.api.Cases;
import cn.tongguan.api.Failures;
import cn.tongguan.console.cache.CachedCase;
import cn.tongguan.console.cache.CaseCache;
import cn.tongguan.console.cache.OutboxStore;
import cn.tongguan.console.workflow.CaseAction;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every action of the seat goes through here: written to the {@link OutboxStore} first (with a fresh idempotency
 * key and the version it was based on), shown in the cache at once, then sent in order on the sync thread.
 * Without an answer it stays and is sent again later with the same key, so the platform applies it once; a refusal
 * (409 and the like) is reported with the case as it now stands, and later actions of that case are dropped.
 */
public final class Outbox {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final long RETRY_MS = 3_000;

    private final PlatformClient client;
    private final OutboxStore store;
    private final CaseCache cases;
    private final ScheduledExecutorService worker;
    private final SyncBus bus;
    private final Clock clock;
    private final AtomicBoolean retryScheduled = new AtomicBoolean();
    private final Session session;
    /** Whether the seat was last told that sending fails (only the change is news). */
    private volatile boolean failing;

    /** What one attempt came to. */
    private enum Sent { DONE, WAIT, AGAIN, PAUSED }

    public Outbox(PlatformClient client, Session session, OutboxStore store, CaseCache cases,
                  ScheduledExecutorService worker, SyncBus bus, Clock clock) {
        this.client = client;
        this.session = session;
        session.addListener(new Session.Listener() {
            @Override
            public void ended() {
                // Nothing to do now: the entry that met the 401 stays first in the queue, and drain stops.
            }

            @Override
            public void resumed() {
                flush();
            }
        });
        this.store = store;
        this.cases = cases;
        this.worker = worker;
        this.bus = bus;
        this.clock = clock;
    }

    /**
     * Queues {@code action} on the case as the seat sees it (blocking: call off the UI thread). The version sent
     * is the cached one, which already counts the seat's own earlier queued actions.
     */
    public OutboxStore.Entry submit(CachedCase seen, CaseAction action, String note, String departmentCode,
                                    Integer hours) {
        return submit(seen, action, note, departmentCode, hours, null);
    }

    /** As above; {@code targetCaseId} for a merge (the case the shown one repeats). */
    public OutboxStore.Entry submit(CachedCase seen, CaseAction action, String note, String departmentCode,
                                    Integer hours, Long targetCaseId) {
        long base = seen.item().version();
        OutboxStore.Entry entry = store.add(UUID.randomUUID().toString(), seen.id(), action.action(), base, note,
                departmentCode, hours, clock.millis(), targetCaseId, null, seen.item().state());
        cases.applyLocally(seen.id(), action.to(), base + 1, action.action());
        bus.casesChanged(Set.of(seen.id()));
        flush();
        return entry;
    }

    /**
     * Queues a new case (a hotline work order): stored first, sent in order with the seat's other actions, so a
     * call taken while the platform is unreachable is filed when it comes back, once (blocking: off the UI thread).
     */
    public OutboxStore.Entry submitCreate(Cases.NewCase report) {
        String json;
        try {
            // The client-made id is made here, once, and travels in the stored payload: every resend, however late
            // (after the platform's idempotency window, after a platform crash lost the key), names the same report.
            json = client.json().writeValueAsString(withClientId(report, "seat-" + UUID.randomUUID()));
        } catch (IOException e) {
            throw new IllegalArgumentException("the report cannot be written as JSON", e);
        }
        OutboxStore.Entry entry = store.add(UUID.randomUUID().toString(), 0, OutboxStore.CREATE, 0, null, null, null,
                clock.millis(), null, json);
        flush();
        return entry;
    }

    static Cases.NewCase withClientId(Cases.NewCase r, String clientId) {
        if (r.clientId() != null) {
            return r;
        }
        return new Cases.NewCase(r.source(), r.kind(), r.bigCode(), r.smallCode(), r.lng(), r.lat(), r.address(),
                r.description(), r.urgency(), r.reporterName(), r.reporterPhone(), r.partCode(), r.selfHandled(),
                r.requestType(), clientId);
    }

    public List<OutboxStore.Entry> pending() {
        return store.pending();
    }

    /** Sends what waits, in order, on the sync thread. */
    public void flush() {
        worker.execute(this::drain);
    }

    private void drain() {
        Optional<OutboxStore.Entry> next;
        try {
            while ((next = store.firstPending()).isPresent()) {
                if (session.ended()) {
                    return; // paused until the operator signs in again (resumed() flushes)
                }
                Sent sent = send(next.get());
                if (sent == Sent.DONE && failing) {
                    failing = false;
                    bus.outboxFailing(null);
                }
                if (sent == Sent.WAIT) {
                    scheduleRetry();
                    return;
                }
                if (sent == Sent.PAUSED) {
                    LOG.info("Outbox: paused with {} entries until the operator signs in again", store.pending().size());
                    return;
                }
            }
        } catch (RuntimeException e) {
            // On an executor an exception would vanish with the task and the outbox would stall without a word:
            // say it, and try again (the idempotency key makes a second send of the same entry harmless).
            LOG.error("Outbox: sending stopped on an error; will retry", e);
            scheduleRetry();
        }
    }

    private void scheduleRetry() {
        if (retryScheduled.compareAndSet(false, true)) {
            worker.schedule(() -> {
                retryScheduled.set(false);
                drain();
            }, RETRY_MS, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * One attempt. WAIT: the platform could not be reached (the entry stays pending); AGAIN: the session was
     * renewed, send it now; PAUSED: the session ended (the entry stays pending, first in line).
     */
    private Sent send(OutboxStore.Entry e) {
        String token = session.token();
        if (e.isCreate()) {
            return sendCreate(e, token);
        }
        Cases.Transition transition = new Cases.Transition(e.action(), e.baseVersion(), e.note(), e.departmentCode(),
                e.hours(), e.targetCaseId());
        try {
            Cases.Case result = client.transition(e.caseId(), transition, e.idempotencyKey());
            store.finish(e.seq(), "done", null);
            keep(result);
            if (store.pendingCount(e.caseId()) == 0) {
                cases.clearPending(e.caseId());
            }
            LOG.info("Outbox: {} on case {} done (version {})", e.action(), e.caseId(), result.version());
            bus.actionSent(e, result);
            bus.casesChanged(Set.of(e.caseId()));
            return Sent.DONE;
        } catch (PlatformException refused) {
            if (refused.status() == 401) {
                return unauthorized(token);
            }
            if (refused.status() >= 500 || "idempotency_in_progress".equals(refused.code())) {
                LOG.warn("Outbox: platform busy ({}), will retry {}", refused.getMessage(), e.idempotencyKey());
                return Sent.WAIT;
            }
            refuse(e, refused);
            return Sent.DONE;
        } catch (IOException unreachable) {
            LOG.info("Outbox: platform unreachable ({}); {} waits", unreachable.toString(), e.action());
            failing = true;
            bus.outboxFailing(Fault.of(unreachable));
            return Sent.WAIT;
        }
    }

    /**
     * A 401 is never the action's fault: the entry is not failed. The session renews itself once with its refresh
     * token (send again now) or ends (pause until the operator signs in again).
     */
    private Sent unauthorized(String token) {
        if (session.unauthorized(token)) {
            return Sent.AGAIN;
        }
        failing = true;
        bus.outboxFailing(Fault.SESSION_ENDED);
        return Sent.PAUSED;
    }

    private Sent sendCreate(OutboxStore.Entry e, String token) {
        Cases.NewCase report;
        try {
            report = client.json().readValue(e.payload(), Cases.NewCase.class);
        } catch (IOException | RuntimeException unreadable) {
            // Not a network problem: retrying would never succeed, so the entry fails and the seat is told.
            LOG.error("Outbox: stored work order {} is unreadable: {}", e.seq(), unreadable.toString(),
                    Failures.bug(unreadable));
            store.finish(e.seq(), "failed", "unreadable");
            bus.actionRefused(e, null, "unreadable", null);
            return Sent.DONE;
        }
        try {
            Cases.Case created = client.create(report, e.idempotencyKey());
            store.finish(e.seq(), "done", created.caseNo());
            keep(created);
            LOG.info("Outbox: new case {} filed", created.caseNo());
            bus.actionSent(e, created);
            bus.casesChanged(Set.of(created.id()));
            return Sent.DONE;
        } catch (PlatformException refused) {
            if (refused.status() == 401) {
                return unauthorized(token);
            }
            if (refused.status() >= 500 || "idempotency_in_progress".equals(refused.code())) {
                return Sent.WAIT;
            }
            LOG.info("Outbox: new case refused: {}", refused.getMessage());
            store.finish(e.seq(), "failed", refused.code());
            bus.actionRefused(e, null, refused.code(), refused.error().message());
            return Sent.DONE;
        } catch (IOException unreachable) {
            LOG.info("Outbox: platform unreachable ({}); a new case waits", unreachable.toString());
            failing = true;
            bus.outboxFailing(Fault.of(unreachable));
            return Sent.WAIT;
        }
    }

    /**
     * The platform has the action: the seat is told whatever happens to its local copy, which the event stream
     * brings again if this write fails.
     */
    private void keep(Cases.Case result) {
        try {
            cases.upsert(List.of(result));
        } catch (RuntimeException e) {
            LOG.warn("Outbox: case {} done on the platform, not yet in the local cache: {}", result.caseNo(), e.toString(),
                    Failures.bug(e));
        }
    }

    private void refuse(OutboxStore.Entry e, PlatformException refused) {
        LOG.info("Outbox: {} on case {} refused: {}", e.action(), e.caseId(), refused.getMessage());
        Cases.Case current = client.currentFrom(refused);
        if (current == null) {
            try {
                current = client.parseDetail(client.detailJson(e.caseId())).item();
            } catch (IOException notNow) {
                LOG.warn("Outbox: current state of case {} unknown: {}", e.caseId(), notNow.toString());
            }
        }
        store.finish(e.seq(), refused.status() == 409 ? "conflict" : "failed", refused.code());
        store.abandonPending(e.caseId(), "after " + refused.code());
        if (current != null) {
            cases.replace(current);
        } else if (e.stateBefore() != null) {
            // The platform refused and cannot say how the case stands: show it as it was before the action, never
            // the predicted state the platform turned down (the next event or snapshot brings the truth).
            cases.restore(e.caseId(), e.stateBefore(), e.baseVersion());
        } else {
            cases.clearPending(e.caseId());
        }
        bus.actionRefused(e, current, refused.code(), refused.error().message());
        bus.casesChanged(Set.of(e.caseId()));
    }
}
