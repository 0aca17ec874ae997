package cn.tongguan.console.seat;

import cn.tongguan.console.i18n.Messages;
import cn.tongguan.console.sync.SyncStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * What the seat says while its first snapshot arrives: the fraction for the bar and the sentence with the counts
 * and an estimate ("正在下载案件快照：已收到 12,345 / 910,000 件（约 1 分 20 秒）"). The estimate assumes the rate
 * so far holds; times come from the caller's clock, never from here.
 */
record SnapshotProgress(double fraction, String text) {
    /** The bar without a known end (JavaFX's {@code ProgressBar.INDETERMINATE_PROGRESS}). */
    static final double INDETERMINATE = -1;

    static SnapshotProgress of(SyncStatus s, Instant started, Instant now, Messages messages) {
        long rows = s.snapshotRows();
        long total = s.snapshotTotal();
        if (SyncStatus.INDEXING.equals(s.detail())) {
            return new SnapshotProgress(INDETERMINATE, messages.text("sync.snapshot.indexing", rows));
        }
        if (total < 0) {
            return new SnapshotProgress(INDETERMINATE, messages.text("sync.snapshot", rows));
        }
        double fraction = total == 0 ? 1 : Math.min(1, (double) rows / total);
        return new SnapshotProgress(fraction,
                messages.text("sync.snapshot.progress", rows, total, estimate(rows, total, started, now, messages)));
    }

    private static String estimate(long rows, long total, Instant started, Instant now, Messages messages) {
        Duration elapsed = started == null ? Duration.ZERO : Duration.between(started, now);
        if (rows <= 0 || elapsed.isNegative() || elapsed.isZero()) {
            return messages.text("sync.snapshot.eta.unknown");
        }
        long left = Math.max(0, total - rows);
        long seconds = Math.round(elapsed.toMillis() / 1000.0 * left / rows);
        if (seconds < 60) {
            return messages.text("sync.snapshot.eta.seconds", seconds);
        }
        if (seconds < 3600) {
            return messages.text("sync.snapshot.eta.minutes", seconds / 60, seconds % 60);
        }
        return messages.text("sync.snapshot.eta.hours", seconds / 3600, seconds % 3600 / 60);
    }
}
