package cn.tongguan.api;

/**
 * Evaluation figures (domain.md §4) for one group (department, district or street) over a period. Rates are
 * fractions 0..1, null when the denominator is zero. Each count is an evaluation measure and each rate an
 * evaluation indicator of the platform's {@code indicators.json} (ADR 0142): the same figure as the meeting's.
 */
public final class Stats {
    private Stats() {
    }

    public record Row(String key, String name, long reported, long filed, long dispatched, long disposed,
                      long disposedInTime, long shouldClose, long closed, long closedInTime, long rework,
                      long extended, long overdueOpen, long voided,
                      Double disposeRate, Double inTimeDisposeRate, Double closeRate, Double inTimeCloseRate,
                      Double reworkRate, Double extensionRate, Double overdueRate) {
    }

    /**
     * The rows by group, and {@code total}: the whole city, every case of the period (those of no group too), with
     * the rates computed over the city's counts, not averaged from the rows. A platform from before ADR 0142 sends
     * no total; the wall then shows no city figures rather than summing rows itself.
     */
    public record Report(String groupBy, java.time.Instant from, java.time.Instant to, java.util.List<Row> rows, Row total) {
    }
}
