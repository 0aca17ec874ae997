package cn.tongguan.platform.workflow;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Working time in Asia/Shanghai: working periods of a day (default 08:30–12:00 and 13:30–17:30), Monday to
 * Friday, with exceptions (holidays, 调休 working weekend days) as data. Natural-time clocks ({@code hour},
 * {@code day}) ignore it. Immutable: a changed calendar is a new instance.
 */
public final class WorkCalendar {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** One working period of a day. */
    public record Period(LocalTime start, LocalTime end) {
        public Period {
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("period ends before it starts: " + start + "-" + end);
            }
        }

        long minutes() {
            return java.time.Duration.between(start, end).toMinutes();
        }
    }

    private final List<Period> periods;
    private final Map<LocalDate, Boolean> exceptions;
    private final long minutesPerDay;

    public WorkCalendar(List<Period> periods, Map<LocalDate, Boolean> exceptions) {
        this.periods = List.copyOf(periods);
        this.exceptions = Map.copyOf(exceptions);
        this.minutesPerDay = periods.stream().mapToLong(Period::minutes).sum();
    }

    public static WorkCalendar standard(Map<LocalDate, Boolean> exceptions) {
        return new WorkCalendar(parsePeriods("08:30-12:00,13:30-17:30"), exceptions);
    }

    /** "08:30-12:00,13:30-17:30" → periods. */
    public static List<Period> parsePeriods(String spec) {
        List<Period> out = new ArrayList<>();
        for (String p : spec.split(",")) {
            String[] se = p.trim().split("-");
            out.add(new Period(LocalTime.parse(se[0].trim()), LocalTime.parse(se[1].trim())));
        }
        return out;
    }

    public long minutesPerWorkDay() {
        return minutesPerDay;
    }

    public boolean isWorkingDay(LocalDate d) {
        Boolean e = exceptions.get(d);
        if (e != null) {
            return e;
        }
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** Minutes of a limit on its clock: 工作日 = one full working day of this calendar. */
    public long limitMinutes(int amount, String unit) {
        return switch (unit) {
            case "work_day" -> amount * minutesPerDay;
            case "work_hour", "hour" -> amount * 60L;
            case "day" -> amount * 1440L;
            case "minute" -> amount;
            default -> throw new IllegalArgumentException("unknown unit " + unit);
        };
    }

    public static boolean isWorkingClock(String unit) {
        return "work_day".equals(unit) || "work_hour".equals(unit);
    }

    /** The instant {@code minutes} of clock time after {@code start}. */
    public Instant plus(Instant start, long minutes, boolean working) {
        if (minutes <= 0) {
            return start;
        }
        if (!working) {
            return start.plusSeconds(minutes * 60);
        }
        ZonedDateTime t = start.atZone(ZONE);
        LocalDate day = t.toLocalDate();
        long left = minutes * 60; // seconds
        boolean first = true;
        for (int guard = 0; guard < 20_000; guard++, day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                first = false;
                continue;
            }
            for (Period p : periods) {
                ZonedDateTime ps = day.atTime(p.start()).atZone(ZONE);
                ZonedDateTime pe = day.atTime(p.end()).atZone(ZONE);
                ZonedDateTime from = first && t.isAfter(ps) ? t : ps;
                if (!from.isBefore(pe)) {
                    continue;
                }
                long avail = java.time.Duration.between(from, pe).getSeconds();
                if (left <= avail) {
                    return from.plusSeconds(left).toInstant();
                }
                left -= avail;
            }
            first = false;
        }
        throw new IllegalStateException("no working time within 20,000 days");
    }

    /** Clock minutes between two instants ({@code 0} if {@code to} is not after {@code from}). */
    public long minutesBetween(Instant from, Instant to, boolean working) {
        if (!to.isAfter(from)) {
            return 0;
        }
        if (!working) {
            return (to.toEpochMilli() - from.toEpochMilli()) / 60_000;
        }
        ZonedDateTime a = from.atZone(ZONE);
        ZonedDateTime b = to.atZone(ZONE);
        long seconds = 0;
        for (LocalDate day = a.toLocalDate(); !day.isAfter(b.toLocalDate()); day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            for (Period p : periods) {
                ZonedDateTime ps = day.atTime(p.start()).atZone(ZONE);
                ZonedDateTime pe = day.atTime(p.end()).atZone(ZONE);
                ZonedDateTime s = a.isAfter(ps) ? a : ps;
                ZonedDateTime e = b.isBefore(pe) ? b : pe;
                if (e.isAfter(s)) {
                    seconds += java.time.Duration.between(s, e).getSeconds();
                }
            }
        }
        return seconds / 60;
    }
}
