package cn.tongguan.map.internal;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Least-recently-used tiles under a byte budget. A tile rendered for an older scene version stays usable as a
 * stand-in (drawn until its replacement arrives, so data changes never flash blank) but counts as stale.
 * FX thread only.
 */
public final class TileCache {
    /** A rendered tile and the scene version it shows. */
    public record Tile(TileKey key, int[] pixels, long version) {
        long bytes() {
            return 4L * pixels.length + 64;
        }
    }

    private final long maxBytes;
    private final LinkedHashMap<TileKey, Tile> tiles = new LinkedHashMap<>(256, 0.75f, true);
    /** How many tiles of each zoom are held: where stand-ins for a missing tile can come from. */
    private final java.util.TreeMap<Double, Integer> perZoom = new java.util.TreeMap<>();
    private long bytes;

    public TileCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The tile, current or stale, marking it recently used. */
    public Tile get(TileKey key) {
        return tiles.get(key);
    }

    /** Zooms with cached tiles within five levels of {@code zoom}, nearest first, at most {@code limit}. */
    public java.util.List<Double> zoomsNear(double zoom, int limit) {
        java.util.List<Double> near = new java.util.ArrayList<>();
        for (double z : perZoom.subMap(zoom - 5, true, zoom + 5, true).keySet()) {
            near.add(z);
        }
        // nearest first; at equal distance the coarser one, whose enlargement drops nothing
        near.sort(java.util.Comparator.comparingDouble((Double z) -> Math.abs(z - zoom)).thenComparingDouble(z -> z));
        return near.size() > limit ? near.subList(0, limit) : near;
    }

    public void put(Tile tile) {
        Tile old = tiles.put(tile.key(), tile);
        if (old != null) {
            bytes -= old.bytes();
        } else {
            perZoom.merge(tile.key().zoom(), 1, Integer::sum);
        }
        bytes += tile.bytes();
        Iterator<Map.Entry<TileKey, Tile>> eldest = tiles.entrySet().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            Tile evicted = eldest.next().getValue();
            if (evicted == tile) {
                break;
            }
            bytes -= evicted.bytes();
            eldest.remove();
            perZoom.computeIfPresent(evicted.key().zoom(), (z, count) -> count == 1 ? null : count - 1);
        }
    }

    public void clear() {
        tiles.clear();
        perZoom.clear();
        bytes = 0;
    }

    public long bytes() {
        return bytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public int size() {
        return tiles.size();
    }
}
