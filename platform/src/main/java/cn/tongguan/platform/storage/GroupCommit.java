package cn.tongguan.platform.storage;

import java.util.ArrayDeque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: writers commit under the writer lock and {@link #enqueue} their durable hooks with a commit
 * sequence number; one flusher thread takes every commit so far, makes them durable with one flush (one store
 * write and one fsync for the whole batch), runs their hooks in commit order and then releases the writers waiting
 * in {@link #await}. A writer is never told "done" before its commit is on disk, and nothing a hook publishes (an
 * event) can be taken back by a crash.
 */
final class GroupCommit implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    /** Makes every transaction committed before the call durable. */
    @FunctionalInterface
    interface Flush {
        void run() throws Exception;
    }

    private record Pending(long seq, List<Runnable> hooks) {
    }

    private final Flush flush;
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private final Thread flusher;
    private long committed;
    private long durable;
    private boolean closed;
    private long batches;

    GroupCommit(Flush flush, String name) {
        this.flush = flush;
        this.flusher = new Thread(this::run, name);
        flusher.setDaemon(true);
        flusher.start();
    }

    /** Called under the writer lock right after a commit: the commit's number, in commit order. */
    synchronized long enqueue(List<Runnable> hooks) {
        long seq = ++committed;
        pending.addLast(new Pending(seq, hooks));
        notifyAll();
        return seq;
    }

    /** The number of the last commit so far (under the writer lock: of the last committed transaction). */
    synchronized long committed() {
        return committed;
    }

    /** Waits (not interruptibly: the answer must not run ahead of the disk) until commit {@code seq} is durable. */
    synchronized void await(long seq) {
        boolean interrupted = false;
        while (durable < seq) {
            if (closed && !flusher.isAlive()) {
                throw new StorageException(new java.sql.SQLException("database closed before the commit was made durable"));
            }
            try {
                wait(1000);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** How many flushes have run (each covers one batch of commits). */
    synchronized long batches() {
        return batches;
    }

    private void run() {
        while (true) {
            long target;
            ArrayDeque<Pending> batch = new ArrayDeque<>();
            synchronized (this) {
                while (committed == durable && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        closed = true;
                    }
                }
                if (committed == durable) {
                    return;
                }
                // Read before flushing: everything committed up to here is written by the flush below.
                target = committed;
                while (!pending.isEmpty() && pending.peekFirst().seq() <= target) {
                    batch.addLast(pending.removeFirst());
                }
            }
            flushUntilDone();
            for (Pending p : batch) {
                for (Runnable hook : p.hooks()) {
                    try {
                        hook.run();
                    } catch (RuntimeException e) {
                        LOG.error("After-durable hook failed", e);
                    }
                }
            }
            synchronized (this) {
                durable = target;
                batches++;
                notifyAll();
            }
        }
    }

    /** A failed flush is retried: answering the writers before their data are on disk is not an option. */
    private void flushUntilDone() {
        long pause = 10;
        while (true) {
            try {
                flush.run();
                return;
            } catch (Exception e) {
                LOG.error("Flushing committed transactions failed; retrying in {} ms", pause, e);
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
                pause = Math.min(pause * 2, 2000);
                synchronized (this) {
                    if (closed && Thread.currentThread().isInterrupted()) {
                        throw new StorageException(new java.sql.SQLException("closed while flushing", e));
                    }
                }
            }
        }
    }

    /** Flushes what is pending, then stops the flusher. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        try {
            flusher.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
