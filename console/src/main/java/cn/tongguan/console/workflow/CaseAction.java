package cn.tongguan.console.workflow;

import java.util.Set;

/**
 * One workflow action as the console offers it: the states it leaves, the state it reaches, the roles that may
 * take it, its one-letter shortcut, and what the seat must add (a reason, a department, hours).
 */
public record CaseAction(String action, Set<String> from, String to, Set<String> roles, char key, boolean needsNote,
                         boolean needsDepartment, boolean needsHours) {
}
