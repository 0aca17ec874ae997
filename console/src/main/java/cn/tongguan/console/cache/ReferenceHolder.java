package cn.tongguan.console.cache;

import java.util.function.Supplier;

/** The current {@link ReferenceData}, reloaded from the cache after the sync engine refreshed it. */
public final class ReferenceHolder implements Supplier<ReferenceData> {
    private final CacheMeta meta;
    private volatile ReferenceData current = ReferenceData.empty();

    public ReferenceHolder(CacheMeta meta) {
        this.meta = meta;
    }

    /** Blocking (reads the cache): call off the UI thread. */
    public ReferenceData reload() {
        current = ReferenceData.load(meta);
        return current;
    }

    @Override
    public ReferenceData get() {
        return current;
    }
}
