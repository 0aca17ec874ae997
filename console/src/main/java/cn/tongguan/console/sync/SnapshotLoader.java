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
import java.util.function.LongConsumer;

/**
 * Streams the platform's snapshot into the cache with two threads: the caller's reads and parses the NDJSON,
 * a short-lived second one stores batches. On the two cores of a seat PC this halves the initial fill, which is
 * otherwise parse time plus insert time.
 */
public final class SnapshotLoader {
    private static final int BATCH = 1000;
    private static final List<Cases.Case> END = List.of();

    private final PlatformClient client;
    private final CaseCache cases;

    public SnapshotLoader(PlatformClient client, CaseCache cases) {
        this.client = client;
        this.cases = cases;
    }

    /** Returns the event id the snapshot reflects; {@code progress} gets the rows stored so far. */
    public long load(LongConsumer progress) throws IOException {
        BlockingQueue<List<Cases.Case>> batches = new ArrayBlockingQueue<>(64);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writer = new Thread(() -> store(batches, progress, failure), "snapshot-writer");
        writer.setDaemon(true);
        writer.start();
        long eventId;
        List<Cases.Case>[] batch = new List[] {new ArrayList<Cases.Case>(BATCH)};
        try {
            eventId = client.snapshot(item -> {
                batch[0].add(item);
                if (batch[0].size() == BATCH) {
                    put(batches, batch[0], failure);
                    batch[0] = new ArrayList<>(BATCH);
                }
            });
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

    private void store(BlockingQueue<List<Cases.Case>> batches, LongConsumer progress,
                       AtomicReference<Throwable> failure) {
        try (BulkFill fill = cases.bulkFill()) {
            while (true) {
                List<Cases.Case> batch = batches.take();
                if (batch == END) {
                    break;
                }
                if (failure.get() == null) {
                    batch.forEach(fill::add);
                    progress.accept(fill.rows());
                }
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
