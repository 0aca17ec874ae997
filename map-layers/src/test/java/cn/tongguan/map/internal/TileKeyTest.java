package cn.tongguan.map.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TileKeyTest {
    @Test
    void xinxiangCentreLiesInTheKnownTileAtZoom12() {
        // slippy-map formula: x = floor((lng + 180) / 360 * 2^z), y = floor((1 - asinh(tan(lat)) / pi) / 2 * 2^z)
        TileKey key = TileKey.containing(12, WebMercator.x(113.9), WebMercator.y(35.3));
        assertThat(key).isEqualTo(new TileKey(12, 3343, 1618));
    }

    @Test
    void aTileContainsItsOwnCorner() {
        TileKey key = new TileKey(15, 26750, 12939);
        assertThat(TileKey.containing(15, key.minX() + 1e-12, key.minY() + 1e-12)).isEqualTo(key);
        assertThat(key.span()).isEqualTo(1.0 / 32768);
    }

    @Test
    void theParentHalvesTheIndices() {
        assertThat(new TileKey(10, 837, 405).parent()).isEqualTo(new TileKey(9, 418, 202));
    }

    @Test
    void pointsOutsideTheWorldClampToItsEdge() {
        assertThat(TileKey.containing(3, 1.2, -0.1)).isEqualTo(new TileKey(3, 7, 0));
    }

    @Test
    void impossibleTilesAreRejected() {
        assertThatThrownBy(() -> new TileKey(2, 4, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TileKey(0, 0, 0).parent()).isInstanceOf(IllegalStateException.class);
    }
}
