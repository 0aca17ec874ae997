package cn.tongguan.console.cache;

import cn.tongguan.console.queue.QueueTab;
import cn.tongguan.console.queue.QueueQuery;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.Cases;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import cn.tongguan.console.support.SampleCases;

class CaseCacheTest {
    static final Instant T0 = SampleCases.T0;
    private final CacheDatabase db = CacheDatabase.inMemory("cases-" + UUID.randomUUID());
    private final CaseCache cases = new CaseCache(db);

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void bulkFillIntoAnEmptyCacheIsQueryableByTab() {
        try (BulkFill fill = cases.bulkFill()) {
            for (int i = 1; i <= 5000; i++) {
                String state = i % 5 == 0 ? "reported" : "closed";
                fill.add(SampleCases.item(i, state, 3, T0.plusSeconds(i), null));
            }
        }
        assertThat(cases.count()).isEqualTo(5000);
        List<CachedCase> rows = cases.queue(QueueQuery.of(QueueTab.PENDING_ACCEPT), T0.toEpochMilli());
        assertThat(rows).hasSize(1000);
        assertThat(rows.get(0).id()).isEqualTo(5000);
        assertThat(rows).allMatch(r -> r.item().state().equals("reported"));
        assertThat(cases.counts(QueueQuery.of(QueueTab.ALL), T0.toEpochMilli()).get(QueueTab.PENDING_ACCEPT))
                .isEqualTo(1000);
    }

    @Test
    void aFinishedCaseMovesToTheClosedTableAndStaysInAllAndInFind() throws Exception {
        cases.upsert(List.of(SampleCases.item(21, "checked", 8, T0, null), SampleCases.item(22, "reported", 1,
                T0.plusSeconds(1), null)));
        cases.upsert(List.of(SampleCases.item(21, "closed", 9, T0, null)));
        assertThat(rowsIn("cases")).containsExactly(22L);
        assertThat(rowsIn("closed_cases")).containsExactly(21L);
        assertThat(cases.count()).isEqualTo(2);
        assertThat(cases.find(21).orElseThrow().item().state()).isEqualTo("closed");
        assertThat(cases.queue(QueueQuery.of(QueueTab.ALL), T0.toEpochMilli())).extracting(CachedCase::id)
                .containsExactly(22L, 21L);
        assertThat(cases.queue(QueueQuery.of(QueueTab.PENDING_CHECK), T0.toEpochMilli())).isEmpty();
        // A stale event of the open case must not bring it back beside the closed one.
        cases.upsert(List.of(SampleCases.item(21, "checked", 8, T0, null)));
        assertThat(rowsIn("cases")).containsExactly(22L);
        assertThat(cases.find(21).orElseThrow().item().state()).isEqualTo("closed");
        // A duplicate report next to a closed case still finds it.
        assertThat(cases.duplicatesOf(SampleCases.item(23, "reported", 1, T0.plusSeconds(60), null), 50,
                java.time.Duration.ofHours(48))).extracting(CachedCase::id).containsExactlyInAnyOrder(21L, 22L);
    }

    @Test
    void aCacheFromBeforeTheSplitMovesItsFinishedCasesOnOpening(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        CacheDatabase before = CacheDatabase.open(dir);
        new CaseCache(before).upsert(List.of(SampleCases.item(2, "handling", 2, T0, null)));
        try (java.sql.Connection c = before.connection(); java.sql.Statement s = c.createStatement()) {
            // As an older console left it: one table with every case in it.
            s.execute("DROP TABLE closed_cases");
            s.execute("INSERT INTO cases (id, state, version) VALUES (1, 'closed', 3), (3, 'void', 4)");
        }
        before.close();
        CacheDatabase after = CacheDatabase.open(dir);
        try (java.sql.Connection c = after.connection(); java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT (SELECT COUNT(*) FROM cases), (SELECT COUNT(*) FROM closed_cases)")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(1);
            assertThat(rs.getLong(2)).isEqualTo(2);
        } finally {
            after.close();
        }
    }

