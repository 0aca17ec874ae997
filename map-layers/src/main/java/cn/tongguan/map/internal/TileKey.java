package cn.tongguan.map.internal;

/**
 * One tile of the XYZ pyramid: at zoom z the world is 2^z × 2^z tiles of {@link WebMercator#TILE_SIZE} pixels.
 */
public record TileKey(int z, int x, int y) {
    public TileKey {
        int n = 1 << z;
        if (z < 0 || z > 24 || x < 0 || y < 0 || x >= n || y >= n) {
            throw new IllegalArgumentException("no such tile: " + z + "/" + x + "/" + y);
        }
    }

    /** The tile that contains a normalised world point at zoom z (edges clamp into the world). */
    public static TileKey containing(int z, double worldX, double worldY) {
        int n = 1 << z;
        int tx = (int) Math.floor(worldX * n);
        int ty = (int) Math.floor(worldY * n);
        return new TileKey(z, Math.max(0, Math.min(n - 1, tx)), Math.max(0, Math.min(n - 1, ty)));
    }

    public TileKey parent() {
        if (z == 0) {
            throw new IllegalStateException("the root tile has no parent");
        }
        return new TileKey(z - 1, x >> 1, y >> 1);
    }

    /** Western edge in normalised world units. */
    public double minX() {
        return (double) x / (1 << z);
    }

    /** Northern edge in normalised world units. */
    public double minY() {
        return (double) y / (1 << z);
    }

    /** Edge length in normalised world units. */
    public double span() {
        return 1.0 / (1 << z);
    }
}
