package cn.tongguan.platform.reports;

import cn.tongguan.platform.http.Call;
import cn.tongguan.reports.model.ReportKind;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A report's period in the hall's calendar (Asia/Shanghai): days [{@code first}, {@code end}) with its code
 * ({@code 2026-10-31}, {@code 2026-W44}, {@code 2026-10}) and label (2026年10月). The previous period (环比) and the
 * same period a year earlier (同比) are the evaluation's ({@link cn.tongguan.platform.evaluation.Periods.Span}).
 */
public record ReportPeriod(ReportKind kind, String code, LocalDate first, LocalDate end, String label) {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

    /** Parses a wire period; anything malformed is a 400 naming the field {@code period}. */
    public static ReportPeriod parse(ReportKind kind, String code) {
        try {
            return switch (kind) {
                case DAILY -> day(LocalDate.parse(code));
                case WEEKLY -> {
                    Matcher m = WEEK.matcher(code);
                    if (!m.matches()) {
                        throw new IllegalArgumentException(code);
                    }
                    int week = Integer.parseInt(m.group(2));
                    LocalDate probe = LocalDate.of(Integer.parseInt(m.group(1)), 6, 1);
                    if (week < 1 || week > probe.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
                        throw new IllegalArgumentException(code);
                    }
                    yield week(probe.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY));
                }
                case MONTHLY -> month(YearMonth.parse(code));
            };
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw Call.invalid("period", "invalid_period");
        }
    }

    public static ReportPeriod day(LocalDate d) {
        return new ReportPeriod(ReportKind.DAILY, d.toString(), d, d.plusDays(1),
                d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日");
    }

    public static ReportPeriod week(LocalDate anyDay) {
        LocalDate monday = anyDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        int year = monday.get(IsoFields.WEEK_BASED_YEAR);
        int week = monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        LocalDate sunday = monday.plusDays(6);
        return new ReportPeriod(ReportKind.WEEKLY, String.format("%d-W%02d", year, week), monday, monday.plusDays(7),
                year + "年第" + week + "周（" + monday.getMonthValue() + "月" + monday.getDayOfMonth() + "日—"
                        + sunday.getMonthValue() + "月" + sunday.getDayOfMonth() + "日）");
    }

    public static ReportPeriod month(YearMonth m) {
        return new ReportPeriod(ReportKind.MONTHLY, m.toString(), m.atDay(1), m.plusMonths(1).atDay(1),
                m.getYear() + "年" + m.getMonthValue() + "月");
    }

    public Instant from() {
        return first.atStartOfDay(ZONE).toInstant();
    }

    public Instant to() {
        return end.atStartOfDay(ZONE).toInstant();
    }

    /** The last complete period of this kind before {@code now} — what the scheduler reports on. */
    public static ReportPeriod lastComplete(ReportKind kind, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZONE);
        return switch (kind) {
            case DAILY -> day(today.minusDays(1));
            case WEEKLY -> week(today.minusWeeks(1));
            case MONTHLY -> month(YearMonth.from(today).minusMonths(1));
        };
    }

    /** Whether the period has not ended yet at {@code now} (a report on it would be partial). */
    public boolean endsAfter(Instant now) {
        return to().isAfter(now);
    }
}
