package cn.tongguan.democity;

import java.time.Instant;

/** One entry of a case's timeline: a workflow action by an actor in a role, from one state to another. */
public record CaseStep(String action, String fromState, String toState, String actor, String role, Instant at,
                       String note) {
}
