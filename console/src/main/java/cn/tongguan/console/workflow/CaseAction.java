package cn.tongguan.console.workflow;

import java.util.Set;

/**
 * One workflow action as the console offers it: the states it leaves, the state it reaches, the roles that may
 * take it, its one-letter shortcut, and what the seat must add (a reason, a department, hours).
 * {@code needsTarget}: a merge asks which case the shown one repeats.
 */
public record CaseAction(String action, Set<String> from, String to, Set<String> roles, char key, boolean needsNote,
                         boolean needsDepartment, boolean needsHours, boolean needsTarget) {
    public CaseAction(String action, Set<String> from, String to, Set<String> roles, char key, boolean needsNote,
                      boolean needsDepartment, boolean needsHours) {
        this(action, from, to, roles, key, needsNote, needsDepartment, needsHours, false);
    }
}
