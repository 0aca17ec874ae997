package cn.tongguan.map.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TileCacheTest {
    private static TileCache.Tile tile(int x, long version) {
        return new TileCache.Tile(new TileKey(10, x, 0), new int[256 * 256], version);
    }

    @Test
    void staysWithinItsByteBudget() {
        TileCache cache = new TileCache(10L * (256 * 256 * 4 + 64));
        for (int x = 0; x < 50; x++) {
            cache.put(tile(x, 1));
        }
        assertThat(cache.size()).isEqualTo(10);
        assertThat(cache.bytes()).isLessThanOrEqualTo(cache.maxBytes());
    }

    @Test
    void evictsTheLeastRecentlyUsedTile() {
        TileCache cache = new TileCache(3L * (256 * 256 * 4 + 64));
        cache.put(tile(0, 1));
        cache.put(tile(1, 1));
        cache.put(tile(2, 1));
        cache.get(new TileKey(10, 0, 0));
        cache.put(tile(3, 1));
        assertThat(cache.get(new TileKey(10, 1, 0))).isNull();
        assertThat(cache.get(new TileKey(10, 0, 0))).isNotNull();
    }

    @Test
    void aReplacedTileDoesNotCountTwice() {
        TileCache cache = new TileCache(1L << 30);
        cache.put(tile(0, 1));
        cache.put(tile(0, 2));
        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.bytes()).isEqualTo(256 * 256 * 4 + 64);
        assertThat(cache.get(new TileKey(10, 0, 0)).version()).isEqualTo(2);
    }
}
