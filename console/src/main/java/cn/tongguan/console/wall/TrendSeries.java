package cn.tongguan.console.wall;

import cn.tongguan.api.Lifeline;
import java.util.function.ToDoubleFunction;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;

/**
 * Plots a sensor's trend into a chart: one series per quantity, named with its unit, a legend only when there is
 * more than one (a cover's tilt, displacement and water under the lid). Shared by the wall's trend panel and the
 * seat's sensor card, which differ only in the x axis. FX thread.
 */
public final class TrendSeries {
    private TrendSeries() {
    }

    public static void plot(LineChart<Number, Number> chart, SensorTrendViewModel trend,
                            ToDoubleFunction<Lifeline.Reading> x) {
        var series = trend.series();
        chart.setLegendVisible(series.size() > 1);
        chart.getData().setAll(series.entrySet().stream().map(e -> {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(trend.quantityName(e.getKey()));
            s.getData().setAll(e.getValue().stream()
                    .map(r -> new XYChart.Data<Number, Number>(x.applyAsDouble(r), r.value())).toList());
            return s;
        }).toList());
    }
}
