package cn.tongguan.console.sync;

import cn.tongguan.api.Cases;
import cn.tongguan.console.cache.OutboxStore;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fans the sync's news out to every listener; one listener failing never stops the others or the sync. */
public final class SyncBus implements SyncListener {
    private static final Logger LOG = LoggerFactory.getLogger(SyncBus.class);
    private final List<SyncListener> listeners = new CopyOnWriteArrayList<>();

    public void add(SyncListener listener) {
        listeners.add(listener);
    }

    public void remove(SyncListener listener) {
        listeners.remove(listener);
    }

    private void each(Consumer<SyncListener> call) {
        for (SyncListener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                LOG.error("Sync listener {} failed", l, e);
            }
        }
    }

    @Override
    public void alarmsChanged() {
        each(SyncListener::alarmsChanged);
    }

    @Override
    public void casesChanged(Set<Long> ids) {
        each(l -> l.casesChanged(ids));
    }

    @Override
    public void referenceChanged() {
        each(SyncListener::referenceChanged);
    }

    @Override
    public void statusChanged(SyncStatus status) {
        each(l -> l.statusChanged(status));
    }

    @Override
    public void actionSent(OutboxStore.Entry entry, Cases.Case result) {
        each(l -> l.actionSent(entry, result));
    }

    @Override
    public void actionRefused(OutboxStore.Entry entry, Cases.Case current, String code, String platformMessage) {
        each(l -> l.actionRefused(entry, current, code, platformMessage));
    }

    @Override
    public void outboxFailing(Fault fault) {
        each(l -> l.outboxFailing(fault));
    }

    @Override
    public void sessionEnded() {
        each(SyncListener::sessionEnded);
    }

    @Override
    public void sessionResumed() {
        each(SyncListener::sessionResumed);
    }
}
