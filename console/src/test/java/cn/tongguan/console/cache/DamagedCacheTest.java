package cn.tongguan.console.cache;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.console.support.SampleCases;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged cache file (truncated, or zero bytes) is moved aside under a name with the injected clock's time and an
 * empty cache is made for the sync to fill again; the outbox lives in its own file and keeps the queued actions.
 */
class DamagedCacheTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T08:30:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private void fill() {
        CacheDatabase.Opened cache = CacheDatabase.openOrRebuild(dir, "cache", CLOCK);
        CaseCache cases = new CaseCache(cache.db());
        try (BulkFill fill = cases.bulkFill()) {
            for (int i = 1; i <= 3000; i++) {
                fill.add(SampleCases.item(i, "reported", 1, SampleCases.T0, null));
            }
        }
        cache.db().close();
        CacheDatabase.Opened outbox = CacheDatabase.openOrRebuild(dir, "outbox", CLOCK);
        new OutboxStore(outbox.db()).add("k-1", 7, "accept", 1, null, null, null, 1L, null, null, "reported");
        outbox.db().close();
    }

    private void cut(long length) throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve("cache.mv.db").toFile(), "rw")) {
            if (length < 0) {
                // Cut in the middle of a write: the tail gone and the file header half rewritten.
                f.setLength(f.length() / 2);
                f.seek(64);
                f.write(new byte[8192]);
            } else {
                f.setLength(length);
            }
        }
    }

    @Test
    void aTruncatedCacheIsMovedAsideAndRebuiltAndTheQueueSurvives() throws Exception {
        fill();
        cut(-1);
        CacheDatabase.Opened reopened = CacheDatabase.openOrRebuild(dir, "cache", CLOCK);
        try {
            assertThat(reopened.movedAside()).isEqualTo(dir.resolve("cache.mv.db.damaged-20261202-083000"));
            assertThat(Files.exists(reopened.movedAside())).isTrue();
            CaseCache cases = new CaseCache(reopened.db());
            assertThat(cases.count()).isZero();
            cases.upsert(List.of(SampleCases.item(1, "reported", 1, SampleCases.T0, null)));
            assertThat(cases.count()).isEqualTo(1);
        } finally {
            reopened.db().close();
        }
        assertQueueKept();
    }

    @Test
    void aZeroLengthCacheDoesNotTakeTheQueuedActions() throws Exception {
        fill();
        cut(0);
        CacheDatabase.Opened reopened = CacheDatabase.openOrRebuild(dir, "cache", CLOCK);
        reopened.db().close();
        assertQueueKept();
    }

    @Test
    void anOutboxKeptInsideAnOlderCacheIsAdoptedOnceInOrder() {
        CacheDatabase old = CacheDatabase.openOrRebuild(dir, "cache", CLOCK).db();
        CacheDatabase own = CacheDatabase.openOrRebuild(dir, "outbox", CLOCK).db();
        try {
            OutboxStore before = new OutboxStore(old);
            before.add("a", 1, "accept", 1, null, null, null, 1L);
            before.add("b", 2, "accept", 1, null, null, null, 2L);
            OutboxStore queue = new OutboxStore(own);
            assertThat(queue.adopt(before)).isEqualTo(2);
            assertThat(queue.adopt(before)).isZero();
            assertThat(queue.pending()).extracting(OutboxStore.Entry::idempotencyKey).containsExactly("a", "b");
            assertThat(before.pending()).isEmpty();
        } finally {
            old.close();
            own.close();
        }
    }

    private void assertQueueKept() {
        CacheDatabase.Opened outbox = CacheDatabase.openOrRebuild(dir, "outbox", CLOCK);
        try {
            assertThat(outbox.movedAside()).isNull();
            assertThat(new OutboxStore(outbox.db()).pending()).extracting(OutboxStore.Entry::idempotencyKey)
                    .containsExactly("k-1");
        } finally {
            outbox.db().close();
        }
    }
}
