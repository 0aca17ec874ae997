package cn.tongguan.console.queue;

import java.util.List;

/**
 * The tabs of the seat's queue and the workflow states each gathers. {@link #OVERDUE} is not a set of states but
 * "the disposal clock runs and the deadline has passed".
 */
public enum QueueTab {
    PENDING_ACCEPT(List.of("reported", "verifying", "self_handled")),
    PENDING_FILE(List.of("accepted")),
    PENDING_DISPATCH(List.of("filed", "void_requested")),
    HANDLING(List.of("dispatched", "handling", "back_requested", "extension_requested", "suspension_requested",
            "suspended")),
    PENDING_CHECK(List.of("feedback", "checking", "checked")),
    OVERDUE(cn.tongguan.api.CaseClock.CLOCK_RUNS),
    ALL(List.of());

    private final List<String> states;

    QueueTab(List<String> states) {
        this.states = states;
    }

    /** The states of this tab; empty for {@link #ALL}. */
    public List<String> states() {
        return states;
    }
}
