package cn.tongguan.api;

/**
 * Evaluation figures (domain.md §4) for one group (department, district or street) over a period. Rates are
 * fractions 0..1, null when the denominator is zero.
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

    public record Report(String groupBy, java.time.Instant from, java.time.Instant to, java.util.List<Row> rows) {
    }
}
