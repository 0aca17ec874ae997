package cn.tongguan.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * The ledger of difficult cases (疑难案件台账) on the wire: marking a case difficult, the monthly joint
 * meeting's discussions (notes, decision, the department that claims it, a new deadline, 现场交办), and
 * the ledger's own figures. An entry closes when its case closes.
 */
public final class Ledger {
    private Ledger() {
    }

    /** {@code POST /api/v1/cases/{id}/difficult}: why the case goes into the ledger. */
    public record Mark(String reason) {
        public Mark {
            Invalid.maxLength("reason", Invalid.required("reason", reason), 1000);
        }
    }

    /**
     * {@code POST /api/v1/ledger/{id}/discussions}: what the meeting said and decided about the case;
     * {@code assignedOnTheSpot} (现场交办) absent means false.
     */
    public record NewDiscussion(String notes, String decision, String departmentCode, Instant deadline,
                                Boolean assignedOnTheSpot) {
        public NewDiscussion {
            assignedOnTheSpot = Boolean.TRUE.equals(assignedOnTheSpot);
            Invalid.maxLength("notes", Invalid.required("notes", notes), 2000);
            Invalid.maxLength("decision", decision, 1000);
            Invalid.maxLength("departmentCode", departmentCode, 32);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Discussion(int seq, Instant at, String by, String notes, String decision, String departmentCode,
                             Instant deadline, boolean assignedOnTheSpot) {
    }

    /**
     * One entry: the case as it stands ({@code caseState}, its department), why and when it was listed, the
     * department that claimed it and the deadline a meeting set, when it was assigned on the spot, when it
     * closed; {@code overdue} = open past the meeting's deadline (or the case's own when none was set).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(long caseId, String caseNo, String caseState, String smallCode, String districtCode,
                        String caseDepartmentCode, Instant listedAt, String listedBy, String reason,
                        String claimedBy, Instant deadline, Instant assignedAt, Instant closedAt, boolean open,
                        boolean overdue, long ageDays, List<Discussion> discussions) {
    }

    /** The ledger's figures for one department (the claiming one, else the case's). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DepartmentFigures(String departmentCode, String name, long total, long open, long closed,
                                    long assignedOnTheSpot, long overdue) {
    }

    /** {@code GET /api/v1/ledger/figures}. */
    public record Figures(long total, long open, long closed, long assignedOnTheSpot, long overdue,
                          List<DepartmentFigures> byDepartment) {
    }
}
