package cn.tongguan.console.support;

import cn.tongguan.api.Cases;
import java.time.Instant;

/** Cases as the platform would send them, for cache and view-model tests (and the bench). */
public final class SampleCases {
    public static final Instant T0 = Instant.parse("2026-11-20T02:00:00Z");

    private SampleCases() {
    }

    /**
     * A 暴露垃圾 case in 红旗区; with a deadline it was dispatched to D01 ten hours before it, and the platform's
     * warn time is two hours before the deadline (80 % of the ten).
     */
    public static Cases.Case item(long id, String state, long version, Instant reported, Instant deadline) {
        Instant dispatched = deadline == null ? null : deadline.minusSeconds(10 * 3600);
        return new Cases.Case(id, "20261120" + String.format("%06d", id), state, "inspector", "event", "06", "06010",
                113.9, 35.3, "410702", "410702001", "410702001001", "410702001001001", null, "平原路 " + id,
                "暴露垃圾 " + id, "normal", "张三", "13812345678", deadline == null ? null : "D01", version, reported,
                reported, null, dispatched, null, null, deadline, 1, "work_day", deadline == null ? null : "green",
                false, 0, 0, 0, null, deadline == null ? null : deadline.minusSeconds(2 * 3600));
    }
}
