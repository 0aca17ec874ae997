package cn.tongguan.api;

import java.util.List;

/**
 * The disposal clock's rules that both sides of the wire apply (domain.md §1.4), in one home: in which states
 * the clock runs, at what share of the time limit the light turns yellow, and the light of a running clock.
 * The platform computes the moments (deadline, warn time) in the limit's own time — working time for
 * {@code work_hour}/{@code work_day} — and sends them; the console only compares them with its clock, so the
 * seat and the platform never disagree on a light (issue 20).
 */
public final class CaseClock {
    /** The light turns yellow once this share of the time limit is used. */
    public static final double WARN_SHARE = 0.8;
    /** States in which the disposal clock runs. */
    public static final List<String> CLOCK_RUNS = List.of("dispatched", "handling", "back_requested",
            "extension_requested", "suspension_requested");

    private CaseClock() {
    }

    public static boolean runs(String state) {
        return state != null && CLOCK_RUNS.contains(state);
    }

    /** Minutes of the limit after which the light turns yellow (rounded up: yellow never comes early). */
    public static long warnMinutes(long limitMinutes) {
        return (long) Math.ceil(limitMinutes * WARN_SHARE);
    }

    /**
     * The light of a running clock at {@code now}: red after the deadline, yellow from {@code warnAt}, else
     * green. A {@code warnAt} of null (a peer that did not send it) never turns yellow before the deadline.
     */
    public static String runningLight(long deadline, Long warnAt, long now) {
        if (now > deadline) {
            return "red";
        }
        return warnAt != null && now >= warnAt ? "yellow" : "green";
    }
}
