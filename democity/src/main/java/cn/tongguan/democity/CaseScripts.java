package cn.tongguan.democity;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * The course of a case through the workflow, step by step, with the people who act (受理员, 值班长, 派遣员,
 * 监督员, the department). Probabilities are the demo's assumptions, tuned so that the outcome rates match
 * Xinxiang's published figures.
 */
final class CaseScripts {
    private static final String OP = "operator";
    private static final String SL = "shift_leader";
    private static final String DISP = "dispatcher";
    private static final String INSP = "inspector";
    private static final String DEPT = "department";

    private final DeadlineCalendar calendar;

    CaseScripts(DeadlineCalendar calendar) {
        this.calendar = calendar;
    }

    CaseScript play(SplittableRandom random, Instant reported, Instant end, String source, String department,
                    String fallbackDepartment, int amount, String unit, CaseScript.Fate fate) {
        CaseScript s = new CaseScript(random, reported, end);
        String inspector = String.format("监督员%03d", 1 + random.nextInt(320));
        String operator = String.format("受理员%02d", 1 + random.nextInt(24));
        String leader = String.format("值班长%02d", 1 + random.nextInt(6));
        String dispatcher = String.format("派遣员%02d", 1 + random.nextInt(8));
        boolean byInspector = "inspector".equals(source);
        if (byInspector && random.nextDouble() < 0.08) {
            // 自处理: the inspector fixed it on the spot; the seat only reviews it.
            s.stepAt("report", "self_handled", inspector, INSP, reported, "当场自行处置");
            s.step("approve_self", "closed", operator, OP, 5, 60, null);
            return s;
        }
        s.stepAt("report", "reported", reporter(source, inspector), byInspector ? INSP : OP, reported, null);
        boolean needsVerify = source.startsWith("hotline") || "public".equals(source);
        if (needsVerify) {
            s.step("send_verify", "verifying", operator, OP, 3, 30, null);
            if (random.nextDouble() < 0.04) {
                s.step("verify_fail", "cancelled", inspector, INSP, 20, 180, "现场核实不属实");
                return s;
            }
            s.step("verify_ok", "accepted", inspector, INSP, 20, 180, "核实属实");
        } else {
            if (random.nextDouble() < 0.015) {
                s.step("reject", "cancelled", operator, OP, 2, 20, "不符合立案条件");
                return s;
            }
            s.step("accept", "accepted", operator, OP, 1, 15, null);
        }
        s.step("file", "filed", leader, SL, 2, 20, null);
        if (random.nextDouble() < 0.003) {
            s.step("apply_void", "void_requested", operator, OP, 2, 30, "重复上报");
            s.step("approve_void", "void", leader, SL, 5, 60, null);
            return s;
        }
        dispatch(s, dispatcher, department, amount, unit);
        if (random.nextDouble() < 0.015) {
            s.step("apply_back", "back_requested", department, DEPT, 20, 240, "非本单位职责");
            s.step("approve_back", "filed", dispatcher, DISP, 10, 90, "改派");
            s.back++;
            dispatch(s, dispatcher, fallbackDepartment, amount, unit);
        }
        s.step("start", "handling", department, DEPT, 5, 120, null);
        if (fate == CaseScript.Fate.STUCK_SUSPENDED) {
            s.step("apply_suspend", "suspension_requested", department, DEPT, 60, 2_880, "需工程立项，时限内无法完成");
            s.step("approve_suspend", "suspended", dispatcher, DISP, 30, 600, "同意挂账");
            return s;
        }
        if (fate == CaseScript.Fate.STUCK_HANDLING) {
            return s;
        }
        if (random.nextDouble() < 0.02) {
            int hours = 24 * (1 + random.nextInt(3));
            if (s.step("apply_extension", "extension_requested", department, DEPT, 30, 600, "申请延期" + hours + "小时")
                    && s.step("approve_extension", "handling", dispatcher, DISP, 10, 120, null)) {
                s.extension++;
                s.deadline = s.deadline.plus(Duration.ofHours(hours));
            }
        }
        if (random.nextDouble() < 0.005) {
            s.step("apply_suspend", "suspension_requested", department, DEPT, 60, 1_440, "等待配件");
            s.step("approve_suspend", "suspended", dispatcher, DISP, 30, 300, null);
            s.step("resume", "handling", department, DEPT, 1_440, 14_400, "恢复处置");
        }
        feedback(s, department, random.nextDouble() < 0.93 ? 0.1 + 0.85 * random.nextDouble() : 1.05 + 2 * random.nextDouble());
        check(s, department, operator, inspector);
        s.step("close", "closed", leader, SL, 5, 90, null);
        return s;
    }

    private void dispatch(CaseScript s, String dispatcher, String department, int amount, String unit) {
        if (s.step("dispatch", "dispatched", dispatcher, DISP, 2, 30, "派遣至" + department)) {
            s.deadline = calendar.deadline(s.now(), amount, unit);
        }
    }

    private static void feedback(CaseScript s, String department, double fractionOfLimit) {
        if (s.deadline == null) {
            return;
        }
        Instant at = s.atFractionOfLimit(s.now(), fractionOfLimit);
        s.stepAt("feedback", "feedback", department, DEPT, at.isAfter(s.now()) ? at : s.now().plusSeconds(600), "已处置");
    }

    /** 核查; about one in forty fails and goes back for rework (返工), at most three times. */
    private static void check(CaseScript s, String department, String operator, String inspector) {
        s.step("send_check", "checking", operator, OP, 3, 40, null);
        if (s.random().nextDouble() < 0.025 && s.rework < 3) {
            if (s.step("check_fail", "handling", inspector, INSP, 30, 240, "核查未通过，返工")) {
                s.rework++;
            }
            feedback(s, department, 0.2 + 0.5 * s.random().nextDouble());
            check(s, department, operator, inspector);
            return;
        }
        s.step("check_ok", "checked", inspector, INSP, 20, 300, "核查通过");
    }

    private static String reporter(String source, String inspector) {
        return switch (source) {
            case "hotline_12319" -> "12319热线";
            case "hotline_12345" -> "12345热线";
            case "video_ai" -> "视频轮巡";
            case "iot" -> "物联感知平台";
            case "public" -> "市民随手拍";
            case "superior" -> "上级交办";
            default -> inspector;
        };
    }
}
