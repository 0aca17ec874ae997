package cn.tongguan.map.internal;

/**
 * One 256-pixel tile of the map drawn at a zoom. At an integer zoom z this is the usual XYZ pyramid (2^z × 2^z
 * tiles). A settled view at a fractional zoom gets tiles of its own, drawn at exactly that scale (decision 0115),
 * so lines and symbols are never resampled: the grid then has ⌈2^zoom⌉ tiles a side, the last one partly
 * outside the world. {@code z} is the tile level whose layers are shown (zoom ranges are judged at levels so that
 * tiles can be cached): the zoom itself for pyramid tiles, the rounded zoom for exact ones.
 */
public record TileKey(int z, int x, int y, double zoom) {
    public TileKey {
        int n = tilesPerSide(zoom);
        if (z < 0 || z > 24 || zoom < 0 || zoom > 24 || x < 0 || y < 0 || x >= n || y >= n) {
            throw new IllegalArgumentException("no such tile: " + z + "/" + x + "/" + y + " @" + zoom);
        }
    }

    /** A tile of the integer pyramid. */
    public TileKey(int z, int x, int y) {
        this(z, x, y, z);
    }

    /** Tiles along one side of the world at a zoom. */
    public static int tilesPerSide(double zoom) {
        return (int) Math.ceil(Math.pow(2, zoom) - 1e-9);
    }

    /** The pyramid tile that contains a normalised world point at zoom z (edges clamp into the world). */
    public static TileKey containing(int z, double worldX, double worldY) {
        int n = 1 << z;
        int tx = (int) Math.floor(worldX * n);
        int ty = (int) Math.floor(worldY * n);
        return new TileKey(z, Math.max(0, Math.min(n - 1, tx)), Math.max(0, Math.min(n - 1, ty)));
    }

    public TileKey parent() {
        if (z == 0 || zoom != z) {
            throw new IllegalStateException("only pyramid tiles below the root have a parent");
        }
        return new TileKey(z - 1, x >> 1, y >> 1);
    }

    /** Pixels per normalised world unit at this tile's scale. */
    public double scale() {
        return WebMercator.worldSize(zoom);
    }

    /** Western edge in normalised world units. */
    public double minX() {
        return x * span();
    }

    /** Northern edge in normalised world units. */
    public double minY() {
        return y * span();
    }

    /** Edge length in normalised world units. */
    public double span() {
        return WebMercator.TILE_SIZE / WebMercator.worldSize(zoom);
    }
}
