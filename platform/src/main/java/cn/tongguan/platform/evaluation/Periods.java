package cn.tongguan.platform.evaluation;

import cn.tongguan.api.Evaluation;
import cn.tongguan.platform.http.ApiException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.WeekFields;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluation periods in Asia/Shanghai days: {@code day:2026-10-05}, {@code week:2026-W43} (ISO weeks),
 * {@code month:2026-10}, {@code quarter:2026-Q3}, or custom dates {@code from}..{@code to} (both inclusive).
 * Each period knows the one before it (same length, just before) and the same period a year earlier.
 */
public final class Periods {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Pattern SPEC = Pattern.compile("(day|week|month|quarter):(.+)");
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final long MAX_DAYS = 3 * 366;

    /** A period as dates: [first, last] inclusive, and how it was asked. */
    public record Span(String kind, LocalDate first, LocalDate last, String label) {
        public Evaluation.Period period() {
            return new Evaluation.Period(label, first.atStartOfDay(ZONE).toInstant(),
                    last.plusDays(1).atStartOfDay(ZONE).toInstant());
        }

        public long days() {
            return ChronoUnit.DAYS.between(first, last) + 1;
        }

        /** The period just before: the previous day, week, month, quarter, or as many days before a custom span. */
        public Span previous() {
            return switch (kind) {
                case "day" -> day(first.minusDays(1));
                case "week" -> week(first.minusWeeks(1));
                case "month" -> month(YearMonth.from(first).minusMonths(1));
                case "quarter" -> quarter(first.minusMonths(3));
                default -> custom(first.minusDays(days()), first.minusDays(1));
            };
        }

        /** The same period a year before (同比): same day, ISO week number, month or quarter. */
        public Span lastYear() {
            return switch (kind) {
                case "day" -> day(first.minusYears(1));
                case "week" -> {
                    int w = first.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
                    int y = first.get(IsoFields.WEEK_BASED_YEAR) - 1;
                    LocalDate monday = LocalDate.of(y, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Math.min(w,
                            LocalDate.of(y, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR))).with(WeekFields.ISO.dayOfWeek(), 1);
                    yield week(monday);
                }
                case "month" -> month(YearMonth.from(first).minusYears(1));
                case "quarter" -> quarter(first.minusYears(1));
                default -> custom(first.minusYears(1), last.minusYears(1));
            };
        }
    }

    private Periods() {
    }

    /** From the query: {@code period} or {@code from}+{@code to}; 400 invalid_parameter naming what is wrong. */
    public static Span parse(String period, String from, String to) {
        if (period != null) {
            if (from != null || to != null) {
                throw invalid("period");
            }
            return parse(period);
        }
        if (from == null || to == null) {
            throw invalid(from == null ? "from" : "to");
        }
        LocalDate f = date(from, "from");
        LocalDate t = date(to, "to");
        if (t.isBefore(f) || ChronoUnit.DAYS.between(f, t) >= MAX_DAYS) {
            throw invalid("to");
        }
        return custom(f, t);
    }

    public static Span parse(String spec) {
        Matcher m = SPEC.matcher(spec);
        if (!m.matches()) {
            throw invalid("period");
        }
        String v = m.group(2);
        try {
            return switch (m.group(1)) {
                case "day" -> day(LocalDate.parse(v));
                case "month" -> month(YearMonth.parse(v));
                case "week" -> {
                    Matcher w = WEEK.matcher(v);
                    if (!w.matches()) {
                        throw invalid("period");
                    }
                    int year = Integer.parseInt(w.group(1));
                    int week = Integer.parseInt(w.group(2));
                    LocalDate jan4 = LocalDate.of(year, 1, 4);
                    if (week < 1 || week > LocalDate.of(year, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)) {
                        throw invalid("period");
                    }
                    yield week(jan4.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(WeekFields.ISO.dayOfWeek(), 1));
                }
                default -> {
                    Matcher q = QUARTER.matcher(v);
                    if (!q.matches()) {
                        throw invalid("period");
                    }
                    yield quarter(LocalDate.of(Integer.parseInt(q.group(1)), (Integer.parseInt(q.group(2)) - 1) * 3 + 1, 1));
                }
            };
        } catch (DateTimeException e) {
            throw invalid("period");
        }
    }

    static Span day(LocalDate d) {
        return new Span("day", d, d, "day:" + d);
    }

    static Span week(LocalDate monday) {
        int w = monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        int y = monday.get(IsoFields.WEEK_BASED_YEAR);
        return new Span("week", monday, monday.plusDays(6), String.format("week:%d-W%02d", y, w));
    }

    static Span month(YearMonth m) {
        return new Span("month", m.atDay(1), m.atEndOfMonth(), "month:" + m);
    }

    static Span quarter(LocalDate anyDay) {
        int q = (anyDay.getMonthValue() - 1) / 3;
        LocalDate first = LocalDate.of(anyDay.getYear(), q * 3 + 1, 1);
        return new Span("quarter", first, first.plusMonths(3).minusDays(1), "quarter:" + first.getYear() + "-Q" + (q + 1));
    }

    static Span custom(LocalDate first, LocalDate last) {
        return new Span("custom", first, last, first + ".." + last);
    }

    private static LocalDate date(String v, String name) {
        try {
            return v.length() > 10 ? LocalDate.ofInstant(Instant.parse(v), ZONE) : LocalDate.parse(v);
        } catch (DateTimeException e) {
            throw invalid(name);
        }
    }

    private static ApiException invalid(String name) {
        return new ApiException(400, "invalid_parameter", Map.of("parameter", name), name);
    }
}
