package cn.tongguan.map;

import cn.tongguan.map.internal.FrameLoop;
import cn.tongguan.map.internal.FramePainter;
import cn.tongguan.map.internal.HitTester;
import cn.tongguan.map.internal.Hud;
import cn.tongguan.map.internal.LayerSet;
import cn.tongguan.map.internal.MapInput;
import cn.tongguan.map.internal.OverlayLayout;
import cn.tongguan.map.internal.OverlayRenderer;
import cn.tongguan.map.internal.Raster;
import cn.tongguan.map.internal.TileCache;
import cn.tongguan.map.internal.TileScheduler;
import cn.tongguan.map.internal.ViewAnimator;
import cn.tongguan.map.internal.Viewport;
import cn.tongguan.map.internal.WebMercator;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.shape.Rectangle;
import org.locationtech.jts.geom.Envelope;

/**
 * The map control: static layers from tiles rendered in the background, live items and labels drawn every
 * frame, hover/click/drill-down, and a view state the caller can store and restore.
 *
 * <p>Input: drag or arrow keys pan; wheel, {@code +}/{@code −} and pinch zoom (animated); hover shows a tooltip
 * and the cursor's lng/lat; click selects; double-click on a drill-down layer flies into that division,
 * Backspace/Escape fly back up; Home shows everything.
 *
 * <p>Threading: FX thread only. Layer preparation and tile rendering run on the injected {@code background}
 * executor; results return through the injected {@code fx} executor (normally {@code Platform::runLater}). The
 * control never blocks the FX thread on them.
 */
public final class MapView extends javafx.scene.layout.Region {
    private static final int MAX_TILE_LEVEL = 20;
    private static final double HIT_TOLERANCE_PX = 5;

    private final ObservableList<FeatureLayer> layers = FXCollections.observableArrayList();
    private final LiveOverlay overlay = new LiveOverlay();
    private final TileCache cache;
    private final TileScheduler scheduler;
    private final LayerSet layerSet;
    private final OverlayRenderer overlayRenderer;
    private final FramePainter painter;
    private final Hud hud = new Hud();
    private final ViewAnimator animator;
    private final int backgroundArgb;
    private final ReadOnlyObjectWrapper<MapViewState> viewState;
    private final ReadOnlyObjectWrapper<Throwable> error = new ReadOnlyObjectWrapper<>(this, "error");
    private final AnimationTimer timer;
    private final FrameLoop frames;
    /** Hover, click, drill-down and the selection. */
    private final MapPointer pointer = new MapPointer(this, hud, this::markDirty);

    /**
     * A map whose background work runs on {@code background} and whose results return via runLater;
     * {@code clock} says how old a live item is (a new one blinks).
     */
    public MapView(Executor background, Clock clock) {
        this(background, Platform::runLater, MapOptions.defaults(), clock);
    }

