package cn.tongguan.map;

import cn.tongguan.map.internal.DrillPath;
import cn.tongguan.map.internal.Hud;
import cn.tongguan.map.internal.Selection;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * What the pointer does on a {@link MapView}: hover shows a tooltip and the cursor's lng/lat, a click selects and
 * reports the overlay and feature hits, a double-click on a drill-down layer flies into that division and
 * {@link #drillUp} back out. Holds the selection and the caller's handlers; the map keeps the view and the frames.
 * FX thread only.
 */
final class MapPointer {
    private final MapView map;
    private final Hud hud;
    private final Runnable markDirty;
    private final ReadOnlyObjectWrapper<Feature> selected;
    private Consumer<List<FeatureHit>> onFeatureClicked = hits -> { };
    private Consumer<List<FeatureHit>> onHover = hits -> { };
    private Consumer<DrillDown> onDrillDown = drill -> { };
    private Consumer<OverlayHit> onOverlayClicked = hit -> { };
    private DrillPath drillPath = new DrillPath(List.of());
    private Selection selection;

    MapPointer(MapView map, Hud hud, Runnable markDirty) {
        this.map = map;
        this.hud = hud;
        this.markDirty = markDirty;
        this.selected = new ReadOnlyObjectWrapper<>(map, "selected");
    }

    /** The selected feature as the frame outlines it; null when none. */
    Selection selection() {
        return selection;
    }

    void setDrillDownLayers(List<FeatureLayer> levels) {
        this.drillPath = new DrillPath(levels);
    }

    void select(Feature feature) {
        selection = feature == null ? null : new Selection(feature);
        selected.set(feature);
        markDirty.run();
    }

    ReadOnlyObjectProperty<Feature> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    void setOnFeatureClicked(Consumer<List<FeatureHit>> handler) {
        this.onFeatureClicked = Objects.requireNonNull(handler);
    }

    void setOnHover(Consumer<List<FeatureHit>> handler) {
        this.onHover = Objects.requireNonNull(handler);
    }

    void setOnDrillDown(Consumer<DrillDown> handler) {
        this.onDrillDown = Objects.requireNonNull(handler);
    }

    void setOnOverlayClicked(Consumer<OverlayHit> handler) {
        this.onOverlayClicked = Objects.requireNonNull(handler);
    }

    /** See {@link MapView#drillUp()}. */
    boolean drillUp() {
        DrillPath.Step left = drillPath.pop();
        if (left == null) {
            return false;
        }
        DrillPath.Step now = drillPath.current();
        select(now == null ? null : now.hit().feature());
        map.flyTo(left.before());
        onDrillDown.accept(now == null ? new DrillDown(-1, null, null)
                : new DrillDown(now.level(), now.hit().layer(), now.hit().feature()));
        return true;
    }

    void hover(double x, double y) {
        double[] lngLat = map.toLngLat(x, y);
        hud.showCursor(lngLat[0], lngLat[1]);
        List<FeatureHit> hits = map.featuresAtPixel(x, y);
        hud.showTooltip(hits.isEmpty() ? null : Hud.describe(hits.get(0)), x, y);
        onHover.accept(hits);
    }

    /** The pointer left the map: no tooltip. */
    void left() {
        hud.showTooltip(null, 0, 0);
    }

    void click(double x, double y, int count) {
        List<FeatureHit> hits = map.featuresAtPixel(x, y);
        if (count >= 2) {
            DrillPath.Step step = drillPath.choose(hits, map.getViewState());
            if (step != null) {
                drillPath.push(step);
                select(step.hit().feature());
                map.flyTo(step.hit().feature().geometry().getEnvelopeInternal());
                onDrillDown.accept(new DrillDown(step.level(), step.hit().layer(), step.hit().feature()));
            }
            return;
        }
        map.overlayAt(x, y).ifPresent(onOverlayClicked);
        select(hits.isEmpty() ? null : hits.get(0).feature());
        onFeatureClicked.accept(hits);
    }
}
