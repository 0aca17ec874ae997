package cn.tongguan.platform.storage;

/**
 * When {@link Database#write} returns, relative to the disk (ADR 0080).
 * <ul>
 *   <li>{@link #GROUP} (default): the transaction commits under the writer lock; one flusher makes every commit so
 *   far durable at once, then releases the writers and publishes their events in commit order.</li>
 *   <li>{@link #PER_COMMIT}: every writer flushes and syncs the store itself, under the lock (the baseline of the
 *   benchmark; correct but slow).</li>
 *   <li>{@link #LAZY}: the old behaviour — H2 writes committed transactions when its background writer runs, so a
 *   {@code kill -9} loses what was answered in the last few hundred milliseconds. Benchmarks only.</li>
 * </ul>
 * On PostgreSQL a commit is durable when it returns ({@code synchronous_commit} is on by default), so all three
 * behave the same there.
 */
public enum Durability {
    GROUP, PER_COMMIT, LAZY
}