    public MapView(Executor background, Executor fx, MapOptions options, Clock clock) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(clock, "clock");
        this.backgroundArgb = Raster.argb(options.background());
        this.cache = new TileCache(options.tileCacheBytes());
        this.overlayRenderer = new OverlayRenderer(options.clusterBelowZoom(), options.blinkFor());
        this.painter = new FramePainter(cache, overlayRenderer, MAX_TILE_LEVEL);
        this.animator = new ViewAnimator(
                Viewport.of(new MapViewState(113.9, 35.3, 11), 800, 600), options.minZoom(), options.maxZoom());
        this.viewState = new ReadOnlyObjectWrapper<>(this, "viewState", animator.viewport().state());
        this.scheduler = new TileScheduler(background, fx, options.workers(), tile -> {
            cache.put(tile);
            markDirty();
        }, this::reportError);
        this.frames = new FrameLoop(new FrameLoop.Parts(animator, scheduler, painter, overlay, overlayRenderer, hud),
                pointer::selection, viewState::set, clock);
        this.layerSet = new LayerSet(layers, background, fx, this::sceneChanged, this::reportError);
        sceneChanged();
        overlay.addListener(() -> {
            overlayRenderer.overlayChanged();
            markDirty();
        });

        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        setFocusTraversable(true);
        setBackground(new javafx.scene.layout.Background(
                new javafx.scene.layout.BackgroundFill(options.background(), null, null)));
        getStyleClass().add("map-view");
        getChildren().addAll(painter.imageView(), painter.textLayer(), hud.pane());
        hud.setScaleBarVisible(options.scaleBar());
        new MapInput(this, animator, new MapInput.Target(this::viewChanged, this::markDirty, pointer::hover,
                pointer::left, pointer::click, this::drillUp, this::showAll));
        this.timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                frames.pulse(now);
            }
        };
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                timer.stop();
            } else {
                timer.start();
            }
        });
    }

    // Layers and overlay ---------------------------------------------------------------------------------------

    /** Static layers, bottom first. Add, remove or reorder freely. */
    public ObservableList<FeatureLayer> getLayers() {
        return layers;
    }

    public LiveOverlay getOverlay() {
        return overlay;
    }

    /**
     * The layers of the division hierarchy, coarse to fine (e.g. districts, streets, communities, grids): a
     * double-click on one of their features flies to it and reports a {@link DrillDown}.
     */
    public void setDrillDownLayers(List<FeatureLayer> levels) {
        pointer.setDrillDownLayers(levels);
    }

    // View -----------------------------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<MapViewState> viewStateProperty() {
        return viewState.getReadOnlyProperty();
    }

    public MapViewState getViewState() {
        return viewState.get();
    }

    /** Jumps to a view (e.g. the one stored when the console last closed). */
    public void setViewState(MapViewState state) {
        scheduler.jumped();
        animator.set(Viewport.of(state, animator.viewport().width(), animator.viewport().height()));
        viewChanged();
    }

    /** Flies smoothly to a view. */
    public void flyTo(MapViewState target) {
        animator.flyTo(WebMercator.x(target.lng()), WebMercator.y(target.lat()), target.zoom(), 900);
        markDirty();
    }

    /** Flies to show an extent in lng/lat degrees with a margin (an empty extent is ignored). */
    public void flyTo(Envelope lngLat) {
        if (!lngLat.isNull()) {
            flyTo(fit(lngLat));
        }
    }

    /** The view that shows an extent in lng/lat degrees with a 10 % margin. */
    public MapViewState fit(Envelope lngLat) {
        MapViewState fitted = animator.viewport().fit(lngLat.getMinX(), lngLat.getMinY(), lngLat.getMaxX(),
                lngLat.getMaxY(), 1.2);
        return new MapViewState(fitted.lng(), fitted.lat(), animator.clampZoom(fitted.zoom()));
    }

    /** Flies to show everything on the visible layers (also the Home key). */
    public void showAll() {
        Envelope all = new Envelope();
        layerSet.visibleCompiled().forEach(layer -> all.expandToInclude(layer.lngLatExtent()));
        flyTo(all);
    }

    public void zoomIn() {
        animator.zoomBy(1, getWidth() / 2, getHeight() / 2);
        markDirty();
    }

    public void zoomOut() {
        animator.zoomBy(-1, getWidth() / 2, getHeight() / 2);
        markDirty();
    }

    /** Shows or hides the scale bar (also {@link MapOptions#withScaleBar(boolean)}). */
    public void setScaleBarVisible(boolean shown) {
        hud.setScaleBarVisible(shown);
    }

    public boolean isScaleBarVisible() {
        return hud.scaleBarVisible();
    }

    // Hit-testing and selection ---------------------------------------------------------------------------------

    /** Features under a lng/lat position at the current zoom, top layer first (a few pixels of tolerance). */
    public List<FeatureHit> featuresAt(double lng, double lat) {
        Viewport vp = animator.viewport();
        return HitTester.hits(layerSet.visibleCompiled(), vp.level(MAX_TILE_LEVEL), WebMercator.x(lng),
                WebMercator.y(lat), HIT_TOLERANCE_PX / vp.worldSize());
    }

    /**
     * The live item or cluster bubble under a pixel of this control, exactly as the frame draws them (same cells,
     * same cluster zoom, items below their {@link LiveItem#minZoom()} left out): within the symbol's or bubble's
     * radius plus a few pixels, the nearest. {@code map.flyTo(hit.lngLat())} zooms into a cluster.
     */
    public Optional<OverlayHit> overlayAt(double x, double y) {
        return OverlayLayout.hit(overlayRenderer.layout(overlay, animator.viewport()), x, y);
    }

    /** A single click on a live item or cluster (reported before the click's feature hits, which still follow). */
    public void setOnOverlayClicked(Consumer<OverlayHit> handler) {
        pointer.setOnOverlayClicked(handler);
    }

    /** Features under a pixel of this control. */
    public List<FeatureHit> featuresAtPixel(double x, double y) {
        Viewport vp = animator.viewport();
        return featuresAt(WebMercator.lng(vp.worldX(x)), WebMercator.lat(vp.worldY(y)));
    }

    /** The lng/lat under a pixel of this control, as {@code [lng, lat]}. */
    public double[] toLngLat(double x, double y) {
        Viewport vp = animator.viewport();
        return new double[] {WebMercator.lng(vp.worldX(x)), WebMercator.lat(vp.worldY(y))};
    }

    /** The pixel of this control showing a lng/lat, as {@code [x, y]}. */
    public double[] toPixel(double lng, double lat) {
        Viewport vp = animator.viewport();
        return new double[] {vp.screenX(WebMercator.x(lng)), vp.screenY(WebMercator.y(lat))};
    }

    public void select(Feature feature) {
        pointer.select(feature);
    }

    public ReadOnlyObjectProperty<Feature> selectedProperty() {
        return pointer.selectedProperty();
    }

    public void setOnFeatureClicked(Consumer<List<FeatureHit>> handler) {
        pointer.setOnFeatureClicked(handler);
    }

    public void setOnHover(Consumer<List<FeatureHit>> handler) {
        pointer.setOnHover(handler);
    }

    /**
     * Goes one drill-down level back up (also Backspace or Escape): flies back to the view before the last
     * drill and reports the level now current ({@code level -1} with no layer or feature at the top).
     *
     * @return false when already at the top
     */
    public boolean drillUp() {
        return pointer.drillUp();
    }

    public void setOnDrillDown(Consumer<DrillDown> handler) {
        pointer.setOnDrillDown(handler);
    }

    /** The latest rendering failure (shown in the map's status line too); {@code null} while all is well. */
    public ReadOnlyObjectProperty<Throwable> errorProperty() {
        return error.getReadOnlyProperty();
    }

    // Introspection for tests, benchmarks and the status bar -----------------------------------------------------

    /** True when every layer is prepared and every tile of the current view is rendered and painted. */
    public boolean isComplete() {
        return !layerSet.busy() && frames.settled() && scheduler.outstanding() == 0;
    }

    /** Heap held by the prepared layers plus the tile cache. */
    public long memoryBytes() {
        return layerSet.bytes() + cache.bytes();
    }

    public long tileCacheBytes() {
        return cache.bytes();
    }

    /** Nanoseconds the last frame took to paint on the FX thread. */
    public long lastPaintNanos() {
        return frames.lastPaintNanos();
    }

    /** Premultiplied ARGB of a pixel of the last painted frame (0 before the first frame). */
    public int pixelAt(int x, int y) {
        return painter.pixelAt(x, y);
    }

    /** The names drawn in the last frame (division, road and place labels), with their boxes on screen. */
    public List<DrawnLabel> drawnLabels() {
        return painter.drawnLabels();
    }

    /**
     * The cluster counts drawn in the last frame (text as printed, e.g. "37" or "1.2k", and its box); a count
     * that would cover a name is moved beside its bubble or left out, so none of these meets a drawn label.
     */
    public List<DrawnLabel> drawnCounts() {
        return painter.drawnCounts();
    }

    /** Marks every cached tile out of date and renders the view afresh (old tiles stay on screen until replaced). */
    public void refresh() {
        layerSet.invalidate();
    }

    /** Paints now instead of at the next pulse (benchmarks time frames with it). */
    public void paintNow() {
        frames.paint(System.nanoTime());
    }

    /** Stops the frame timer; the executors belong to the caller. */
    public void dispose() {
        timer.stop();
    }

    // Internals ------------------------------------------------------------------------------------------------

    private void reportError(Throwable e) {
        error.set(e);
        hud.showStatus("部分地图内容无法绘制 / part of the map could not be drawn");
    }

    private void sceneChanged() {
        scheduler.setScene(new TileScheduler.Scene(layerSet.sceneVersion(), layerSet.visibleCompiled(),
                backgroundArgb));
        markDirty();
    }

    private void markDirty() {
        frames.markDirty();
    }

    private void viewChanged() {
        viewState.set(animator.viewport().state());
        markDirty();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (w != animator.viewport().width() || h != animator.viewport().height()) {
            animator.resize(w, h);
            markDirty();
        }
        painter.textLayer().resize(w, h);
        hud.pane().resize(w, h);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 800;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 600;
    }
}
