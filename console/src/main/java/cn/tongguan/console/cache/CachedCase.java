package cn.tongguan.console.cache;

import cn.tongguan.api.Cases;

/**
 * A case as the cache holds it: the platform's view plus {@code pending}, the action waiting in the outbox (null
 * when nothing waits), and {@code warnAt}, the moment its light turns yellow.
 */
public record CachedCase(Cases.Case item, String pending, Long warnAt) {
    public long id() {
        return item.id();
    }

    /** The light now, counted down locally. */
    public String lightAt(long now) {
        Long deadline = item.deadline() == null ? null : item.deadline().toEpochMilli();
        return Lights.light(item.state(), deadline, warnAt, item.light(), now);
    }
}
