package cn.tongguan.console.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.CaseWorkflow;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkflowTest {
    @Test
    void theSeatOffersExactlyTheApisMovesWithTheirStatesAndRoles() {
        assertThat(Workflow.all()).extracting(CaseAction::action)
                .containsExactlyElementsOf(CaseWorkflow.transitions().stream().map(CaseWorkflow.Transition::action).toList());
        for (CaseWorkflow.Transition t : CaseWorkflow.transitions()) {
            CaseAction a = Workflow.action(t.action()).orElseThrow();
            assertThat(a.from()).isEqualTo(t.from());
            assertThat(a.to()).isEqualTo(t.to());
            assertThat(a.roles()).isEqualTo(t.roles());
        }
    }

    @Test
    void aShortcutLetterMeansOneActionForOneRoleInOneState() {
        Map<String, String> seen = new HashMap<>();
        for (CaseAction a : Workflow.all()) {
            for (String state : a.from()) {
                for (String role : a.roles()) {
                    String before = seen.put(state + "/" + role + "/" + a.key(), a.action());
                    assertThat(before).as(state + " " + role + " " + a.key()).isNull();
                }
            }
        }
        assertThat(Workflow.action("dispatch").orElseThrow().needsDepartment()).isTrue();
        assertThat(Workflow.action("merge").orElseThrow().needsTarget()).isTrue();
        assertThat(Workflow.action("apply_extension").orElseThrow().needsHours()).isTrue();
    }
}
