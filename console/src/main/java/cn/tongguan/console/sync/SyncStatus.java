package cn.tongguan.console.sync;

import java.time.Instant;

/**
 * Where the sync stands, for the status bar: {@code phase}, rows received by a running snapshot, and the time
 * of the last event applied (how fresh the cache is).
 */
public record SyncStatus(Phase phase, long snapshotRows, Instant lastEventAt, String detail) {
    public enum Phase { STARTING, SNAPSHOT, LIVE, RECONNECTING, STOPPED }
}
