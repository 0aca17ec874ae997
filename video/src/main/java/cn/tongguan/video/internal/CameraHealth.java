package cn.tongguan.video.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * What the wall knows about each camera: when it last showed a live frame (for coverage) and whether
 * it failed recently (tours skip it until {@code offlineRetry} has passed). FX thread only.
 */
public final class CameraHealth {
    private final Map<String, Long> lastSeen = new HashMap<>();
    private final Map<String, Long> offlineSince = new HashMap<>();
    private final long retryNanos;

    public CameraHealth(long retryNanos) {
        this.retryNanos = retryNanos;
    }

    public void seen(String id, long now) {
        lastSeen.put(id, now);
        offlineSince.remove(id);
    }

    public void offline(String id, long now) {
        offlineSince.putIfAbsent(id, now);
    }

    /** Failed within the retry window: a tour passes it by. */
    public boolean skip(String id, long now) {
        Long since = offlineSince.get(id);
        return since != null && now - since < retryNanos;
    }

    public boolean seenSince(String id, long since) {
        Long at = lastSeen.get(id);
        return at != null && at - since >= 0;
    }
}
