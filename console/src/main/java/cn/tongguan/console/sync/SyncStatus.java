package cn.tongguan.console.sync;

import java.time.Instant;

/**
 * Where the sync stands, for the status bar: {@code phase}, rows stored by a running snapshot out of
 * {@code snapshotTotal} (the platform's announced count; -1 when it does not say), and the time of the last event
 * applied (how fresh the cache is). {@code detail} says why the connection was lost, or {@link #INDEXING} once every
 * row of a snapshot is stored and the cache builds its indexes.
 */
public record SyncStatus(Phase phase, long snapshotRows, long snapshotTotal, Instant lastEventAt, String detail) {
    public static final String INDEXING = "indexing";

    /** {@code SESSION_ENDED}: the platform refused the session; sync waits for the operator to sign in again. */
    public enum Phase { STARTING, SNAPSHOT, LIVE, RECONNECTING, SESSION_ENDED, STOPPED }

    public SyncStatus(Phase phase, long snapshotRows, Instant lastEventAt, String detail) {
        this(phase, snapshotRows, -1, lastEventAt, detail);
    }
}
