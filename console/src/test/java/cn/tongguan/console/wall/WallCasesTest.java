package cn.tongguan.console.wall;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.Cases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wall's open cases: a snapshot replaces them, events add, move and finish them, districts are counted. */
class WallCasesTest {
    private static final Instant T0 = Instant.parse("2026-06-15T02:30:00Z");

    @Test
    void aSnapshotThenEventsKeepTheOpenCasesAndTheirDistrictCounts() {
        WallCases cases = new WallCases();
        assertThat(cases.reset(List.of(open(1, "410702"), open(2, "410702"), open(3, "410703"),
                finished(4, "410703", "closed")))).isEmpty();
        assertThat(cases.size()).isEqualTo(3);
        assertThat(cases.count("410702")).isEqualTo(2);
        assertThat(cases.count("410703")).isEqualTo(1);

        cases.changed(open(2, "410703"));
        cases.changed(finished(1, "410702", "cancelled"));
        cases.changed(open(5, null));
        assertThat(cases.count("410702")).isZero();
        assertThat(cases.count("410703")).isEqualTo(2);
        assertThat(cases.isOpen(1)).isFalse();
        assertThat(cases.size()).isEqualTo(3);

        // The next connection's snapshot: what is no longer open is named, so the map can take it off.
        assertThat(cases.reset(List.of(open(3, "410703")))).containsExactlyInAnyOrder(2L, 5L);
        assertThat(cases.count("410703")).isEqualTo(1);
    }

    @Test
    void theLightIsTheSeatsRuleCountedDownOnTheClock() {
        Cases.Case reported = WallCaseMark.of(open(1, "410702")).toCase();
        // Dispatched with ten hours, the platform's warn time at eight (its working time, ADR 0140).
        Cases.Case running = new WallCaseMark(1, 113.9, 35.3, "410702", "dispatched", "green",
                T0.plus(Duration.ofHours(8)), T0.plus(Duration.ofHours(10)), T0).toCase();
        assertThat(WallCases.light(running, T0.plus(Duration.ofHours(1)))).isEqualTo("green");
        assertThat(WallCases.light(running, T0.plus(Duration.ofHours(7)))).isEqualTo("green");
        assertThat(WallCases.light(running, T0.plus(Duration.ofHours(9)))).isEqualTo("yellow");
        assertThat(WallCases.light(running, T0.plus(Duration.ofHours(11)))).isEqualTo("red");
        // Reported, not dispatched: no clock, the platform's light (none) stays.
        assertThat(WallCases.light(reported, T0.plus(Duration.ofDays(30)))).isNull();
    }

    private static Cases.Case open(long id, String district) {
        return new WallCaseMark(id, 113.9, 35.3, district, "reported", null, null, null, T0).toCase();
    }

    private static Cases.Case finished(long id, String district, String state) {
        return new WallCaseMark(id, 113.9, 35.3, district, state, null, null, null, T0).toCase();
    }
}
