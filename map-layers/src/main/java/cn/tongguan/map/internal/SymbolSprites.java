package cn.tongguan.map.internal;

import cn.tongguan.map.SymbolShape;

/**
 * Anti-aliased point symbols drawn once per class and per quarter-pixel offset, then stamped: 629,724 parts cost
 * a small premultiplied blend each instead of a coverage computation each (the anti-aliased circle, triangle and
 * diamond are exact only once). The stamp lands within 1/8 pixel of the true position. Immutable after
 * construction; shared by tile workers.
 */
final class SymbolSprites {
    private static final int STEPS = 4;
    private final int size;
    private final int half;
    /** [class][sub-y * STEPS + sub-x] → size × size premultiplied pixels (ring under fill). */
    private final int[][][] sprites;

    SymbolSprites(SymbolShape[] shapes, double[] radii, int[] argb, double[] ringWidth, int[] ringArgb) {
        double biggest = 0;
        for (int c = 0; c < shapes.length; c++) {
            biggest = Math.max(biggest, radii[c] * 1.2 + ringWidth[c]);
        }
        this.half = (int) Math.ceil(biggest) + 2;
        this.size = 2 * half;
        this.sprites = new int[shapes.length][STEPS * STEPS][];
        for (int c = 0; c < shapes.length; c++) {
            for (int sy = 0; sy < STEPS; sy++) {
                for (int sx = 0; sx < STEPS; sx++) {
                    Raster r = new Raster(size, size);
                    Symbols.draw(r, true, shapes[c], half + (sx + 0.5) / STEPS, half + (sy + 0.5) / STEPS,
                            radii[c], argb[c], ringWidth[c], ringArgb[c]);
                    sprites[c][sy * STEPS + sx] = r.pixels();
                }
            }
        }
    }

    /** Stamps the symbol of a class centred on (x, y). */
    void stamp(Raster raster, int cls, double x, double y) {
        int ix = (int) Math.floor(x);
        int iy = (int) Math.floor(y);
        int sx = Math.min(STEPS - 1, (int) ((x - ix) * STEPS));
        int sy = Math.min(STEPS - 1, (int) ((y - iy) * STEPS));
        raster.over(sprites[cls][sy * STEPS + sx], size, size, ix - half, iy - half);
    }

    long bytes() {
        return (long) sprites.length * STEPS * STEPS * size * size * 4;
    }
}
