package cn.tongguan.platform.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkCalendarTest {
    // 08:30–12:00, 13:30–17:30 Asia/Shanghai (UTC+8)
    private final WorkCalendar cal = WorkCalendar.standard(Map.of(LocalDate.of(2026, 10, 1), false, LocalDate.of(2026, 9, 27), true));

    @Test
    void workingHoursSkipLunchNightsAndWeekends() {
        // Friday 2026-11-27 17:00 + 1 working hour → Monday 09:00
        Instant fri = Instant.parse("2026-11-27T09:00:00Z");
        assertThat(cal.plus(fri, 60, true)).isEqualTo(Instant.parse("2026-11-30T01:00:00Z"));
        // Tuesday 11:30 + 1 h → 14:00 (lunch skipped)
        assertThat(cal.plus(Instant.parse("2026-11-24T03:30:00Z"), 60, true)).isEqualTo(Instant.parse("2026-11-24T06:00:00Z"));
        // natural hours ignore the calendar
        assertThat(cal.plus(fri, 60, false)).isEqualTo(Instant.parse("2026-11-27T10:00:00Z"));
    }

    @Test
    void holidaysAndMakeUpDaysComeFromData() {
        assertThat(cal.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse(); // Thursday, 国庆
        assertThat(cal.isWorkingDay(LocalDate.of(2026, 9, 27))).isTrue();  // Sunday, 调休
        assertThat(cal.minutesPerWorkDay()).isEqualTo(450);
        assertThat(cal.limitMinutes(2, "work_day")).isEqualTo(900);
    }

    @Test
    void minutesBetweenIsTheInverseOfPlus() {
        Instant start = Instant.parse("2026-11-24T02:17:00Z");
        for (long m : new long[] {1, 59, 200, 450, 451, 2000}) {
            Instant end = cal.plus(start, m, true);
            assertThat(cal.minutesBetween(start, end, true)).isEqualTo(m);
        }
    }
}
