package cn.tongguan.console.cache;

import static cn.tongguan.console.support.SampleCases.T0;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.console.support.SampleCases;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The cache never keeps a state the platform does not have: a snapshot's rows win over rows that are ahead of the
 * platform (after a platform crash lost their versions) unless the seat has an action queued on them; a refused
 * action whose case cannot be re-read is put back as it was.
 */
class CacheRepairTest {
    private final CacheDatabase db = CacheDatabase.inMemory("repair-" + UUID.randomUUID());
    private final CaseCache cases = new CaseCache(db);

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aSnapshotRepairsRowsAheadOfThePlatformButKeepsRowsWithAQueuedAction() {
        // The seat saw versions 7 (dispatched) and 5 (closed) that the platform lost in a crash; case 3 has an
        // action of this seat still queued (its prediction must stay until the outbox has an answer).
        cases.upsert(List.of(SampleCases.item(1, "dispatched", 7, T0, null), SampleCases.item(2, "closed", 5, T0, null),
                SampleCases.item(3, "filed", 4, T0, null)));
        cases.applyLocally(3, "dispatched", 5, "dispatch");

        try (BulkFill fill = cases.bulkFill()) {
            fill.add(SampleCases.item(1, "filed", 3, T0, null));
            fill.add(SampleCases.item(2, "verifying", 2, T0, null));
            fill.add(SampleCases.item(3, "filed", 4, T0, null));
        }

        assertThat(cases.find(1).orElseThrow().item().state()).isEqualTo("filed");
        assertThat(cases.find(1).orElseThrow().item().version()).isEqualTo(3);
        // Back from the finished table to the open one.
        assertThat(cases.find(2).orElseThrow().item().state()).isEqualTo("verifying");
        assertThat(cases.count()).isEqualTo(3);
        assertThat(cases.find(3).orElseThrow().item().state()).isEqualTo("dispatched");
        assertThat(cases.find(3).orElseThrow().pending()).isEqualTo("dispatch");
    }

    @Test
    void eventsStillNeverReplaceANewerVersion() {
        cases.upsert(List.of(SampleCases.item(1, "dispatched", 7, T0, null)));
        cases.upsert(List.of(SampleCases.item(1, "filed", 3, T0, null)));
        assertThat(cases.find(1).orElseThrow().item().version()).isEqualTo(7);
    }

    @Test
    void aRestoredRowShowsTheStateBeforeTheRefusedActionAndTakesThePlatformsNextRow() {
        cases.upsert(List.of(SampleCases.item(4, "reported", 1, T0, null)));
        cases.applyLocally(4, "accepted", 2, "accept");
        cases.restore(4, "reported", 1);
        CachedCase shown = cases.find(4).orElseThrow();
        assertThat(shown.item().state()).isEqualTo("reported");
        assertThat(shown.item().version()).isEqualTo(1);
        assertThat(shown.pending()).isNull();
        cases.upsert(List.of(SampleCases.item(4, "cancelled", 2, T0, null)));
        assertThat(cases.find(4).orElseThrow().item().state()).isEqualTo("cancelled");
    }
}
