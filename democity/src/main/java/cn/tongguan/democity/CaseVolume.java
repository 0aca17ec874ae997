package cn.tongguan.democity;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * How many cases each day brings: about 1,250 a day, fewer at weekends (patrols are thinner), more in
 * summer (waste, barbecues, waterlogging) and in the week of a rainstorm; split by largest remainder so
 * that the days add up to the total exactly.
 */
final class CaseVolume {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final LocalDate first;
    private final int[] perDay;
    private final long[] firstIndex;

    CaseVolume(LocalDate first, LocalDate endExclusive, int total) {
        this.first = first;
        int days = (int) ChronoUnit.DAYS.between(first, endExclusive);
        double[] weight = new double[days];
        double sum = 0;
        for (int d = 0; d < days; d++) {
            weight[d] = weight(first.plusDays(d));
            sum += weight[d];
        }
        perDay = new int[days];
        double[] remainder = new double[days];
        int assigned = 0;
        for (int d = 0; d < days; d++) {
            double exact = total * weight[d] / sum;
            perDay[d] = (int) exact;
            remainder[d] = exact - perDay[d];
            assigned += perDay[d];
        }
        Integer[] order = new Integer[days];
        for (int d = 0; d < days; d++) {
            order[d] = d;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(remainder[b], remainder[a]) != 0
                ? Double.compare(remainder[b], remainder[a]) : Integer.compare(a, b));
        for (int k = 0; assigned < total; k++, assigned++) {
            perDay[order[k % days]]++;
        }
        firstIndex = new long[days + 1];
        for (int d = 0; d < days; d++) {
            firstIndex[d + 1] = firstIndex[d] + perDay[d];
        }
    }

    static double weight(LocalDate day) {
        double weekday = switch (day.getDayOfWeek()) {
            case SATURDAY, SUNDAY -> 0.72;
            default -> 1.0;
        };
        double season = 1 + 0.18 * Math.cos(2 * Math.PI * (day.getDayOfYear() - 196) / 365.0);
        // The week after a July rainstorm (as in 2021-07-21) floods the hall with cases.
        double storm = day.getMonthValue() == 7 && day.getDayOfMonth() >= 21 && day.getDayOfMonth() <= 27 ? 1.6 : 1.0;
        double festival = day.getMonthValue() == 2 && day.getDayOfMonth() <= 10 ? 0.6 : 1.0;
        return weekday * season * storm * festival;
    }

    int days() {
        return perDay.length;
    }

    LocalDate day(int d) {
        return first.plusDays(d);
    }

    int count(int d) {
        return perDay[d];
    }

    /** Index of the first case of day {@code d} (cases are numbered in report order). */
    long firstIndex(int d) {
        return firstIndex[d];
    }
}
