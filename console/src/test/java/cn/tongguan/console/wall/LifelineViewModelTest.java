package cn.tongguan.console.wall;

import static cn.tongguan.console.wall.Lifelines.AT;
import static cn.tongguan.console.wall.Lifelines.acknowledged;
import static cn.tongguan.console.wall.Lifelines.cleared;
import static cn.tongguan.console.wall.Lifelines.gauge;
import static cn.tongguan.console.wall.Lifelines.raised;
import static cn.tongguan.console.wall.Lifelines.underpass;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.Events;
import cn.tongguan.api.Lifeline;
import cn.tongguan.api.Reference;
import cn.tongguan.console.i18n.Messages;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sensor marks, water panel and alarm ticker kept from lifeline events, without the toolkit. */
class LifelineViewModelTest {
    private final LifelineViewModel model = new LifelineViewModel(Messages.load(Locale.SIMPLIFIED_CHINESE),
            SensorLevels.load(), null);

    private void load() {
        model.loaded(List.of(gauge("WL01", 113.9, 35.3, 3.0), underpass("UP01", 113.86, 35.29, 10.0),
                new Reference.Sensor("MC1", "manhole", "智能井盖", 113.87, 35.31, "deg", 15.0, 2.0, AT)), List.of());
    }

    private LifelineViewModel.SensorMark mark(String id) {
        return model.marks().get(id);
    }

    @Test
    void marksAreColouredByLevelFromTheThresholdsAsData() {
        load();
        assertThat(mark("WL01").style()).isEqualTo("level-none");
        assertThat(mark("WL01").label()).isEqualTo("3.0 厘米");
        for (Map.Entry<Double, String> step : Map.of(5.0, "level-blue", 15.0, "level-yellow", 25.0, "level-orange",
                40.0, "level-red", 14.9, "level-blue").entrySet()) {
            model.reading(new Events.SensorReading("WL01", step.getKey(), AT));
            assertThat(mark("WL01").style()).as("%s cm", step.getKey()).isEqualTo(step.getValue());
        }
        assertThat(mark("MC1").label()).isEmpty();
    }

    @Test
    void anUnderpassIsDrawnClosedFrom25Centimetres() {
        load();
        model.reading(new Events.SensorReading("UP01", 24.9, AT));
        assertThat(mark("UP01").closed()).isFalse();
        model.reading(new Events.SensorReading("UP01", 25.0, AT));
        assertThat(mark("UP01").closed()).isTrue();
        assertThat(mark("UP01").style()).isEqualTo("sensor-closed");
        assertThat(mark("UP01").label()).isEqualTo("封闭 25.0 厘米");
        assertThat(model.gauges().get(0).id()).isEqualTo("UP01");
        assertThat(model.gauges().get(0).closed()).isTrue();
    }

    @Test
    void aMarkFlashesWhileActiveIsSteadyOnceAcknowledgedAndCalmWhenCleared() {
        load();
        Lifeline.Alarm a = raised(1, "WL01", "YELLOW", 18, List.of());
        model.reading(new Events.SensorReading("WL01", 18.0, AT));
        model.alarm("alarm.raised", a);
        assertThat(mark("WL01").flashing()).isTrue();
        assertThat(mark("WL01").state()).isEqualTo("ALARM");
        model.alarm("alarm.acknowledged", acknowledged(a, "张值班"));
        assertThat(mark("WL01").flashing()).isFalse();
        assertThat(mark("WL01").state()).isEqualTo("ALARM");
        model.reading(new Events.SensorReading("WL01", 4.0, AT));
        model.alarm("alarm.cleared", cleared(acknowledged(a, "张值班"), "李班长"));
        assertThat(mark("WL01").state()).isEqualTo("OK");
        assertThat(mark("WL01").style()).isEqualTo("level-none");
        assertThat(model.ticker()).containsExactly(
                "10:10:00 解除 积水点WL01 积水深度 · 李班长",
                "10:01:00 已确认 积水点WL01 积水深度 · 张值班",
                "10:00:00 告警 积水点WL01 积水深度 18.0（黄色）");
    }

    @Test
    void anAlarmLevelAboveTheDepthBandColoursTheMark() {
        load();
        model.alarm("alarm.raised", raised(1, "WL01", "RED", 3, List.of()));
        assertThat(mark("WL01").style()).isEqualTo("level-red");
    }

    @Test
    void noDataIsGreyAndTold() {
        load();
        model.alarm("alarm.raised", raised(1, "WL01", "YELLOW", 18, List.of()));
        model.sensorStatus(new Lifeline.SensorStatus("WL01", "NODATA", null, 18.0, AT, AT.plusSeconds(5)));
        assertThat(mark("WL01").style()).isEqualTo("sensor-nodata");
        assertThat(mark("WL01").flashing()).isFalse();
        assertThat(mark("WL01").label()).isEqualTo("无数据");
        assertThat(model.gauges()).filteredOn(LifelineViewModel.GaugeRow::noData).hasSize(1);
        model.sensorStatus(new Lifeline.SensorStatus("WL01", "NODATA", null, 18.0, AT, AT.plusSeconds(5)));
        model.sensorStatus(new Lifeline.SensorStatus("WL01", "ALARM", "YELLOW", 19.0, AT.plusSeconds(120), AT.plusSeconds(120)));
        assertThat(model.ticker()).startsWith("10:02:00 恢复上报 积水点WL01", "10:00:05 无数据 积水点WL01（心跳中断）");
        assertThat(mark("WL01").flashing()).isTrue();
    }

    @Test
    void otherQuantitiesAndUnknownSensorsAreIgnored() {
        load();
        model.reading(new Events.SensorReading("WL01", 90.0, AT, "battery"));
        model.reading(new Events.SensorReading("ZZ", 90.0, AT));
        assertThat(mark("WL01").depth()).isEqualTo(3.0);
        assertThat(model.marks()).doesNotContainKey("ZZ");
    }
}
