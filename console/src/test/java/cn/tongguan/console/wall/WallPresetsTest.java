package cn.tongguan.console.wall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Presets chosen by schedule with an injected clock; an alarm preset overrides the schedule until lifted. */
class WallPresetsTest {
    private final List<String> shown = new ArrayList<>();
    private Instant now = Instant.parse("2026-11-25T02:00:00Z"); // 10:00 in Beijing

    private static WallLayout layout(String name, String schedule) throws IOException {
        return WallLayout.read(new StringReader("name=" + name + "\nscreens=1\nscreen.1=map\n"
                + (schedule == null ? "" : "schedule=" + schedule + "\n")));
    }

    private WallPresets presets() throws IOException {
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        return new WallPresets(List.of(layout("日常", "08:00-20:00"), layout("夜间", "20:00-08:00")), clock,
                l -> shown.add(l.name()));
    }

    @Test
    void theScheduleChoosesByTheClockInBeijingTime() throws IOException {
        WallPresets p = presets();
        p.tick();
        assertThat(shown).containsExactly("日常");
        now = Instant.parse("2026-11-25T11:59:00Z"); // 19:59
        p.tick();
        assertThat(shown).containsExactly("日常");
        now = Instant.parse("2026-11-25T12:00:00Z"); // 20:00
        p.tick();
        now = Instant.parse("2026-11-25T18:30:00Z"); // 02:30, past midnight
        p.tick();
        assertThat(shown).containsExactly("日常", "夜间");
        now = Instant.parse("2026-11-26T00:00:00Z"); // 08:00
        p.tick();
        assertThat(shown).containsExactly("日常", "夜间", "日常");
    }

    @Test
    void anAlarmPresetOverridesTheScheduleUntilLifted() throws IOException {
        WallPresets p = presets();
        p.tick();
        p.override(layout("暴雨", null));
        now = Instant.parse("2026-11-25T13:00:00Z"); // 21:00: night, but the storm goes on
        p.tick();
        assertThat(shown).containsExactly("日常", "暴雨");
        p.override(null);
        assertThat(shown).containsExactly("日常", "暴雨", "夜间");
    }

    @Test
    void aLayoutWithoutScheduleIsTheFallbackAndBadSchedulesAreRefused() throws IOException {
        assertThat(layout("x", null).schedule()).isNull();
        assertThat(layout("x", "22:00-06:00").schedule().contains(java.time.LocalTime.of(23, 0))).isTrue();
        assertThat(layout("x", "22:00-06:00").schedule().contains(java.time.LocalTime.of(12, 0))).isFalse();
        assertThatThrownBy(() -> layout("x", "8-20")).isInstanceOf(IOException.class).hasMessageContaining("schedule");
        assertThatThrownBy(() -> layout("x", "08:00-08:00")).isInstanceOf(IOException.class);
    }
}
