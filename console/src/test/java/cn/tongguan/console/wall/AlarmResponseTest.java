package cn.tongguan.console.wall;

import static cn.tongguan.console.wall.Lifelines.camera;
import static cn.tongguan.console.wall.Lifelines.cleared;
import static cn.tongguan.console.wall.Lifelines.gauge;
import static cn.tongguan.console.wall.Lifelines.raised;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.Lifeline;
import cn.tongguan.api.Reference;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rainstorm response to alarm events, from raised to cleared, without the toolkit. */
class AlarmResponseTest {
    private final List<String> log = new ArrayList<>();

    static WallLayout layout(String name) throws IOException {
        return WallLayout.read(new StringReader("name=" + name + "\nscreens=1\nscreen.1=map\n"));
    }

    private AlarmResponse response() throws IOException {
        AlarmResponse r = new AlarmResponse(layout("暴雨"), l -> log.add(l == null ? "schedule" : "override " + l.name()),
                (name, cams) -> log.add("tour " + name + " " + cams.stream().map(Reference.Camera::id).toList()),
                () -> log.add("everyday tour"));
        r.cameras(List.of(camera("far", 114.2, 35.5), camera("c1", 113.901, 35.300), camera("c2", 113.899, 35.301),
                camera("c3", 113.905, 35.298), camera("c4", 113.890, 35.310), camera("c5", 113.95, 35.35)));
        return r;
    }

    @Test
    void firstWaterAlarmOverridesTheScheduleAndToursTheAlarmsCameras() throws IOException {
        AlarmResponse r = response();
        r.raised(raised(1, "WL01", "YELLOW", 18, List.of("c5", "c4", "nope", "c3", "c2", "c1")), gauge("WL01", 113.9, 35.3, 18.0));
        assertThat(log).containsExactly("override 暴雨", "tour 积水点WL01 [c5, c4, c3, c2]");
    }

    @Test
    void withoutCamerasNamedTheWallFindsTheFourNearest() throws IOException {
        AlarmResponse r = response();
        r.raised(raised(1, "WL01", "YELLOW", 18, List.of()), gauge("WL01", 113.900, 35.300, 18.0));
        assertThat(log).containsExactly("override 暴雨", "tour 积水点WL01 [c1, c2, c3, c4]");
    }

    @Test
    void clearingTheLastWaterAlarmLiftsTheOverride() throws IOException {
        AlarmResponse r = response();
        Lifeline.Alarm a = raised(1, "WL01", "YELLOW", 18, List.of("c1"));
        Lifeline.Alarm b = raised(2, "WL02", "ORANGE", 30, List.of("c5"));
        r.raised(a, gauge("WL01", 113.9, 35.3, 18.0));
        r.raised(b, gauge("WL02", 113.95, 35.35, 30.0));
        assertThat(log).last().isEqualTo("tour 积水点WL02 [c5, c1]");
        r.cleared(cleared(b, "值班长"));
        assertThat(log).last().isEqualTo("tour 积水点WL01 [c1]");
        r.cleared(cleared(a, "值班长"));
        assertThat(log).endsWith("schedule", "everyday tour");
        assertThat(log).filteredOn(l -> l.startsWith("override")).hasSize(1);
    }

    @Test
    void otherAlarmsAndRepeatsChangeNothing() throws IOException {
        AlarmResponse r = response();
        Lifeline.Alarm battery = new Lifeline.Alarm(5, "MC1", "manhole", "LOW_BATTERY", "BLUE", 3, 10, "ACTIVE",
                Lifelines.AT, Lifelines.AT, null, null, null, null, null, List.of());
        r.raised(battery, null);
        assertThat(log).isEmpty();
        Lifeline.Alarm a = raised(1, "WL01", "YELLOW", 18, List.of("c1"));
        r.raised(a, null);
        r.raised(a, null);
        assertThat(log).containsExactly("override 暴雨", "tour WL01 [c1]");
    }

    @Test
    void afterAReconnectAlarmsNoLongerActiveAreCleared() throws IOException {
        AlarmResponse r = response();
        r.raised(raised(1, "WL01", "YELLOW", 18, List.of("c1")), null);
        r.keepOnly(Set.of());
        assertThat(log).endsWith("schedule", "everyday tour");
        assertThat(r.activeCount()).isZero();
    }
}
