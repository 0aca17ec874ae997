package cn.tongguan.console.sync;

import cn.tongguan.api.Cases;
import cn.tongguan.console.cache.OutboxStore;
import java.util.Set;

/**
 * What the sync engine and the outbox tell the view models. Called on sync threads: listeners hop to the UI
 * thread themselves.
 */
public interface SyncListener {
    /** A lifeline alarm was raised, acknowledged, cleared or changed (the event itself is read again). */
    default void alarmsChanged() {
    }

    /** Cases changed in the cache; an empty set means "many, refresh everything". */
    default void casesChanged(Set<Long> ids) {
    }

    /**
     * The reference lists (names of classes, divisions, departments) were refreshed and the session's
     * {@code ReferenceHolder} holds them: lists built from them fill again, rows show names instead of codes.
     */
    default void referenceChanged() {
    }

    default void statusChanged(SyncStatus status) {
    }

    /** The platform took a queued action. */
    default void actionSent(OutboxStore.Entry entry, Cases.Case result) {
    }

    /**
     * The platform refused a queued action (e.g. {@code version_conflict}: someone else was faster);
     * {@code current} is the case as it now stands, when known.
     */
    default void actionRefused(OutboxStore.Entry entry, Cases.Case current, String code, String platformMessage) {
    }

    /**
     * The outbox cannot send ({@code fault}) or can again ({@code null}): the status line must not say 实时同步中
     * while writes fail.
     */
    default void outboxFailing(Fault fault) {
    }

    /** The session ended: the seat asks the operator to sign in again over the screen (same user). */
    default void sessionEnded() {
    }

    /** The operator signed in again; the outbox and the stream resume. */
    default void sessionResumed() {
    }
}
