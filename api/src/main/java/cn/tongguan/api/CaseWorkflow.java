package cn.tongguan.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The case state machine of domain.md §1.3, in one home for both sides of the wire (issue 20: the platform and
 * the console each had a copy, with no test that they matched): which action moves which states to which, and
 * which roles (wire codes, {@link Codes#ROLES}) may take it. The platform enforces it; the console offers by it
 * and shows an action queued offline at once. States and actions are wire strings.
 */
public final class CaseWorkflow {
    /** One action: the states it leaves, the state it reaches, the roles that may take it. */
    public record Transition(String action, Set<String> from, String to, Set<String> roles) {
        public Transition {
            from = Set.copyOf(from);
            roles = Set.copyOf(roles);
        }
    }

    private static final Set<String> OP_SL = Set.of("operator", "shift_leader");
    private static final List<Transition> TABLE = List.of(
            t("accept", Set.of("reported"), "accepted", OP_SL),                          // 受理
            t("send_verify", Set.of("reported"), "verifying", OP_SL),                    // 发核实
            t("verify_ok", Set.of("verifying"), "accepted", Set.of("inspector")),        // 核实属实
            t("verify_fail", Set.of("verifying"), "cancelled", Set.of("inspector")),     // 核实不属实
            t("reject", Set.of("reported", "accepted"), "cancelled", OP_SL),             // 不予受理 / 不予立案
            t("merge", Set.of("reported", "verifying", "accepted"), "cancelled", OP_SL), // 合并 (重复案件)
            t("file", Set.of("accepted"), "filed", Set.of("shift_leader")),              // 立案
            t("dispatch", Set.of("filed"), "dispatched", Set.of("dispatcher")),          // 派遣 (clock starts)
            t("start", Set.of("dispatched"), "handling", Set.of("department")),          // 签收处置
            t("feedback", Set.of("dispatched", "handling"), "feedback", Set.of("department")), // 处置反馈 (clock stops)
            t("send_check", Set.of("feedback"), "checking", OP_SL),                      // 发核查
            t("check_ok", Set.of("checking"), "checked", Set.of("inspector")),           // 核查通过
            t("check_fail", Set.of("checking"), "handling", Set.of("inspector")),        // 核查不通过 → 返工
            t("close", Set.of("checked"), "closed", Set.of("shift_leader")),             // 结案
            t("apply_back", Set.of("dispatched", "handling"), "back_requested", Set.of("department")), // 申请回退
            t("approve_back", Set.of("back_requested"), "filed", Set.of("dispatcher")),  // 回退审批 → 改派
            t("reject_back", Set.of("back_requested"), "handling", Set.of("dispatcher")),
            t("apply_extension", Set.of("handling"), "extension_requested", Set.of("department")), // 申请延期
            t("approve_extension", Set.of("extension_requested"), "handling", Set.of("dispatcher")), // 延时审批
            t("reject_extension", Set.of("extension_requested"), "handling", Set.of("dispatcher")),
            t("apply_suspend", Set.of("handling"), "suspension_requested", Set.of("department")), // 申请挂账
            t("approve_suspend", Set.of("suspension_requested"), "suspended", Set.of("dispatcher")), // 挂账 (clock pauses)
            t("reject_suspend", Set.of("suspension_requested"), "handling", Set.of("dispatcher")),
            t("resume", Set.of("suspended"), "handling", Set.of("dispatcher", "department")), // 挂账恢复
            t("apply_void", Set.of("filed"), "void_requested", Set.of("operator", "dispatcher")), // 作废申请
            t("approve_void", Set.of("void_requested"), "void", Set.of("shift_leader")), // 作废审批
            t("reject_void", Set.of("void_requested"), "filed", Set.of("shift_leader")),
            t("approve_self", Set.of("self_handled"), "closed", OP_SL));                 // 自处理审核
    private static final Map<String, Transition> BY_ACTION = index();

    private CaseWorkflow() {
    }

    private static Transition t(String action, Set<String> from, String to, Set<String> roles) {
        return new Transition(action, from, to, roles);
    }

    private static Map<String, Transition> index() {
        Map<String, Transition> by = new LinkedHashMap<>();
        TABLE.forEach(t -> by.put(t.action(), t));
        return java.util.Collections.unmodifiableMap(by);
    }

    /** Every action, in table order. */
    public static List<Transition> transitions() {
        return TABLE;
    }

    public static Optional<Transition> transition(String action) {
        return Optional.ofNullable(BY_ACTION.get(action));
    }
}
