package cn.tongguan.api.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The clocks tests run on. No test reads the machine's clock, zone or locale: a suite that passed in the
 * afternoon must pass at night on a machine in New York. Every clock here ticks (UI tests wait for real
 * work to happen) but starts at a chosen Beijing time of day on a fixed working day, so what the hall does by
 * the hour (the wall's day and night presets, working-day deadlines) is the same on every run.
 *
 * <p>{@link #suite()} is the clock of every test that does not care about the hour. CI runs the end-to-end and
 * UI suites a second time with {@code -Dtongguan.test.hall-time=23:30}, so the night is exercised too.
 */
public final class TestClocks {
    /** Where the hall is: its schedules and working days are Beijing time. */
    public static final ZoneId HALL = ZoneId.of("Asia/Shanghai");
    /** A Monday: a working day, not a public holiday, with working days before and after it. */
    public static final LocalDate DAY = LocalDate.of(2026, 6, 15);
    /** The system property naming the suite's Beijing time of day ({@code HH:mm}). */
    public static final String HALL_TIME = "tongguan.test.hall-time";
    /** The suite's default time of day: mid-morning, the hall at work. */
    public static final LocalTime MORNING = LocalTime.of(10, 30);
    /** Late evening: the wall shows its night preset (20:00–08:00). */
    public static final LocalTime NIGHT = LocalTime.of(23, 30);

    private TestClocks() {
    }

    /** A ticking clock that starts at {@code time} Beijing time on {@link #DAY}. */
    public static Clock at(LocalTime time) {
        return startingAt(DAY.atTime(time).atZone(HALL).toInstant());
    }

    /** A ticking clock that starts at {@code start}. */
    public static Clock startingAt(Instant start) {
        // The one place tests touch the machine's clock: only to tick, never to say what time it is.
        Clock machine = Clock.systemUTC();
        return Clock.offset(machine, Duration.between(machine.instant(), start));
    }

    /** The suite's clock: the Beijing time of day from {@value #HALL_TIME}, else {@link #MORNING}. */
    public static Clock suite() {
        return at(suiteTime());
    }

    /** The time of day the suite runs at. */
    public static LocalTime suiteTime() {
        String value = System.getProperty(HALL_TIME, "");
        return value.isBlank() ? MORNING : LocalTime.parse(value.trim());
    }
}
