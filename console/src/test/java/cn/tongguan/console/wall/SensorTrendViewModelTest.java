package cn.tongguan.console.wall;

import static cn.tongguan.console.wall.Lifelines.AT;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.Events;
import cn.tongguan.api.Lifeline;
import cn.tongguan.console.i18n.Messages;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A sensor's trend: stored history then live readings; the latest click wins; failures said plainly. */
class SensorTrendViewModelTest {
    private final List<Runnable> background = new ArrayList<>();
    private final List<String> asked = new ArrayList<>();

    private SensorTrendViewModel model(SensorTrendViewModel.History history) {
        return new SensorTrendViewModel(Messages.load(Locale.SIMPLIFIED_CHINESE), history, background::add, Runnable::run,
                Clock.fixed(AT, ZoneOffset.UTC));
    }

    private static Lifeline.Reading r(String id, double v, int minutesBefore) {
        return new Lifeline.Reading(id, null, v, AT.minusSeconds(60L * minutesBefore));
    }

    private void runBackground() {
        List<Runnable> now = List.copyOf(background);
        background.clear();
        now.forEach(Runnable::run);
    }

    @Test
    void historyThenLiveReadingsOfTheSensorShown() {
        SensorTrendViewModel m = model((id, from, to) -> {
            asked.add(id + " " + from + " " + to);
            return List.of(r(id, 4, 30), r(id, 9, 10));
        });
        m.open("WL01", "积水点WL01", "waterlogging");
        assertThat(m.openProperty().get()).isTrue();
        assertThat(m.noteProperty().get()).isEqualTo("正在读取历史读数…");
        m.reading(new Events.SensorReading("WL01", 12.0, AT.plusSeconds(5)));
        runBackground();
        assertThat(asked).containsExactly("WL01 2026-11-24T20:00:00Z 2026-11-25T02:00:00Z");
        assertThat(m.points()).extracting(Lifeline.Reading::value).containsExactly(4.0, 9.0, 12.0);
        m.reading(new Events.SensorReading("WL02", 50.0, AT.plusSeconds(6)));
        m.reading(new Events.SensorReading("WL01", 70.0, AT.plusSeconds(6), "battery"));
        m.reading(new Events.SensorReading("WL01", 14.0, AT.plusSeconds(10)));
        assertThat(m.points()).extracting(Lifeline.Reading::value).containsExactly(4.0, 9.0, 12.0, 14.0);
        assertThat(m.titleProperty().get()).isEqualTo("积水点WL01 水位趋势");
        m.close();
        m.reading(new Events.SensorReading("WL01", 15.0, AT.plusSeconds(20)));
        assertThat(m.points()).isEmpty();
    }

    @Test
    void aCoverPlotsWhatItsAlarmsWatchInSeriesOfTheirOwnAndNeverItsHeartbeatOrBattery() {
        SensorTrendViewModel m = model((id, from, to) -> List.of(
                new Lifeline.Reading(id, "heartbeat", 1.0, AT.minusSeconds(3_600)),
                new Lifeline.Reading(id, "battery", 63.5, AT.minusSeconds(3_000)),
                new Lifeline.Reading(id, "tilt", 2.0, AT.minusSeconds(2_400)),
                new Lifeline.Reading(id, "tilt", 41.0, AT.minusSeconds(1_200)),
                new Lifeline.Reading(id, "overflow", 60.0, AT.minusSeconds(600))));
        m.open("MC0001", "人民路井盖001", "manhole");
        runBackground();
        m.reading(new Events.SensorReading("MC0001", 64.0, AT.plusSeconds(5), "battery"));
        m.reading(new Events.SensorReading("MC0001", 30.0, AT.plusSeconds(6), "displacement"));
        assertThat(m.titleProperty().get()).isEqualTo("人民路井盖001 井盖读数趋势");
        assertThat(m.axisProperty().get()).isEqualTo("度 / 厘米");
        assertThat(m.series()).containsOnlyKeys("tilt", "displacement", "overflow");
        assertThat(m.series().get("tilt")).extracting(Lifeline.Reading::value).containsExactly(2.0, 41.0);
        assertThat(m.series().get("displacement")).extracting(Lifeline.Reading::value).containsExactly(30.0);
        assertThat(m.series().get("overflow")).extracting(Lifeline.Reading::value).containsExactly(60.0);
        assertThat(m.quantityName("tilt")).isEqualTo("倾斜（度）");

        m.open("WL01", "积水点WL01", "waterlogging");
        assertThat(m.titleProperty().get()).isEqualTo("积水点WL01 水位趋势");
        assertThat(m.axisProperty().get()).isEqualTo("厘米");
        assertThat(m.series()).containsOnlyKeys("depth");
    }

    @Test
    void theLatestClickWinsOverAnEarlierOneStillLoading() {
        SensorTrendViewModel m = model((id, from, to) -> List.of(r(id, id.equals("A") ? 1 : 2, 5)));
        m.open("A", "A", "waterlogging");
        m.open("B", "B", "waterlogging");
        runBackground();
        assertThat(m.points()).extracting(Lifeline.Reading::sensorId).containsExactly("B");
    }

    @Test
    void aFailedReadIsSaidPlainlyAndLiveReadingsStillShow() {
        SensorTrendViewModel m = model((id, from, to) -> {
            throw new IOException("down");
        });
        m.open("A", "A", "waterlogging");
        runBackground();
        assertThat(m.noteProperty().get()).isEqualTo("历史读数暂时读不到，只显示实时读数");
        m.reading(new Events.SensorReading("A", 3.0, AT));
        assertThat(m.points()).hasSize(1);
        assertThat(m.noteProperty().get()).isEmpty();
    }
}
