package cn.tongguan.console.cache;

import java.util.List;

/**
 * The traffic light of the disposal clock, computed locally so that the queue counts down between events:
 * green until 80 % of the time limit, yellow until the deadline, red after it (domain.md §1.4). Where the clock
 * does not run, the light the platform last sent stays.
 */
public final class Lights {
    /** States in which the platform's disposal clock runs (its Workflow.clockRuns). */
    public static final List<String> CLOCK_RUNS = List.of("dispatched", "handling", "back_requested",
            "extension_requested", "suspension_requested");

    private Lights() {
    }

    /** When the light turns yellow: 80 % of the way from dispatch to deadline. */
    public static Long warnAt(Long dispatchedAt, Long deadline) {
        if (dispatchedAt == null || deadline == null) {
            return deadline;
        }
        return dispatchedAt + (long) ((deadline - dispatchedAt) * 0.8);
    }

    public static String light(String state, Long deadline, Long warnAt, String platformLight, long now) {
        if (deadline == null || !CLOCK_RUNS.contains(state)) {
            return platformLight;
        }
        if (now > deadline) {
            return "red";
        }
        return warnAt != null && now >= warnAt ? "yellow" : "green";
    }
}
