package cn.tongguan.democity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plays one case through the platform's workflow (the actions and states of {@code Workflow}), with
 * realistic delays between steps, and stops at {@code end}: a case reported an hour ago is still open.
 */
final class CaseScript {
    /** What happens to a case once dispatched. */
    enum Fate { NORMAL, STUCK_SUSPENDED, STUCK_HANDLING }

    private final List<CaseStep> steps = new ArrayList<>();
    private final SplittableRandom random;
    private final Instant end;
    private Instant now;
    private String state;
    private boolean truncated;
    int rework;
    int back;
    int extension;
    Instant deadline;

    CaseScript(SplittableRandom random, Instant reportedAt, Instant end) {
        this.random = random;
        this.end = end;
        this.now = reportedAt;
    }

    /** Records {@code action} after {@code minMinutes..maxMinutes}, unless that is after the end of history. */
    boolean step(String action, String to, String actor, String role, double minMinutes, double maxMinutes, String note) {
        if (truncated) {
            return false;
        }
        Instant at = now.plus(Duration.ofSeconds((long) (60 * (minMinutes + random.nextDouble() * (maxMinutes - minMinutes)))));
        return stepAt(action, to, actor, role, at, note);
    }

    boolean stepAt(String action, String to, String actor, String role, Instant at, String note) {
        if (truncated || at.isAfter(end)) {
            truncated = true;
            return false;
        }
        steps.add(new CaseStep(action, state, to, actor, role, at, note));
        now = at;
        state = to;
        return true;
    }

    Instant now() {
        return now;
    }

    boolean truncated() {
        return truncated;
    }

    List<CaseStep> steps() {
        return steps;
    }

    /** Work from dispatch to feedback: {@code fraction} of the limit, computed on the deadline calendar. */
    Instant atFractionOfLimit(Instant start, double fraction) {
        long span = Duration.between(start, deadline).toSeconds();
        return start.plusSeconds(Math.max(600, (long) (span * fraction)));
    }

    SplittableRandom random() {
        return random;
    }
}
