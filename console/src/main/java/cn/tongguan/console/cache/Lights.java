package cn.tongguan.console.cache;

import cn.tongguan.api.CaseClock;
import java.util.List;

/**
 * The traffic light of the disposal clock as the seat shows it between events: the platform's deadline and warn
 * time (counted in the limit's own working time, {@link CaseClock}) compared with the seat's clock, so the queue
 * turns yellow and red on time without a new event. Where the clock does not run, the light the platform last sent
 * stays. The seat computes no moment of its own (issue 20: it used to warn at 80 % of wall-clock time).
 */
public final class Lights {
    /** States in which the platform's disposal clock runs. */
    public static final List<String> CLOCK_RUNS = CaseClock.CLOCK_RUNS;

    private Lights() {
    }

    public static String light(String state, Long deadline, Long warnAt, String platformLight, long now) {
        if (deadline == null || !CaseClock.runs(state)) {
            return platformLight;
        }
        return CaseClock.runningLight(deadline, warnAt, now);
    }
}
