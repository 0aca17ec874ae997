package cn.tongguan.platform.reports;

import cn.tongguan.api.Cases;
import cn.tongguan.platform.auth.Principal;
import cn.tongguan.platform.auth.Role;
import cn.tongguan.platform.cases.CaseQueries;
import cn.tongguan.reports.model.Ledger;
import cn.tongguan.reports.model.LedgerRow;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The report's difficult-case ledger (疑难案件台账) as it stood at the end of the period, from the ledger the
 * meeting keeps ({@link CaseQueries#difficult}): cases listed before the period ended, with "assigned on the
 * spot" only if that happened before it ended.
 */
final class ReportLedger {
    static final Map<String, String> STATE_NAMES = Map.ofEntries(Map.entry("reported", "待受理"),
            Map.entry("verifying", "核实中"), Map.entry("accepted", "已受理"), Map.entry("filed", "已立案"),
            Map.entry("dispatched", "已派遣"), Map.entry("handling", "处置中"), Map.entry("feedback", "已反馈"),
            Map.entry("checking", "核查中"), Map.entry("checked", "已核查"), Map.entry("closed", "已结案"),
            Map.entry("suspended", "挂账"), Map.entry("suspension_requested", "申请挂账"),
            Map.entry("extension_requested", "申请延期"), Map.entry("back_requested", "申请回退"),
            Map.entry("cancelled", "已作废"), Map.entry("void", "已作废"), Map.entry("void_requested", "申请作废"),
            Map.entry("self_handled", "自处理"));
    /** The ledger is read as the hall's leaders see it (no masking of their own view). */
    private static final Principal READER = new Principal("reports", "报表", Role.LEADER, null);

    private final CaseQueries cases;

    ReportLedger(CaseQueries cases) {
        this.cases = cases;
    }

    Ledger of(ReportPeriod p, ReportQueries.Names names) {
        List<LedgerRow> rows = new ArrayList<>();
        long assigned = 0;
        long closed = 0;
        long overdue = 0;
        for (Cases.DifficultCase d : cases.difficult(READER)) {
            if (!d.listedAt().isBefore(p.to())) {
                continue; // listed after the period: not yet in this report's ledger
            }
            Cases.Case c = d.item();
            boolean isClosed = "closed".equals(c.state());
            boolean onSpot = d.assignedAt() != null && d.assignedAt().isBefore(p.to());
            assigned += onSpot ? 1 : 0;
            closed += isClosed ? 1 : 0;
            overdue += c.overdue() ? 1 : 0;
            rows.add(new LedgerRow(c.caseNo(), names.of(names.classes(), c.smallCode()),
                    place(names, c.districtCode(), c.streetCode()),
                    names.of(names.departments(), c.departmentCode()), day(d.listedAt()),
                    onSpot ? day(d.assignedAt()) : null, STATE_NAMES.getOrDefault(c.state(), c.state()), c.overdue(),
                    d.note()));
        }
        rows.sort(Comparator.comparing(LedgerRow::listed).thenComparing(LedgerRow::caseNo));
        return new Ledger(rows.size(), assigned, closed, overdue, rows);
    }

    /** 红旗区西街街道; a missing level is left out rather than shown as a dash. */
    static String place(ReportQueries.Names names, String district, String street) {
        return cn.tongguan.api.Places.name(names.divisions(), "", district, street);
    }

    private static LocalDate day(Instant i) {
        return LocalDate.ofInstant(i, ReportPeriod.ZONE);
    }
}
