package cn.tongguan.platform.workflow;

import cn.tongguan.platform.auth.Role;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The case state machine of domain.md §1.3: which action moves which states to which, done by which roles.
 * States are wire strings. Side effects (clock, counters) belong to {@code CaseService}.
 */
public final class Workflow {
    /** One action: the states it leaves, the state it reaches, the roles that may do it. */
    public record Rule(String action, Set<String> from, String to, Set<Role> roles) {
    }

    public static final String REPORTED = "reported";
    public static final String SELF_HANDLED = "self_handled";

    private static final Map<String, Rule> RULES = new LinkedHashMap<>();

    private static void rule(String action, Set<String> from, String to, Role... roles) {
        RULES.put(action, new Rule(action, from, to, EnumSet.copyOf(List.of(roles))));
    }

    static {
        Role op = Role.OPERATOR;
        Role sl = Role.SHIFT_LEADER;
        Role insp = Role.INSPECTOR;
        Role disp = Role.DISPATCHER;
        Role dept = Role.DEPARTMENT;
        rule("accept", Set.of("reported"), "accepted", op, sl);                 // 受理
        rule("send_verify", Set.of("reported"), "verifying", op, sl);           // 发核实
        rule("verify_ok", Set.of("verifying"), "accepted", insp);               // 核实属实
        rule("verify_fail", Set.of("verifying"), "cancelled", insp);            // 核实不属实
        rule("reject", Set.of("reported", "accepted"), "cancelled", op, sl);    // 不予受理 / 不予立案
        rule("merge", Set.of("reported", "verifying", "accepted"), "cancelled", op, sl); // 合并 (重复案件)
        rule("file", Set.of("accepted"), "filed", sl);                          // 立案
        rule("dispatch", Set.of("filed"), "dispatched", disp);                  // 派遣 (clock starts)
        rule("start", Set.of("dispatched"), "handling", dept);                  // 签收处置
        rule("feedback", Set.of("dispatched", "handling"), "feedback", dept);   // 处置反馈 (clock stops)
        rule("send_check", Set.of("feedback"), "checking", op, sl);             // 发核查
        rule("check_ok", Set.of("checking"), "checked", insp);                  // 核查通过
        rule("check_fail", Set.of("checking"), "handling", insp);               // 核查不通过 → 返工
        rule("close", Set.of("checked"), "closed", sl);                         // 结案
        rule("apply_back", Set.of("dispatched", "handling"), "back_requested", dept);     // 申请回退
        rule("approve_back", Set.of("back_requested"), "filed", disp);                    // 回退审批 → 改派
        rule("reject_back", Set.of("back_requested"), "handling", disp);
        rule("apply_extension", Set.of("handling"), "extension_requested", dept);         // 申请延期
        rule("approve_extension", Set.of("extension_requested"), "handling", disp);       // 延时审批
        rule("reject_extension", Set.of("extension_requested"), "handling", disp);
        rule("apply_suspend", Set.of("handling"), "suspension_requested", dept);          // 申请挂账
        rule("approve_suspend", Set.of("suspension_requested"), "suspended", disp);       // 挂账审批 (clock pauses)
        rule("reject_suspend", Set.of("suspension_requested"), "handling", disp);
        rule("resume", Set.of("suspended"), "handling", disp, dept);                      // 挂账恢复
        rule("apply_void", Set.of("filed"), "void_requested", op, disp);                  // 作废申请
        rule("approve_void", Set.of("void_requested"), "void", sl);                       // 作废审批
        rule("reject_void", Set.of("void_requested"), "filed", sl);
        rule("approve_self", Set.of("self_handled"), "closed", op, sl);                   // 自处理审核
    }

    private Workflow() {
    }

    public static Rule rule(String action) {
        return RULES.get(action);
    }

    public static Map<String, Rule> rules() {
        return RULES;
    }

    /** Actions possible from {@code state} (for any role), in table order. */
    public static List<String> allowedFrom(String state) {
        return RULES.values().stream().filter(r -> r.from().contains(state)).map(Rule::action).toList();
    }

    /** Actions possible from {@code state} for {@code role}. */
    public static List<String> allowedFor(String state, Role role) {
        return RULES.values().stream().filter(r -> r.from().contains(state) && r.roles().contains(role))
                .map(Rule::action).toList();
    }

    /** States in which the disposal clock runs. */
    public static boolean clockRuns(String state) {
        return cn.tongguan.api.CaseClock.runs(state);
    }
}
