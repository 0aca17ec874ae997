package cn.tongguan.console.cache;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.console.support.SampleCases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seat's cache is encrypted at rest with a key derived from the password (never stored): callers' phone numbers
 * are not in the file, another password does not open it, and an unencrypted cache from before is rebuilt with its
 * queued actions kept.
 */
class EncryptedCacheTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T08:30:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void theFileHoldsNoCallersPhoneAndOpensOnlyWithTheSamePassword() throws Exception {
        String key = CacheKey.derive(dir, "tongguan");
        CacheDatabase db = CacheDatabase.openOrRebuild(dir, "cache", CLOCK, key).db();
        new CaseCache(db).upsert(List.of(SampleCases.item(1, "reported", 1, SampleCases.T0, null)));
        db.close();
        String raw = new String(Files.readAllBytes(dir.resolve("cache.mv.db")), StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain("13812345678");
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).doesNotContain(key);

        assertThat(CacheKey.derive(dir, "tongguan")).isEqualTo(key);
        CacheDatabase.Opened again = CacheDatabase.openOrRebuild(dir, "cache", CLOCK, key);
        assertThat(again.movedAside()).isNull();
        assertThat(new CaseCache(again.db()).count()).isEqualTo(1);
        again.db().close();

        CacheDatabase.Opened other = CacheDatabase.openOrRebuild(dir, "cache", CLOCK, CacheKey.derive(dir, "other"));
        assertThat(other.movedAside()).isNotNull();
        other.db().close();
    }

    @Test
    void anUnencryptedCacheIsRebuiltEncryptedAndItsQueuedActionsAreKept() throws Exception {
        CacheDatabase plain = CacheDatabase.openOrRebuild(dir, "outbox", CLOCK).db();
        new OutboxStore(plain).add("k-1", 7, "accept", 1, "张三 13812345678", null, null, 1L);
        plain.close();

        CacheDatabase.Opened encrypted = CacheDatabase.openOrRebuild(dir, "outbox", CLOCK, CacheKey.derive(dir, "tongguan"));
        assertThat(encrypted.movedAside()).isNull();
        assertThat(encrypted.plain()).extracting(OutboxStore.Entry::idempotencyKey).containsExactly("k-1");
        OutboxStore store = new OutboxStore(encrypted.db());
        store.adopt(encrypted.plain());
        assertThat(store.pending()).extracting(OutboxStore.Entry::note).containsExactly("张三 13812345678");
        encrypted.db().close();
        String raw = new String(Files.readAllBytes(dir.resolve("outbox.mv.db")), StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain("13812345678");
    }
}
