package cn.tongguan.map;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;

/**
 * The legend and layer switcher: one check box per layer (top layer first, bound to its visibility) with the
 * layer's legend lines under it, each with the symbol it is drawn with. Follows the layer list as it changes.
 * Style classes: {@code map-legend}, {@code map-legend-layer}, {@code map-legend-entry}. FX thread only.
 */
public final class MapLegend extends VBox {
    private final ObservableList<FeatureLayer> layers;
    private final java.util.List<FeatureLayer> bound = new java.util.ArrayList<>();
    private final java.util.List<CheckBox> toggles = new java.util.ArrayList<>();

    public MapLegend(ObservableList<FeatureLayer> layers) {
        super(4);
        this.layers = layers;
        getStyleClass().add("map-legend");
        layers.addListener((ListChangeListener<FeatureLayer>) change -> rebuild());
        rebuild();
    }

    private void rebuild() {
        List<FeatureLayer> previous = List.copyOf(bound);
        for (int i = 0; i < previous.size(); i++) {
            toggles.get(i).selectedProperty().unbindBidirectional(previous.get(i).visibleProperty());
        }
        bound.clear();
        toggles.clear();
        getChildren().clear();
        List<FeatureLayer> snapshot = List.copyOf(layers);
        for (int i = snapshot.size() - 1; i >= 0; i--) {
            FeatureLayer layer = snapshot.get(i);
            CheckBox toggle = new CheckBox(layer.title());
            toggle.setId("legend-" + layer.id());
            toggle.getStyleClass().add("map-legend-layer");
            toggle.selectedProperty().bindBidirectional(layer.visibleProperty());
            bound.add(layer);
            toggles.add(toggle);
            getChildren().add(toggle);
            for (LegendEntry entry : layer.legend()) {
                Label line = new Label(entry.label(), swatch(entry));
                line.getStyleClass().add("map-legend-entry");
                line.setStyle("-fx-padding: 0 0 0 18;");
                getChildren().add(line);
            }
        }
    }

    /** A 12-pixel picture of the symbol, so the legend looks like the map. */
    static Node swatch(LegendEntry entry) {
        Color colour = entry.colour().getOpacity() < 0.3
                ? Color.color(entry.colour().getRed(), entry.colour().getGreen(), entry.colour().getBlue(), 0.6)
                : entry.colour();
        return switch (entry.shape()) {
            case CIRCLE -> new Circle(6, colour);
            case SQUARE -> new Rectangle(11, 11, colour);
            case TRIANGLE -> {
                Polygon triangle = new Polygon(6, 0, 12, 11, 0, 11);
                triangle.setFill(colour);
                yield triangle;
            }
            case DIAMOND -> {
                Polygon diamond = new Polygon(6, 0, 12, 6, 6, 12, 0, 6);
                diamond.setFill(colour);
                yield diamond;
            }
        };
    }
}
