package cn.tongguan.console.workflow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The case workflow (domain.md §1.3) as the console needs it to offer actions by role and to show an action
 * queued offline at once. It mirrors the platform's table (the api does not publish it; the platform stays the
 * judge: a move it refuses comes back as a conflict). Shortcut letters are unique among the actions one role
 * can take in one state: approvals are Y, refusals N.
 */
public final class Workflow {
    private static final Map<String, CaseAction> ACTIONS = new LinkedHashMap<>();

    static {
        add("accept", Set.of("reported"), "accepted", Set.of("operator", "shift_leader"), 'A', false, false, false);
        add("send_verify", Set.of("reported"), "verifying", Set.of("operator", "shift_leader"), 'V', false, false, false);
        add("verify_ok", Set.of("verifying"), "accepted", Set.of("inspector"), 'Y', false, false, false);
        add("verify_fail", Set.of("verifying"), "cancelled", Set.of("inspector"), 'N', true, false, false);
        add("reject", Set.of("reported", "accepted"), "cancelled", Set.of("operator", "shift_leader"), 'R', true, false, false);
        ACTIONS.put("merge", new CaseAction("merge", Set.of("reported", "verifying", "accepted"), "cancelled",
                Set.of("operator", "shift_leader"), 'M', false, false, false, true));
        add("file", Set.of("accepted"), "filed", Set.of("shift_leader"), 'F', false, false, false);
        add("dispatch", Set.of("filed"), "dispatched", Set.of("dispatcher"), 'D', false, true, false);
        add("start", Set.of("dispatched"), "handling", Set.of("department"), 'S', false, false, false);
        add("feedback", Set.of("dispatched", "handling"), "feedback", Set.of("department"), 'B', false, false, false);
        add("send_check", Set.of("feedback"), "checking", Set.of("operator", "shift_leader"), 'C', false, false, false);
        add("check_ok", Set.of("checking"), "checked", Set.of("inspector"), 'Y', false, false, false);
        add("check_fail", Set.of("checking"), "handling", Set.of("inspector"), 'N', true, false, false);
        add("close", Set.of("checked"), "closed", Set.of("shift_leader"), 'E', false, false, false);
        add("apply_back", Set.of("dispatched", "handling"), "back_requested", Set.of("department"), 'H', true, false, false);
        add("approve_back", Set.of("back_requested"), "filed", Set.of("dispatcher"), 'Y', false, false, false);
        add("reject_back", Set.of("back_requested"), "handling", Set.of("dispatcher"), 'N', true, false, false);
        add("apply_extension", Set.of("handling"), "extension_requested", Set.of("department"), 'T', true, false, true);
        add("approve_extension", Set.of("extension_requested"), "handling", Set.of("dispatcher"), 'Y', false, false, false);
        add("reject_extension", Set.of("extension_requested"), "handling", Set.of("dispatcher"), 'N', true, false, false);
        add("apply_suspend", Set.of("handling"), "suspension_requested", Set.of("department"), 'G', true, false, false);
        add("approve_suspend", Set.of("suspension_requested"), "suspended", Set.of("dispatcher"), 'Y', false, false, false);
        add("reject_suspend", Set.of("suspension_requested"), "handling", Set.of("dispatcher"), 'N', true, false, false);
        add("resume", Set.of("suspended"), "handling", Set.of("dispatcher", "department"), 'U', false, false, false);
        add("apply_void", Set.of("filed"), "void_requested", Set.of("operator", "dispatcher"), 'Z', true, false, false);
        add("approve_void", Set.of("void_requested"), "void", Set.of("shift_leader"), 'Y', false, false, false);
        add("reject_void", Set.of("void_requested"), "filed", Set.of("shift_leader"), 'N', true, false, false);
        add("approve_self", Set.of("self_handled"), "closed", Set.of("operator", "shift_leader"), 'Y', false, false, false);
    }

    private Workflow() {
    }

    private static void add(String action, Set<String> from, String to, Set<String> roles, char key, boolean note,
                            boolean department, boolean hours) {
        ACTIONS.put(action, new CaseAction(action, from, to, roles, key, note, department, hours));
    }

    public static Optional<CaseAction> action(String name) {
        return Optional.ofNullable(ACTIONS.get(name));
    }

    public static List<CaseAction> all() {
        return List.copyOf(ACTIONS.values());
    }

    /** What {@code role} may do to a case in {@code state}, in table order. */
    public static List<CaseAction> allowed(String state, String role) {
        return ACTIONS.values().stream().filter(a -> a.from().contains(state) && a.roles().contains(role)).toList();
    }

    /** Roles that work cases at a seat (the others see the wall or the meeting). */
    public static boolean isSeatRole(String role) {
        return Set.of("operator", "shift_leader", "dispatcher", "department", "inspector").contains(role);
    }
}
