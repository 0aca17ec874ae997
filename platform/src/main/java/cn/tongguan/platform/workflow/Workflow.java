package cn.tongguan.platform.workflow;

import cn.tongguan.api.CaseWorkflow;
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

    static {
        // The table lives in api (one home for platform and console); the platform reads it with its roles.
        for (CaseWorkflow.Transition t : CaseWorkflow.transitions()) {
            EnumSet<Role> roles = EnumSet.noneOf(Role.class);
            t.roles().forEach(code -> roles.add(Role.of(code)));
            RULES.put(t.action(), new Rule(t.action(), t.from(), t.to(), roles));
        }
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
