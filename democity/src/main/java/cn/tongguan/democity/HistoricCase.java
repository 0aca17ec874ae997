package cn.tongguan.democity;

import java.time.Instant;
import java.util.List;

/**
 * A generated case with its whole timeline; the dates and counters are derived from the steps.
 *
 * @param difficult one of the 疑难案件 of the ledger
 * @param meetingAssigned a difficult case handed out at a monthly joint meeting
 * @param address road and door number of the spot (平原路128号)
 */
public record HistoricCase(long id, String caseNo, String source, String kind, String bigCode, String smallCode,
                           double lng, double lat, String districtCode, String streetCode, String communityCode,
                           String gridCode, String partCode, String address, String description, String urgency,
                           String reporterName, String reporterPhone, String departmentCode, int limitAmount,
                           String limitUnit, Instant deadline, int reworkCount, int backCount, int extensionCount,
                           boolean difficult, boolean meetingAssigned, List<CaseStep> steps) {

    public String state() {
        return steps.get(steps.size() - 1).toState();
    }

    public Instant reportedAt() {
        return steps.get(0).at();
    }

    public Instant updatedAt() {
        return steps.get(steps.size() - 1).at();
    }

    public Instant at(String action) {
        return steps.stream().filter(s -> s.action().equals(action)).map(CaseStep::at).findFirst().orElse(null);
    }

    /** The last 处置反馈 (after rework, the final one). */
    public Instant disposedAt() {
        Instant last = null;
        for (CaseStep s : steps) {
            if (s.action().equals("feedback")) {
                last = s.at();
            }
        }
        return last;
    }

    public Instant closedAt() {
        return "closed".equals(state()) ? updatedAt() : null;
    }

    public boolean disposedInTime() {
        Instant disposed = disposedAt();
        return disposed != null && deadline != null && !disposed.isAfter(deadline);
    }
}
