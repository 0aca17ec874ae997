package cn.tongguan.platform.cases;

import cn.tongguan.api.Reference;
import cn.tongguan.platform.workflow.WorkCalendar;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * What each workflow action does to a case record besides its state: the disposal clock (start, stop,
 * extend on the working calendar), counters, department, in-time flags. Shared by live transitions
 * ({@link CaseService}) and the bulk import of case history ({@link CaseHistoryImport}), so that a
 * generated history and a live case keep time the same way.
 */
final class CaseEffects {
    private final Supplier<WorkCalendar> calendar;

    CaseEffects(Supplier<WorkCalendar> calendar) {
        this.calendar = calendar;
    }

    /** 派遣: the department takes the case and the clock starts with the category's limit. */
    void dispatch(CaseRecord r, String departmentCode, Reference.TimeLimit limit, long now) {
        r.departmentCode = departmentCode;
        r.dispatchedAt = now;
        r.limitAmount = limit.amount();
        r.limitUnit = limit.unit();
        r.limitMinutes = calendar.get().limitMinutes(limit.amount(), limit.unit());
        r.consumedMinutes = 0L;
        r.frozenLight = null;
        startClock(r, now);
    }

    /** Every action but 派遣 ({@code hours} for 申请延期). */
    void apply(CaseRecord r, String action, Integer hours, long now) {
        switch (action) {
            case "file" -> r.filedAt = now;
            case "feedback" -> {
                stopClock(r, now);
                r.disposedAt = now;
                r.disposedInTime = r.consumedMinutes <= r.limitMinutes;
            }
            case "check_fail" -> {
                r.reworkCount++;
                r.disposedAt = null;
                r.disposedInTime = null;
                startClock(r, now);
            }
            case "close", "approve_self" -> {
                r.closedAt = now;
                r.closedInTime = "approve_self".equals(action) || Boolean.TRUE.equals(r.disposedInTime);
            }
            case "approve_back" -> {
                stopClock(r, now);
                r.backCount++;
                r.departmentCode = null;
                r.limitAmount = null;
                r.limitUnit = null;
                r.limitMinutes = null;
                r.consumedMinutes = null;
                r.warnAt = null;
                r.deadlineAt = null;
                r.frozenLight = null;
            }
            case "apply_extension" -> r.requestedHours = hours;
            case "approve_extension" -> {
                stopClock(r, now);
                r.extensionCount++;
                r.limitMinutes += r.requestedHours * 60L;
                r.requestedHours = null;
                startClock(r, now);
            }
            case "reject_extension" -> r.requestedHours = null;
            case "approve_suspend" -> stopClock(r, now);
            case "resume" -> startClock(r, now);
            default -> {
                // Pure state change.
            }
        }
    }

    private void startClock(CaseRecord r, long now) {
        WorkCalendar cal = calendar.get();
        boolean working = WorkCalendar.isWorkingClock(r.limitUnit);
        long remaining = r.limitMinutes - r.consumedMinutes;
        long toWarn = Math.max(0, cn.tongguan.api.CaseClock.warnMinutes(r.limitMinutes) - r.consumedMinutes);
        Instant start = Instant.ofEpochMilli(now);
        r.clockStartedAt = now;
        r.deadlineAt = cal.plus(start, remaining, working).toEpochMilli();
        r.warnAt = cal.plus(start, toWarn, working).toEpochMilli();
    }

    private void stopClock(CaseRecord r, long now) {
        if (r.clockStartedAt == null) {
            return;
        }
        boolean working = WorkCalendar.isWorkingClock(r.limitUnit);
        r.consumedMinutes += calendar.get().minutesBetween(Instant.ofEpochMilli(r.clockStartedAt),
                Instant.ofEpochMilli(now), working);
        // The light at the moment the clock stopped stays until it runs again.
        r.frozenLight = r.light(now);
        r.clockStartedAt = null;
    }
}
