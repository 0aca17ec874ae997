package cn.tongguan.map.internal;

import cn.tongguan.map.Feature;
import cn.tongguan.map.FeatureLayer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one {@link CompiledLayer} per layer of the map, recompiling on a worker whenever a layer's version
 * changes, and publishes a new scene version whenever what tiles show changes (data, style, visibility, order).
 * FX thread only, apart from the compile jobs it submits.
 */
public final class LayerSet {
    private static final Logger LOG = LoggerFactory.getLogger(LayerSet.class);

    private final ObservableList<FeatureLayer> layers;
    private final Executor background;
    private final Executor fx;
    private final Runnable onSceneChanged;
    private final Consumer<Throwable> onError;
    private final Map<FeatureLayer, CompiledLayer> compiled = new IdentityHashMap<>();
    /** Per attached layer, what detaches our listeners from it. */
    private final Map<FeatureLayer, Runnable> listeners = new IdentityHashMap<>();
    private final java.util.Set<FeatureLayer> inFlight = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final java.util.Set<FeatureLayer> again = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private long sceneVersion = 1;
    private int compiling;

    public LayerSet(ObservableList<FeatureLayer> layers, Executor background, Executor fx, Runnable onSceneChanged,
                    Consumer<Throwable> onError) {
        this.layers = layers;
        this.background = background;
        this.fx = fx;
        this.onSceneChanged = onSceneChanged;
        this.onError = onError;
        layers.addListener((ListChangeListener<FeatureLayer>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(this::detach);
                change.getAddedSubList().forEach(this::attach);
            }
            bump();
        });
        layers.forEach(this::attach);
    }

    private void attach(FeatureLayer layer) {
        if (listeners.containsKey(layer)) {
            return;
        }
        InvalidationListener versionListener = obs -> compile(layer);
        InvalidationListener visibilityListener = obs -> bump();
        layer.versionProperty().addListener(versionListener);
        layer.visibleProperty().addListener(visibilityListener);
        listeners.put(layer, () -> {
            layer.versionProperty().removeListener(versionListener);
            layer.visibleProperty().removeListener(visibilityListener);
        });
        compile(layer);
    }

    private void detach(FeatureLayer layer) {
        if (layers.contains(layer)) {
            return;
        }
        Runnable remover = listeners.remove(layer);
        if (remover != null) {
            remover.run();
        }
        compiled.remove(layer);
    }

    private void compile(FeatureLayer layer) {
        // data arriving faster than it can be indexed: one job per layer at a time, then one more with the latest
        if (inFlight.contains(layer)) {
            again.add(layer);
            return;
        }
        inFlight.add(layer);
        long version = layer.versionProperty().get();
        List<Feature> features = layer.features();
        CompiledLayer.Settings settings = CompiledLayer.Settings.of(layer);
        compiling++;
        try {
            background.execute(() -> compileNow(layer, version, features, settings));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            compiling--;
            inFlight.remove(layer);
            LOG.debug("executor rejected the preparation of {}", layer.id(), e);
        }
    }

    private void compileNow(FeatureLayer layer, long version, List<Feature> features,
                            CompiledLayer.Settings settings) {
        try {
            long start = System.nanoTime();
            CompiledLayer result = CompiledLayer.compile(layer, version, features, settings);
            LOG.debug("compiled {} in {} ms", layer, (System.nanoTime() - start) / 1_000_000);
            fx.execute(() -> commit(layer, result));
        } catch (RuntimeException | OutOfMemoryError e) {
            LOG.warn("layer {} could not be prepared", layer.id(), e);
            fx.execute(() -> {
                compiling--;
                finished(layer);
                onError.accept(e);
            });
        }
    }

    private void finished(FeatureLayer layer) {
        inFlight.remove(layer);
        if (again.remove(layer) && listeners.containsKey(layer)) {
            compile(layer);
        }
    }

    private void commit(FeatureLayer layer, CompiledLayer result) {
        compiling--;
        finished(layer);
        // a result for a removed layer, or older than the layer's current data, is dropped
        if (!listeners.containsKey(layer) || result.version() != layer.versionProperty().get()) {
            return;
        }
        compiled.put(layer, result);
        bump();
    }

    private void bump() {
        sceneVersion++;
        onSceneChanged.run();
    }

    /** Declares every tile out of date without recompiling the layers. */
    public void invalidate() {
        bump();
    }

    public long sceneVersion() {
        return sceneVersion;
    }

    /** Compiled, visible layers in drawing order (bottom first). */
    public List<CompiledLayer> visibleCompiled() {
        List<CompiledLayer> result = new ArrayList<>();
        for (FeatureLayer layer : layers) {
            CompiledLayer c = compiled.get(layer);
            if (c != null && layer.isVisible()) {
                result.add(c);
            }
        }
        return List.copyOf(result);
    }

    /** Whether layers are still being prepared. */
    public boolean busy() {
        return compiling > 0;
    }

    public long bytes() {
        return compiled.values().stream().mapToLong(CompiledLayer::bytes).sum();
    }
}
