package cn.tongguan.console.citymap;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.map.LiveStatus;
import java.util.Arrays;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

/** A red light is not an alarm (decision 0147): overdue cases are red and still, sensor alarms red and blinking. */
class CaseLightStatusTest {
    @Test
    void aRedLightIsOverdueInTheLegendsRedNeverAnAlarm() {
        assertThat(CityLayers.caseStatus("red")).isEqualTo(LiveStatus.OVERDUE);
        assertThat(CityLayers.caseStatus("red").colour()).isEqualTo(Color.web("#ff3b3b"));
        assertThat(CityLayers.caseStatus("yellow")).isEqualTo(LiveStatus.PENDING);
        assertThat(CityLayers.caseStatus("green")).isEqualTo(LiveStatus.NORMAL);
        assertThat(CityLayers.caseStatus(null)).isEqualTo(LiveStatus.OFFLINE);
        assertThat(Arrays.asList("red", "yellow", "green", "none", null)).noneMatch(
                light -> CityLayers.caseStatus(light) == LiveStatus.ALARM);
    }

    @Test
    void aSensorAlarmStaysTheAlarmThatBlinks() {
        assertThat(LiveMarks.status("ALARM")).isEqualTo(LiveStatus.ALARM);
        assertThat(LiveMarks.status("NODATA")).isEqualTo(LiveStatus.OFFLINE);
        assertThat(LiveMarks.status("NORMAL")).isEqualTo(LiveStatus.NORMAL);
    }
}
