package cn.tongguan.map.internal;

import cn.tongguan.map.SymbolShape;

/** Point symbols on a raster, aliased or anti-aliased; one home for their geometry. Stateless. */
final class Symbols {
    private Symbols() {
    }

    /** A symbol of radius r centred on (x, y); triangles and diamonds are drawn 1.2× so they look as big. */
    static void draw(Raster raster, boolean smooth, SymbolShape shape, double x, double y, double r, int argb) {
        if (!smooth) {
            switch (shape) {
                case CIRCLE -> raster.fillCircle(x, y, r, argb);
                case SQUARE -> raster.fillRect((int) Math.round(x - r), (int) Math.round(y - r),
                        (int) Math.round(2 * r), (int) Math.round(2 * r), argb);
                case TRIANGLE -> raster.fillTriangle(x, y, r * 1.2, argb);
                case DIAMOND -> raster.fillDiamond(x, y, r * 1.2, argb);
                default -> throw new IllegalStateException("unknown symbol " + shape);
            }
            return;
        }
        AntiAliased aa = raster.smooth();
        double big = r * 1.2;
        switch (shape) {
            case CIRCLE -> aa.fillCircle(x, y, r, argb);
            case SQUARE -> aa.fillRect(x - r, y - r, x + r, y + r, argb);
            case TRIANGLE -> aa.fillPolygon(new double[] {x, y - big, x + big, y + 0.8 * big, x - big, y + 0.8 * big},
                    argb);
            case DIAMOND -> aa.fillPolygon(new double[] {x, y - big, x + big, y, x, y + big, x - big, y}, argb);
            default -> throw new IllegalStateException("unknown symbol " + shape);
        }
    }

    /** A symbol with an optional ring: the ring is the same shape {@code ring} pixels larger, beneath it. */
    static void draw(Raster raster, boolean smooth, SymbolShape shape, double x, double y, double r, int argb,
                     double ring, int ringArgb) {
        if (ring > 0 && (ringArgb >>> 24) != 0) {
            draw(raster, smooth, shape, x, y, r + ring, ringArgb);
        }
        draw(raster, smooth, shape, x, y, r, argb);
    }
}