    private List<Long> rowsIn(String table) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (java.sql.Connection c = db.connection(); java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT id FROM " + table + " ORDER BY id")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    @Test
    void anOlderVersionNeverReplacesANewerOne() {
        cases.upsert(List.of(SampleCases.item(7, "filed", 5, T0, null)));
        cases.upsert(List.of(SampleCases.item(7, "accepted", 4, T0, null)));
        assertThat(cases.find(7).orElseThrow().item().state()).isEqualTo("filed");
        cases.upsert(List.of(SampleCases.item(7, "dispatched", 6, T0, null)));
        assertThat(cases.find(7).orElseThrow().item().state()).isEqualTo("dispatched");
    }

    @Test
    void aCaseComesBackFromItsRowAsItWasStoredEveryFieldIncluded() {
        // Every field set, none equal to another, so a column bound or read in the wrong place shows.
        Cases.Case full = new Cases.Case(31, "20261120000031", "handling", "hotline", "event", "06", "06010", 113.91,
                35.31, "410702", "410702001", "410702001001", "410702001001001", "0101410702000123", "平原路 31 号",
                "暴露垃圾 31", "urgent", "张三", "138****5678", "D03", 7, T0, T0.plusSeconds(1), T0.plusSeconds(2),
                T0.plusSeconds(3), T0.plusSeconds(4), T0.plusSeconds(5), T0.plusSeconds(9), 2, "work_hour", "yellow",
                false, 1, 2, 3, "complaint", T0.plusSeconds(8));
        cases.upsert(List.of(full));
        assertThat(cases.find(31).orElseThrow().item()).isEqualTo(full);
        assertThat(cases.find(31).orElseThrow().warnAt()).isEqualTo(T0.plusSeconds(8).toEpochMilli());
    }

    @Test
    void theLightTurnsYellowAtThePlatformsWarnTimeNotAtEightyPercentOfTheWallClock() {
        // Dispatched Friday 16:00 with one working day: the platform's warn time is Monday 14:30 (80 % of the
        // working day, counted in working time). 80 % of the wall-clock time to the deadline would be Monday 01:36.
        Instant friday16 = Instant.parse("2026-11-20T08:00:00Z");
        Instant mondayWarn = Instant.parse("2026-11-23T06:30:00Z");
        Instant mondayDeadline = Instant.parse("2026-11-23T08:00:00Z");
        Cases.Case c = SampleCases.item(41, "dispatched", 3, friday16, mondayDeadline);
        Cases.Case sent = new Cases.Case(c.id(), c.caseNo(), c.state(), c.source(), c.kind(), c.bigCode(),
                c.smallCode(), c.lng(), c.lat(), c.districtCode(), c.streetCode(), c.communityCode(), c.gridCode(),
                c.partCode(), c.address(), c.description(), c.urgency(), c.reporterName(), c.reporterPhone(),
                c.departmentCode(), c.version(), c.reportedAt(), c.updatedAt(), c.filedAt(), friday16, null, null,
                mondayDeadline, 1, "work_day", "green", false, 0, 0, 0, null, mondayWarn);
        cases.upsert(List.of(sent));
        CachedCase cached = cases.find(41).orElseThrow();
        assertThat(cached.lightAt(Instant.parse("2026-11-22T17:36:00Z").toEpochMilli())).isEqualTo("green");
        assertThat(cached.lightAt(mondayWarn.minusSeconds(60).toEpochMilli())).isEqualTo("green");
        assertThat(cached.lightAt(mondayWarn.toEpochMilli())).isEqualTo("yellow");
        assertThat(cached.lightAt(mondayDeadline.plusSeconds(1).toEpochMilli())).isEqualTo("red");
    }

    @Test
    void eventsWithoutReporterKeepTheReporterTheCacheHad() {
        cases.upsert(List.of(SampleCases.item(8, "reported", 1, T0, null)));
        Cases.Case c = SampleCases.item(8, "accepted", 2, T0, null);
        Cases.Case withoutReporter = new Cases.Case(c.id(), c.caseNo(), c.state(), c.source(), c.kind(), c.bigCode(),
                c.smallCode(), c.lng(), c.lat(), c.districtCode(), c.streetCode(), c.communityCode(), c.gridCode(),
                c.partCode(), c.address(), c.description(), c.urgency(), null, null, c.departmentCode(), c.version(),
                c.reportedAt(), c.updatedAt(), c.filedAt(), c.dispatchedAt(), c.disposedAt(), c.closedAt(), c.deadline(),
                c.limitAmount(), c.limitUnit(), c.light(), c.overdue(), c.reworkCount(), c.backCount(),
                c.extensionCount(), c.requestType(), c.warnAt());
        cases.upsert(List.of(withoutReporter));
        CachedCase now = cases.find(8).orElseThrow();
        assertThat(now.item().state()).isEqualTo("accepted");
        assertThat(now.item().reporterPhone()).isEqualTo("13812345678");
    }

    @Test
    void overdueTabAndLightFilterFollowTheClock() {
        List<Cases.Case> items = new ArrayList<>();
        items.add(SampleCases.item(1, "handling", 4, T0, T0.plusSeconds(5 * 3600)));   // 5 h left of 10: green
        items.add(SampleCases.item(2, "handling", 4, T0, T0.minusSeconds(60)));        // overdue: red
        items.add(SampleCases.item(3, "dispatched", 4, T0, T0.plusSeconds(1200)));     // 20 min of 10 h left: yellow
        items.add(SampleCases.item(4, "closed", 9, T0, T0.minusSeconds(7200)));        // closed late: not in the overdue tab
        cases.upsert(items);
        long now = T0.toEpochMilli();
        assertThat(cases.queue(QueueQuery.of(QueueTab.OVERDUE), now)).extracting(CachedCase::id).containsExactly(2L);
        QueueQuery yellow = new QueueQuery(QueueTab.HANDLING, null, null, null, null, null, null, null, "yellow", null,
                null, 100);
        assertThat(cases.queue(yellow, now)).extracting(CachedCase::id).containsExactly(3L);
        assertThat(cases.find(1).orElseThrow().lightAt(now)).isEqualTo("green");
        Map<QueueTab, Long> counts = cases.counts(QueueQuery.of(QueueTab.ALL), now);
        assertThat(counts.get(QueueTab.HANDLING)).isEqualTo(3);
        assertThat(counts.get(QueueTab.OVERDUE)).isEqualTo(1);
    }

    @Test
    void textFindsCaseNumberAndDescription() {
        cases.upsert(List.of(SampleCases.item(11, "reported", 1, T0, null), SampleCases.item(12, "reported", 1, T0, null)));
        QueueQuery byNo = new QueueQuery(QueueTab.ALL, null, null, null, null, null, null, null, null,
                "20261120000012", null, 10);
        assertThat(cases.queue(byNo, 0)).extracting(CachedCase::id).containsExactly(12L);
        QueueQuery byText = new QueueQuery(QueueTab.ALL, null, null, null, null, null, null, null, null, "垃圾 11",
                null, 10);
        assertThat(cases.queue(byText, 0)).extracting(CachedCase::id).containsExactly(11L);
    }

    @Test
    void theJavaPredicateAgreesWithTheQueries() {
        List<Cases.Case> items = new ArrayList<>();
        String[] states = {"reported", "accepted", "filed", "handling", "dispatched", "checking", "closed", "suspended"};
        for (int i = 1; i <= 80; i++) {
            String state = states[i % states.length];
            boolean clock = Lights.CLOCK_RUNS.contains(state) || state.equals("closed");
            items.add(SampleCases.item(i, state, 2, T0.plusSeconds(i * 60L),
                    clock ? T0.plusSeconds((i % 7 - 3) * 3600L) : null));
        }
        cases.upsert(items);
        long now = T0.toEpochMilli();
        List<CachedCase> all = cases.queue(new QueueQuery(QueueTab.ALL, null, null, null, null, null, null, null, null,
                null, null, 1000), now);
        for (QueueTab tab : QueueTab.values()) {
            for (String light : new String[] {null, "red", "yellow", "green"}) {
                for (String text : new String[] {null, "2026112000001", "垃圾 3"}) {
                    QueueQuery q = new QueueQuery(tab, null, null, "410702", null, null, null, null, light, text, null,
                            1000);
                    assertThat(cases.queue(q, now)).extracting(CachedCase::id).as(tab + " " + light + " " + text)
                            .containsExactlyInAnyOrderElementsOf(all.stream()
                                    .filter(c -> QueueMatch.matches(q, c, now)).map(CachedCase::id).toList());
                }
            }
        }
    }
}
