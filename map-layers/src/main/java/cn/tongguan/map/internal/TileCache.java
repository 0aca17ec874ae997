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
    private long bytes;

    public TileCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The tile, current or stale, marking it recently used. */
    public Tile get(TileKey key) {
        return tiles.get(key);
    }

    public void put(Tile tile) {
        Tile old = tiles.put(tile.key(), tile);
        if (old != null) {
            bytes -= old.bytes();
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
        }
    }

    public void clear() {
        tiles.clear();
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
