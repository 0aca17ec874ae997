package cn.tongguan.console.wall;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.Reference;
import cn.tongguan.api.Stats;
import cn.tongguan.console.i18n.Messages;
import cn.tongguan.console.sync.WallData;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class WallPanelsViewModelTest {
    private final WallPanelsViewModel model = new WallPanelsViewModel(Messages.load(Locale.SIMPLIFIED_CHINESE), s -> s);
    private static final Instant AT = Instant.parse("2026-11-25T02:00:00Z");

    private static Stats.Row row(String key, String name, long reported, long dispatched, long disposed, long shouldClose,
                                 long closed, long overdue) {
        return new Stats.Row(key, name, reported, reported, dispatched, disposed, disposed, shouldClose, closed, closed, 0, 0,
                overdue, 0, null, null, null, null, null, null, null);
    }

    private static WallData data(double depthA, double depthB) {
        Stats.Report today = new Stats.Report("district", AT.minusSeconds(3600), AT, List.of(
                row("410702", "红旗区", 100, 80, 78, 90, 88, 3), row("410703", "卫滨区", 50, 40, 40, 45, 44, 0)));
        List<Reference.Sensor> sensors = List.of(
                new Reference.Sensor("WL01", "waterlogging", "积水监测点·人民路", 113.9, 35.3, "cm", 15.0, depthA, AT),
                new Reference.Sensor("UP01", "underpass", "下穿通道·新中大道", 113.86, 35.29, "cm", 25.0, depthB, AT),
                new Reference.Sensor("MC00001", "manhole", "智能井盖", 113.87, 35.31, "deg", 15.0, 80.0, AT));
        return new WallData(AT, today, sensors, List.of());
    }

    @Test
    void figuresAddUpTheDistricts() {
        model.update(data(0, 0));
        assertThat(model.receivedProperty().get()).isEqualTo("150");
        assertThat(model.closedProperty().get()).isEqualTo("132");
        assertThat(model.overdueProperty().get()).isEqualTo("3");
        assertThat(model.disposeRateProperty().get()).isEqualTo("98.33%");
        assertThat(model.closeRateProperty().get()).isEqualTo("97.78%");
        assertThat(model.districts()).containsExactly("红旗区：受理 100，结案率 97.78%", "卫滨区：受理 50，结案率 97.78%");
    }

    @Test
    void gaugesAreColouredByDepthAndUnderpassesCloseAt25Centimetres() {
        model.update(data(16, 30));
        assertThat(model.gauges()).extracting(WallPanelsViewModel.GaugeRow::id).containsExactly("UP01", "WL01");
        assertThat(model.gauges().get(0).level()).isEqualTo("orange");
        assertThat(model.gauges().get(0).closed()).isTrue();
        assertThat(model.gauges().get(1).level()).isEqualTo("yellow");
    }

    @Test
    void alarmsAreRaisedOnceAndClearedWhenTheWaterFalls() {
        model.update(data(16, 10));
        model.update(data(18, 10));
        assertThat(model.alarms()).containsExactly("10:00:00 告警 积水监测点·人民路 水深 16.0 厘米");
        model.update(data(3, 10));
        assertThat(model.alarms()).first().isEqualTo("10:00:00 解除 积水监测点·人民路 水深 3.0 厘米");
        assertThat(model.alarms()).hasSize(2);
    }
}
