package cn.tongguan.map;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import cn.tongguan.map.internal.WebMercator;

/**
 * The live items (cases, sensors, cameras, alarms) drawn on top of the tiles every frame. Items are kept in a
 * grid index of about 1.2 km cells (normalised Web Mercator at level 15), so a frame visits only the cells on
 * screen. FX thread only: feed it from the console's event stream through {@code Platform.runLater}.
 */
public final class LiveOverlay {
    private static final int GRID_LEVEL = 15;
    private final Map<String, LiveItem> items = new HashMap<>();
    private final Map<Long, List<LiveItem>> grid = new HashMap<>();
    private final List<Runnable> listeners = new ArrayList<>();
    private boolean gridStale;

    /** Adds or replaces (same id) an item. */
    public void put(LiveItem item) {
        items.put(item.id(), item);
        changed();
    }

    public void putAll(Collection<LiveItem> batch) {
        batch.forEach(item -> items.put(item.id(), item));
        changed();
    }

    public void remove(String id) {
        if (items.remove(id) != null) {
            changed();
        }
    }

    public void clear() {
        items.clear();
        changed();
    }

    public int size() {
        return items.size();
    }

    public LiveItem get(String id) {
        return items.get(id);
    }

    /** Items whose position lies in the world window (normalised Web Mercator). */
    public List<LiveItem> query(double minX, double minY, double maxX, double maxY) {
        if (gridStale) {
            rebuild();
        }
        int n = 1 << GRID_LEVEL;
        int cx0 = Math.max(0, (int) (minX * n));
        int cy0 = Math.max(0, (int) (minY * n));
        int cx1 = Math.min(n - 1, (int) (maxX * n));
        int cy1 = Math.min(n - 1, (int) (maxY * n));
        List<LiveItem> result = new ArrayList<>();
        if ((long) (cx1 - cx0 + 1) * (cy1 - cy0 + 1) > grid.size()) {
            // zoomed far out: walking the occupied cells is cheaper than walking the window
            grid.forEach((cell, list) -> collect(list, minX, minY, maxX, maxY, result));
            return result;
        }
        for (int cy = cy0; cy <= cy1; cy++) {
            for (int cx = cx0; cx <= cx1; cx++) {
                List<LiveItem> list = grid.get(((long) cy << 32) | cx);
                if (list != null) {
                    collect(list, minX, minY, maxX, maxY, result);
                }
            }
        }
        return result;
    }

    private static void collect(List<LiveItem> list, double minX, double minY, double maxX, double maxY,
                                List<LiveItem> out) {
        for (LiveItem item : list) {
            double x = WebMercator.x(item.lng());
            double y = WebMercator.y(item.lat());
            if (x >= minX && x <= maxX && y >= minY && y <= maxY) {
                out.add(item);
            }
        }
    }

    private void rebuild() {
        grid.clear();
        int n = 1 << GRID_LEVEL;
        for (LiveItem item : items.values()) {
            long cx = Math.max(0, Math.min(n - 1, (int) (WebMercator.x(item.lng()) * n)));
            long cy = Math.max(0, Math.min(n - 1, (int) (WebMercator.y(item.lat()) * n)));
            grid.computeIfAbsent((cy << 32) | cx, k -> new ArrayList<>()).add(item);
        }
        gridStale = false;
    }

    private void changed() {
        gridStale = true;
        listeners.forEach(Runnable::run);
    }

    /** Called after every change (the map uses it to schedule a repaint). */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }
}
