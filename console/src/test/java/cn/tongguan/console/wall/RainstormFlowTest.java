package cn.tongguan.console.wall;

import static cn.tongguan.console.wall.Lifelines.AT;
import static cn.tongguan.console.wall.Lifelines.acknowledged;
import static cn.tongguan.console.wall.Lifelines.camera;
import static cn.tongguan.console.wall.Lifelines.cleared;
import static cn.tongguan.console.wall.Lifelines.gauge;
import static cn.tongguan.console.wall.Lifelines.raised;
import static cn.tongguan.console.wall.Lifelines.underpass;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.Events;
import cn.tongguan.api.Json;
import cn.tongguan.api.Lifeline;
import cn.tongguan.api.Reference;
import cn.tongguan.console.i18n.Messages;
import cn.tongguan.console.sync.WallEventsProbe;
import cn.tongguan.console.sync.WallListener;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The rainstorm flow on the wall, driven by the platform's event records as they come off the SSE stream
 * (parsed by the wall's real {@code WallEvents}): a reading rises, the alarm is raised, the wall switches to the
 * rainstorm preset and tours the alarm's cameras; acknowledged, the mark stops flashing; cleared, the wall goes
 * back to the preset of its schedule and the everyday tour.
 */
class RainstormFlowTest {
    private static final ObjectMapper JSON = Json.newMapper();
    private final List<String> tours = new ArrayList<>();
    private long eventId;

    private static WallLayout preset(String name) throws IOException {
        try (Reader r = new InputStreamReader(WallView.class.getResourceAsStream("layouts/" + name + ".properties"),
                StandardCharsets.UTF_8)) {
            return WallLayout.read(r);
        }
    }

    /** The SSE data of one stored event, {@code {id, type, at, data}}, as the platform sends it. */
    private String event(String type, Object data) throws IOException {
        return JSON.writeValueAsString(new Events.Event(++eventId, type, AT, data));
    }

    @Test
    void readingAlarmRainstormCamerasClearedBack() throws Exception {
        Messages messages = Messages.load(Locale.SIMPLIFIED_CHINESE);
        WallViewModel wall = new WallViewModel(messages, preset("daily"));
        wall.monitorsChanged(3);
        WallPresets presets = new WallPresets(List.of(preset("daily"), preset("night")),
                Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneOffset.UTC), wall::useLayout);
        AlarmResponse response = new AlarmResponse(preset("rainstorm"), presets::override,
                (place, cams) -> tours.add(place + " " + cams.stream().map(Reference.Camera::id).toList()),
                () -> tours.add("all"));
        response.cameras(List.of(camera("C001", 113.90, 35.30), camera("C002", 113.91, 35.30),
                camera("C003", 113.92, 35.30), camera("C004", 113.93, 35.30), camera("C005", 114.0, 35.4)));
        LifelineViewModel lifeline = new LifelineViewModel(messages, SensorLevels.load(), response);
        presets.tick();
        WallListener apply = new WallListener() {
            @Override
            public void alarm(String type, Lifeline.Alarm alarm) {
                lifeline.alarm(type, alarm);
            }

            @Override
            public void reading(Events.SensorReading reading) {
                lifeline.reading(reading);
            }

            @Override
            public void sensorStatus(Lifeline.SensorStatus status) {
                lifeline.sensorStatus(status);
            }
        };
        WallEventsProbe events = new WallEventsProbe(apply);
        lifeline.loaded(List.of(gauge("WL07", 113.9, 35.3, 2.0), underpass("UP01", 113.86, 35.29, 0.0)), List.of());
        assertThat(wall.layoutProperty().get().name()).isEqualTo("日常");

        events.deliver("sensor.reading", event("sensor.reading", new Events.SensorReading("WL07", 18.5, AT)));
        assertThat(lifeline.marks().get("WL07").style()).isEqualTo("level-yellow");
        assertThat(wall.layoutProperty().get().name()).as("a reading alone is not an alarm").isEqualTo("日常");

        Lifeline.Alarm alarm = raised(41, "WL07", "YELLOW", 18.5, List.of("C004", "C003", "C002", "C001"));
        events.deliver("alarm.raised", event("alarm.raised", alarm));
        assertThat(wall.layoutProperty().get().name()).isEqualTo("暴雨");
        assertThat(wall.planProperty().get().get(0).panels()).containsExactly("map", "water");
        assertThat(tours).containsExactly("积水点WL07 [C004, C003, C002, C001]");
        assertThat(lifeline.marks().get("WL07").flashing()).isTrue();

        events.deliver("alarm.acknowledged", event("alarm.acknowledged", acknowledged(alarm, "shift1")));
        assertThat(lifeline.marks().get("WL07").flashing()).isFalse();
        assertThat(wall.layoutProperty().get().name()).isEqualTo("暴雨");

        events.deliver("sensor.reading", event("sensor.reading", new Events.SensorReading("WL07", 3.0, AT)));
        events.deliver("alarm.cleared", event("alarm.cleared", cleared(acknowledged(alarm, "shift1"), "shift1")));
        assertThat(wall.layoutProperty().get().name()).isEqualTo("日常");
        assertThat(tours).containsExactly("积水点WL07 [C004, C003, C002, C001]", "all");
        assertThat(lifeline.ticker()).hasSize(3).first().asString().contains("解除", "shift1");
    }
}
