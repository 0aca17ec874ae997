package cn.tongguan.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * A static layer: features (JTS geometries in lng/lat with attributes) drawn with one {@link Style} between a
 * minimum and maximum zoom, rendered into cached tiles. Changing the features or the style bumps
 * {@link #versionProperty()}, which makes the map re-index the layer in the background and re-render tiles.
 *
 * <p>Point layers may aggregate: below {@code aggregateBelowZoom} the map draws the density of points per
 * screen cell instead of every symbol (the city-zoom view of 629,724 parts).
 *
 * <p>Threading: FX thread only (it carries JavaFX properties); the feature list handed in is copied, so a caller
 * may keep mutating its own list.
 */
public final class FeatureLayer {
    private final String id;
    private final String title;
    private final ReadOnlyLongWrapper version = new ReadOnlyLongWrapper(this, "version", 0);
    private final BooleanProperty visible = new SimpleBooleanProperty(this, "visible", true);
    private List<Feature> features;
    private Style style;
    private double minZoom;
    private double maxZoom = 30;
    private double aggregateBelowZoom = Double.NEGATIVE_INFINITY;
    private boolean hitTestable = true;
    private double labelMinZoom = Double.NEGATIVE_INFINITY;

    public FeatureLayer(String id, String title, List<Feature> features, Style style) {
        this.id = Objects.requireNonNull(id, "id");
        this.title = Objects.requireNonNull(title, "title");
        this.features = List.copyOf(features);
        this.style = Objects.requireNonNull(style, "style");
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public List<Feature> features() {
        return features;
    }

    public Style style() {
        return style;
    }

    public double minZoom() {
        return minZoom;
    }

    public double maxZoom() {
        return maxZoom;
    }

    public double aggregateBelowZoom() {
        return aggregateBelowZoom;
    }

    public boolean hitTestable() {
        return hitTestable;
    }

    public double labelMinZoom() {
        return labelMinZoom;
    }

    /**
     * Names (the style's label attribute) are drawn only from this zoom on, while the features show from
     * {@link #minZoom()}: roads drawn from district zoom carry their names at street zoom.
     */
    public FeatureLayer labelsFrom(double zoom) {
        this.labelMinZoom = zoom;
        version.set(version.get() + 1);
        return this;
    }

    /** Replaces the data; tiles of this layer are invalidated. */
    public void setFeatures(List<Feature> newFeatures) {
        this.features = List.copyOf(newFeatures);
        version.set(version.get() + 1);
    }

    public void setStyle(Style newStyle) {
        this.style = Objects.requireNonNull(newStyle, "style");
        version.set(version.get() + 1);
    }

    /** Shown only when {@code min <= zoom < max}. */
    public FeatureLayer zoomRange(double min, double max) {
        this.minZoom = min;
        this.maxZoom = max;
        version.set(version.get() + 1);
        return this;
    }

    /** Points are drawn as a density raster below this zoom, every symbol from it on. */
    public FeatureLayer aggregateBelow(double zoom) {
        this.aggregateBelowZoom = zoom;
        version.set(version.get() + 1);
        return this;
    }

    /** Whether hover and click report this layer's features (off for pure backdrops). */
    public FeatureLayer hitTestable(boolean value) {
        this.hitTestable = value;
        return this;
    }

    public boolean isShownAt(double zoom) {
        return visible.get() && zoom >= minZoom && zoom < maxZoom;
    }

    public ReadOnlyLongProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    public BooleanProperty visibleProperty() {
        return visible;
    }

    public boolean isVisible() {
        return visible.get();
    }

    public void setVisible(boolean value) {
        visible.set(value);
    }

    /**
     * Legend lines: the layer itself for polygons and lines, one line per class for classified points, one line
     * per class break ("< 5", "5–20", "≥ 20") for a choropleth.
     */
    public List<LegendEntry> legend() {
        List<LegendEntry> entries = new ArrayList<>();
        if (style.choropleth() != null) {
            List<String> labels = style.choropleth().labels();
            for (int i = 0; i < labels.size(); i++) {
                entries.add(new LegendEntry(labels.get(i), style.choropleth().fills().get(i), SymbolShape.SQUARE));
            }
        } else if (style.classes().isEmpty()) {
            boolean filled = style.fill().getOpacity() > 0;
            // lines and polygons show as a square swatch; points as their symbol
            boolean areal = !features.isEmpty() && features.get(0).geometry().getDimension() > 0;
            entries.add(new LegendEntry(title, filled ? style.fill() : style.stroke(),
                    areal ? SymbolShape.SQUARE : style.defaultSymbol().shape()));
        } else {
            for (Map.Entry<String, PointSymbol> entry : style.classes().entrySet()) {
                entries.add(new LegendEntry(entry.getKey(), entry.getValue().colour(), entry.getValue().shape()));
            }
        }
        return entries;
    }

    @Override
    public String toString() {
        return "FeatureLayer[" + id + ", " + features.size() + " features]";
    }
}
