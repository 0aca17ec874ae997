package cn.tongguan.console.wall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WallPlannerTest {
    static WallLayout daily() throws IOException {
        try (Reader r = new InputStreamReader(WallPlannerTest.class.getResourceAsStream("layouts/daily.properties"),
                StandardCharsets.UTF_8)) {
            return WallLayout.read(r);
        }
    }

    @Test
    void everyScreenOnItsOwnMonitorWhenThereAreEnough() throws IOException {
        List<WallPlanner.ScreenPlan> plan = WallPlanner.plan(daily(), 4);
        assertThat(plan).hasSize(3);
        assertThat(plan.get(0).rows()).containsExactly(List.of("map"));
        assertThat(plan.get(2).rows()).containsExactly(List.of("kpi", "queue"), List.of("alarms", "water"));
    }

    @Test
    void aMissingMonitorsPanelsFoldOntoTheLeastBusyOne() throws IOException {
        List<WallPlanner.ScreenPlan> plan = WallPlanner.plan(daily(), 2);
        assertThat(plan).hasSize(2);
        assertThat(plan.get(0).panels()).containsExactly("map", "kpi", "queue", "alarms", "water");
        assertThat(plan.get(0).rows()).containsExactly(List.of("map", "kpi", "queue"), List.of("alarms", "water"));
        assertThat(plan.get(1).panels()).containsExactly("video");
    }

    @Test
    void oneMonitorShowsEverything() throws IOException {
        List<WallPlanner.ScreenPlan> plan = WallPlanner.plan(daily(), 1);
        assertThat(plan).singleElement().satisfies(p ->
                assertThat(p.panels()).containsExactlyInAnyOrder("map", "video", "kpi", "queue", "alarms", "water"));
    }

    @Test
    void theMeetingPresetPutsTheMeetingOnTheFirstScreenAndFoldsItWithTheMapOnOne() throws IOException {
        WallLayout meeting;
        try (Reader r = new InputStreamReader(WallPlannerTest.class.getResourceAsStream("layouts/meeting.properties"),
                StandardCharsets.UTF_8)) {
            meeting = WallLayout.read(r);
        }
        assertThat(meeting.name()).isEqualTo("联席会议");
        assertThat(meeting.schedule()).isNull();
        List<WallPlanner.ScreenPlan> three = WallPlanner.plan(meeting, 3);
        assertThat(three.get(0).panels()).containsExactly("meeting");
        assertThat(three.get(1).panels()).containsExactly("map");
        assertThat(WallPlanner.plan(meeting, 1)).singleElement().satisfies(p ->
                assertThat(p.panels()).containsExactlyInAnyOrder("meeting", "map", "video", "alarms"));
    }

    @Test
    void badLayoutsAreExplained() {
        assertThatThrownBy(() -> WallLayout.read(new StringReader("screens=2\nscreen.1=map\n")))
                .isInstanceOf(IOException.class).hasMessageContaining("screen.2");
        assertThatThrownBy(() -> WallLayout.read(new StringReader("screens=x\n")))
                .isInstanceOf(IOException.class).hasMessageContaining("not a number");
        assertThatThrownBy(() -> WallLayout.read(new StringReader("screens=1\nscreen.1=map||video\n")))
                .isInstanceOf(IOException.class).hasMessageContaining("every row");
    }
}
