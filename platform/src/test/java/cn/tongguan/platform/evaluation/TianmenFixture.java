package cn.tongguan.platform.evaluation;

import cn.tongguan.platform.PlatformServer;
import cn.tongguan.platform.cases.CaseHistoryImport;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * October 2026 built to the Tianmen check (domain.md §4.1: 受理 1054, 立案 996, 应结案 972, 结案 911, 按期结案 737)
 * and imported through the platform's history import, so every flag is what the workflow computes. Groups:
 * <pre>
 *   A  30 cancelled (不予受理)                  B  28 accepted, not filed
 *   C  24 filed then voided                    D1 657 closed in time, D01 (20 of them reworked, 66 from 12345)
 *   D2 80 closed in time, D02                  E1 164 closed late, D01
 *   E2 10 closed late, D02, all reworked       F  10 disposed in time, waiting for check, D01
 *   G1 41 handling past the deadline, D01      G2 10 handling past the deadline, D02
 * </pre>
 * Inspector insp1 reports every case but the hotline ones (op1 registers those) and checks every disposal:
 * within 30 minutes of 发核查 for D and F groups, two hours after it for E groups. The default time limit
 * (one working day) applies: in-time feedback comes an hour after dispatch, late feedback seven days after.
 */
final class TianmenFixture {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String D = "410702";
    private static final String S = "410702001";
    private static final String C = "410702001001";

    private final List<CaseHistoryImport.HistoricCase> cases = new ArrayList<>();
    private long id;

    static void load(PlatformServer server) {
        TianmenFixture f = new TianmenFixture();
        f.group(30, "A", null, false, false);
        f.group(28, "B", null, false, false);
        f.group(24, "C", null, false, false);
        f.group(657, "D", "D01", true, false);
        f.group(80, "D", "D02", false, false);
        f.group(164, "E", "D01", false, false);
        f.group(10, "E", "D02", false, true);
        f.group(10, "F", "D01", false, false);
        f.group(41, "G", "D01", false, false);
        f.group(10, "G", "D02", false, false);
        try (CaseHistoryImport history = server.historyImport()) {
            f.cases.forEach(history::add);
        }
    }

    /** D1 reworks its first 20 cases and takes every tenth from 12345; E2 reworks all. */
    private void group(int n, String kind, String dept, boolean d1, boolean allRework) {
        for (int i = 0; i < n; i++) {
            boolean hotline = d1 && i % 10 == 0;
            boolean rework = allRework || (d1 && i >= 1 && i <= 20);
            add(kind, dept, hotline, rework);
        }
    }

    private void add(String group, String dept, boolean hotline, boolean rework) {
        id++;
        LocalDate day = LocalDate.of(2026, 10, 12).plusDays(id % 18);
        Instant t = day.atTime(9, 0).atZone(ZONE).toInstant();
        List<CaseHistoryImport.Step> steps = new ArrayList<>();
        String[] state = {null};
        Instant[] at = {t};
        Step s = (action, to, actor, role, after, department) -> {
            at[0] = at[0].plus(after);
            steps.add(new CaseHistoryImport.Step(action, state[0], to, actor, role, at[0], null, department, null));
            state[0] = to;
        };
        s.go("report", "reported", hotline ? "op1" : "insp1", hotline ? "operator" : "inspector", Duration.ZERO, null);
        if (group.equals("A")) {
            s.go("reject", "cancelled", "op1", "operator", Duration.ofMinutes(5), null);
        } else {
            s.go("accept", "accepted", "op1", "operator", Duration.ofMinutes(5), null);
        }
        if (!group.equals("A") && !group.equals("B")) {
            s.go("file", "filed", "shift_leader", "shift_leader", Duration.ofMinutes(5), null);
        }
        if (group.equals("C")) {
            s.go("apply_void", "void_requested", "op1", "operator", Duration.ofMinutes(5), null);
            s.go("approve_void", "void", "shift_leader", "shift_leader", Duration.ofMinutes(5), null);
        }
        if (dept != null) {
            s.go("dispatch", "dispatched", "disp1", "dispatcher", Duration.ofMinutes(50), dept);
            s.go("start", "handling", "dept1", "department", Duration.ofMinutes(5), null);
        }
        boolean late = group.equals("E");
        Duration feedback = late ? Duration.ofDays(7) : Duration.ofMinutes(55);
        Duration check = late ? Duration.ofHours(2) : Duration.ofMinutes(30);
        if (group.equals("D") || group.equals("E") || group.equals("F")) {
            s.go("feedback", "feedback", "dept1", "department", feedback, null);
        }
        if (rework) {
            s.go("send_check", "checking", "op1", "operator", Duration.ofMinutes(10), null);
            s.go("check_fail", "handling", "insp1", "inspector", check, null);
            s.go("feedback", "feedback", "dept1", "department", late ? Duration.ofDays(7) : Duration.ofMinutes(30), null);
        }
        if (group.equals("D") || group.equals("E")) {
            s.go("send_check", "checking", "op1", "operator", Duration.ofMinutes(10), null);
            s.go("check_ok", "checked", "insp1", "inspector", check, null);
            s.go("close", "closed", "shift_leader", "shift_leader", Duration.ofMinutes(10), null);
        }
        cases.add(new CaseHistoryImport.HistoricCase(id, day.toString().replace("-", "") + String.format("%06d", id),
                hotline ? "hotline_12345" : "inspector", "event", "06", "99999", 113.88, 35.30, D, S, C, "410702001001001",
                null, "fixture", "normal", null, null, steps, null));
    }

    @FunctionalInterface
    private interface Step {
        void go(String action, String to, String actor, String role, Duration after, String department);
    }
}
