package cn.tongguan.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CaseWorkflowTest {
    @Test
    void everyRoleOfTheTableIsAWireRoleAndEveryActionIsListedOnce() {
        Set<String> actions = new HashSet<>();
        for (CaseWorkflow.Transition t : CaseWorkflow.transitions()) {
            assertThat(Codes.ROLES).as(t.action()).containsAll(t.roles());
            assertThat(actions.add(t.action())).as("listed twice: " + t.action()).isTrue();
            assertThat(t.from()).as(t.action()).isNotEmpty().doesNotContain(t.to());
        }
        assertThat(CaseWorkflow.transition("dispatch").orElseThrow().to()).isEqualTo("dispatched");
    }

    @Test
    void theClockRunsInTheStatesThatDispatchAndItsRequestsReachAndNowhereElse() {
        // The states the disposal clock runs in (CaseClock) are those between 派遣 and 处置反馈 of this table.
        Set<String> between = new HashSet<>();
        between.add(CaseWorkflow.transition("dispatch").orElseThrow().to());
        for (String a : new String[] {"start", "apply_back", "apply_extension", "apply_suspend"}) {
            between.add(CaseWorkflow.transition(a).orElseThrow().to());
        }
        assertThat(between).containsExactlyInAnyOrderElementsOf(CaseClock.CLOCK_RUNS);
    }
}
