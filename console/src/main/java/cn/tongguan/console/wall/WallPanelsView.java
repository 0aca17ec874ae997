package cn.tongguan.console.wall;

import cn.tongguan.console.i18n.Messages;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The wall's panels by id: "kpi" and "queue" from the figures view model, "water" and "alarms" from the
 * lifeline view model, and "map" and
 * "video" from the components the composition root hands in. Built in code rather than FXML because each
 * is a title over one bound list or grid, created on demand as the layout asks for it.
 */
public final class WallPanelsView {
    private final WallPanelsViewModel model;
    private final LifelineViewModel lifeline;
    private final Messages messages;
    private final Map<String, Supplier<Node>> components;

    public WallPanelsView(WallPanelsViewModel model, LifelineViewModel lifeline, Messages messages,
                      Map<String, Supplier<Node>> components) {
        this.model = model;
        this.lifeline = lifeline;
        this.messages = messages;
        this.components = components;
    }

    public Node create(String id) {
        // Empty lists say so in our words, not the host's (ControlTexts).
        return cn.tongguan.console.shell.ControlTexts.apply(panel(id), messages);
    }

    private Node panel(String id) {
        return switch (id) {
            case "kpi" -> titled(messages.text("wall.panel.kpi"), kpis());
            case "water" -> titled(messages.text("wall.panel.water"), water());
            case "alarms" -> titled(messages.text("wall.panel.alarms"), list(lifeline.ticker(), "wall-alarm",
                    messages.text("wall.empty.alarms")));
            case "queue" -> titled(messages.text("wall.panel.queue"), list(model.cases(), "wall-case",
                    messages.text("wall.empty.queue")));
            default -> {
                Supplier<Node> component = components.get(id);
                yield component != null ? component.get() : titled(messages.text("wall.panel.unknown"), new Label(id));
            }
        };
    }

    private Node titled(String text, Node body) {
        Label title = new Label(text);
        title.getStyleClass().add("wall-panel-title");
        VBox box = new VBox(8, title, body);
        box.getStyleClass().add("wall-titled");
        VBox.setVgrow(body, Priority.ALWAYS);
        return new StackPane(box);
    }

    private Node kpis() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("wall-kpis");
        figure(grid, 0, 0, messages.text("wall.kpi.received"), model.receivedProperty());
        figure(grid, 1, 0, messages.text("wall.kpi.dispatched"), model.dispatchedProperty());
        figure(grid, 2, 0, messages.text("wall.kpi.closed"), model.closedProperty());
        figure(grid, 0, 1, messages.text("wall.kpi.disposeRate"), model.disposeRateProperty());
        figure(grid, 1, 1, messages.text("wall.kpi.closeRate"), model.closeRateProperty());
        figure(grid, 2, 1, messages.text("wall.kpi.overdue"), model.overdueProperty());
        // No district lines until the figures arrive: the dashes above already say so.
        ListView<String> districts = list(model.districts(), "wall-district", "");
        VBox box = new VBox(10, grid, districts);
        VBox.setVgrow(districts, Priority.ALWAYS);
        return box;
    }

    private void figure(GridPane grid, int column, int row, String captionText, ObservableStringValue value) {
        Label number = new Label();
        number.textProperty().bind(value);
        number.getStyleClass().add("wall-figure");
        Label caption = new Label(captionText);
        caption.getStyleClass().add("wall-figure-caption");
        VBox cell = new VBox(2, number, caption);
        cell.setAlignment(Pos.CENTER);
        GridPane.setHgrow(cell, Priority.ALWAYS);
        cell.setMaxWidth(Double.MAX_VALUE);
        grid.add(cell, column, row);
    }

    private Node water() {
        ListView<LifelineViewModel.GaugeRow> gauges = new ListView<>(lifeline.gauges());
        gauges.getStyleClass().add("wall-list");
        gauges.setFocusTraversable(false);
        gauges.setPlaceholder(new Label(messages.text("wall.empty.water")));
        gauges.setCellFactory(v -> new ListCell<>() {
            private final Label name = new Label();
            private final Region bar = new Region();
            private final Label depth = new Label();
            private final HBox row = new HBox(10, name, bar, depth);

            {
                row.setAlignment(Pos.CENTER_LEFT);
                name.setPrefWidth(260);
                bar.getStyleClass().add("wall-gauge-bar");
            }

            @Override
            protected void updateItem(LifelineViewModel.GaugeRow g, boolean empty) {
                super.updateItem(g, empty);
                if (empty || g == null) {
                    setGraphic(null);
                    return;
                }
                name.setText(g.name());
                // 60 cm fills the bar: deeper than any threshold.
                bar.setPrefWidth(Math.max(2, Math.min(1, g.depth() / 60.0) * 220));
                bar.getStyleClass().removeIf(c -> c.startsWith("level-"));
                bar.getStyleClass().add(g.noData() ? "level-nodata" : "level-" + g.level());
                depth.setText(g.noData() ? messages.text("wall.water.nodata")
                        : g.closed() ? messages.text("wall.water.closed", g.depth())
                        : messages.text("wall.water.depth", g.depth()));
                setGraphic(row);
            }
        });
        return gauges;
    }

    /** A wall list; {@code empty} is what it says, read from across the hall, while it has no lines. */
    private static ListView<String> list(javafx.collections.ObservableList<String> items, String style, String empty) {
        ListView<String> list = new ListView<>(items);
        list.setPlaceholder(new Label(empty));
        list.getStyleClass().addAll("wall-list", style);
        list.setFocusTraversable(false);
        return list;
    }
}
