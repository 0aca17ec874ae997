package cn.tongguan.console.citymap;

import cn.tongguan.api.Lifeline;
import cn.tongguan.console.i18n.Messages;
import cn.tongguan.console.wall.SensorTrendViewModel;
import cn.tongguan.console.wall.TrendSeries;
import java.time.Instant;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * What a card adds below its facts: a sensor's trend (the last hours, then live, from
 * {@link SensorTrendViewModel}) as a small chart, a camera's 播放 button. FX thread.
 */
final class CityMapCards {
    private final Messages messages;
    private final CityLive live;
    private final CameraPlayer player;
    private final LineChart<Number, Number> chart;
    private final Label note = new Label();

    CityMapCards(Messages messages, CityLive live, CameraPlayer player) {
        this.messages = messages;
        this.live = live;
        this.player = player;
        NumberAxis hours = new NumberAxis();
        hours.setLabel(messages.text("citymap.sensor.hoursAgo"));
        hours.setForceZeroInRange(false);
        NumberAxis value = new NumberAxis();
        value.setForceZeroInRange(false);
        value.labelProperty().bind(live.trend().axisProperty());
        chart = new LineChart<>(hours, value);
        chart.setId("cityMapTrend");
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setPrefSize(300, 170);
        note.setId("cityMapTrendNote");
        note.textProperty().bind(live.trend().noteProperty());
        live.trend().points().addListener((ListChangeListener<Lifeline.Reading>) c -> plot());
    }

    /** The node shown below a card's facts, or null. */
    Node extra(CityCard card) {
        if ("sensor".equals(card.kind())) {
            plot();
            return new VBox(2, new Label(messages.text("citymap.sensor.trend")), chart, note);
        }
        if ("camera".equals(card.kind())) {
            CityLive.CameraMark camera = live.camera(card.target());
            Button play = new Button(messages.text("citymap.camera.play"));
            play.setId("cityMapPlay");
            play.setDisable(camera == null || camera.streamUrl() == null);
            play.setOnAction(e -> player.play(camera));
            return play;
        }
        return null;
    }

    /** Hours before the latest reading on x, so the chart reads "how it rose" without a clock axis. */
    private void plot() {
        var points = live.trend().points();
        if (points.isEmpty()) {
            chart.getData().clear();
            return;
        }
        Instant last = points.get(points.size() - 1).at();
        TrendSeries.plot(chart, live.trend(), r -> -(last.toEpochMilli() - r.at().toEpochMilli()) / 3_600_000.0);
    }

    /** How many points the chart plots (for tests). */
    int plotted() {
        return chart.getData().stream().mapToInt(s -> s.getData().size()).sum();
    }
}
