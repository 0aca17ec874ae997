package cn.tongguan.console.sync;

import cn.tongguan.api.Cases;
import cn.tongguan.console.cache.BulkFill;
import cn.tongguan.console.cache.CaseCache;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Streams the platform's snapshot into the cache with two threads: the caller's reads and parses the NDJSON,
 * a short-lived second one stores batches. On the two cores of a seat PC this halves the initial fill, which is
 * otherwise parse time plus insert time.
 */
public final class SnapshotLoader {
    private static final int BATCH = 1000;
    private static final List<Cases.Case> END = List.of();

    /** How far a load is; called on the loader's threads. */
    public interface Progress {
        /** The header arrived: {@code total} lines will follow (-1: the platform does not say). */
        void started(long total);

        /** {@code rows} are stored (after every batch). */
        void stored(long rows);

        /** Every row is stored; the cache now builds its indexes (seconds at a million rows). */
        void indexing(long rows);

        /** A line that is not a case was skipped (the others still arrive). */
        default void skipped(String line) {
        }

        /** For callers that do not watch (benchmarks). */
        static Progress none() {
            return new Progress() {
                @Override
                public void started(long total) {
                }

                @Override
                public void stored(long rows) {
                }

                @Override
                public void indexing(long rows) {
                }
            };
        }
    }

    private final PlatformClient client;
    private final CaseCache cases;

    public SnapshotLoader(PlatformClient client, CaseCache cases) {
        this.client = client;
        this.cases = cases;
    }

    /** Returns the event id the snapshot reflects. */
    public long load(Progress progress) throws IOException {
        BlockingQueue<List<Cases.Case>> batches = new ArrayBlockingQueue<>(64);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writer = new Thread(() -> store(batches, progress, failure), "snapshot-writer");
        writer.setDaemon(true);
        writer.start();
        long eventId;
        // A one-element holder the line callback can replace; Java has no generic arrays.
        @SuppressWarnings({"unchecked", "rawtypes"})
        List<Cases.Case>[] batch = new List[] {new ArrayList<Cases.Case>(BATCH)};
        try {
            eventId = client.snapshot(
                    header -> progress.started(header.total() == null ? -1 : header.total()),
                    item -> {
                        batch[0].add(item);
                        if (batch[0].size() == BATCH) {
                            put(batches, batch[0], failure);
                            batch[0] = new ArrayList<>(BATCH);
                        }
                    },
                    progress::skipped);
            put(batches, batch[0], failure);
        } finally {
            put(batches, END, failure);
            try {
                writer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while storing the snapshot", e);
            }
        }
        if (failure.get() != null) {
            throw new IOException("snapshot could not be stored", failure.get());
        }
        return eventId;
    }

    private static void put(BlockingQueue<List<Cases.Case>> batches, List<Cases.Case> batch,
                            AtomicReference<Throwable> failure) {
        if (failure.get() != null && batch != END) {
            throw new IllegalStateException("snapshot writer failed", failure.get());
        }
        try {
            batches.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void store(BlockingQueue<List<Cases.Case>> batches, Progress progress,
                       AtomicReference<Throwable> failure) {
        try (BulkFill fill = cases.bulkFill()) {
            while (true) {
                List<Cases.Case> batch = batches.take();
                if (batch == END) {
                    break;
                }
                if (failure.get() == null) {
                    batch.forEach(fill::add);
                    progress.stored(fill.rows());
                }
            }
            if (failure.get() == null) {
                // Closing the fill builds the indexes: say so, or the seat sits at "910,000 / 910,000" wondering.
                progress.indexing(fill.rows());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.compareAndSet(null, e);
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
            // keep draining so that the reader never blocks on a full queue
            drain(batches);
        }
    }

    private static void drain(BlockingQueue<List<Cases.Case>> batches) {
        try {
            while (batches.take() != END) {
                // discard
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
