package cn.tongguan.democity;

import java.time.Instant;

/**
 * Where a disposal limit ends: the platform's working calendar in production, so that generated history
 * and live cases share one notion of "on time".
 */
@FunctionalInterface
public interface DeadlineCalendar {
    Instant deadline(Instant start, int amount, String unit);
}
