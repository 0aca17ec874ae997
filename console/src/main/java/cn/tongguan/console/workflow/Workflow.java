package cn.tongguan.console.workflow;

import cn.tongguan.api.CaseWorkflow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The case workflow (domain.md §1.3) as the console needs it to offer actions by role and to show an action
 * queued offline at once. The states, moves and roles are the api's table ({@link CaseWorkflow}, the one the
 * platform enforces; a move it refuses still comes back as a conflict); the seat adds only its shortcut letters and
 * what each action asks for. Shortcut letters are unique among the actions one role can take in one state:
 * approvals are Y, refusals N.
 */
public final class Workflow {
    /** What the seat adds to each action of the api's table: its key and what it asks for. */
    private record Seat(char key, boolean note, boolean department, boolean hours, boolean target) {
    }

    private static final Map<String, Seat> SEAT = Map.ofEntries(
            Map.entry("accept", seat('A')), Map.entry("send_verify", seat('V')), Map.entry("verify_ok", seat('Y')),
            Map.entry("verify_fail", withNote('N')), Map.entry("reject", withNote('R')),
            Map.entry("merge", new Seat('M', false, false, false, true)), Map.entry("file", seat('F')),
            Map.entry("dispatch", new Seat('D', false, true, false, false)), Map.entry("start", seat('S')),
            Map.entry("feedback", seat('B')), Map.entry("send_check", seat('C')), Map.entry("check_ok", seat('Y')),
            Map.entry("check_fail", withNote('N')), Map.entry("close", seat('E')),
            Map.entry("apply_back", withNote('H')), Map.entry("approve_back", seat('Y')),
            Map.entry("reject_back", withNote('N')),
            Map.entry("apply_extension", new Seat('T', true, false, true, false)),
            Map.entry("approve_extension", seat('Y')), Map.entry("reject_extension", withNote('N')),
            Map.entry("apply_suspend", withNote('G')), Map.entry("approve_suspend", seat('Y')),
            Map.entry("reject_suspend", withNote('N')), Map.entry("resume", seat('U')),
            Map.entry("apply_void", withNote('Z')), Map.entry("approve_void", seat('Y')),
            Map.entry("reject_void", withNote('N')), Map.entry("approve_self", seat('Y')));
    private static final Map<String, CaseAction> ACTIONS = actions();

    private Workflow() {
    }

    private static Seat seat(char key) {
        return new Seat(key, false, false, false, false);
    }

    private static Seat withNote(char key) {
        return new Seat(key, true, false, false, false);
    }

    private static Map<String, CaseAction> actions() {
        Map<String, CaseAction> all = new LinkedHashMap<>();
        for (CaseWorkflow.Transition t : CaseWorkflow.transitions()) {
            Seat s = SEAT.get(t.action());
            if (s == null) {
                throw new IllegalStateException("the seat has no key for the workflow action " + t.action());
            }
            all.put(t.action(), new CaseAction(t.action(), t.from(), t.to(), t.roles(), s.key(), s.note(),
                    s.department(), s.hours(), s.target()));
        }
        return java.util.Collections.unmodifiableMap(all);
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
