package cn.tongguan.map.internal;

/**
 * Anti-aliased primitives on a {@link Raster} (decision 0116): each pixel gets the share of it the shape covers,
 * as a GIS draws. Polygons by four sub-scanlines per row with exact horizontal coverage; lines as the coverage of
 * a band of their width along the major axis, so a line thinner than a pixel is fainter, never missing; circles
 * and squares by their exact edge distance. Not thread-safe; one per raster.
 */
public final class AntiAliased {
    private static final int SUB = 4;
    private static final double FULL = 0.998;
    private static final double NONE = 1 / 512.0;
    private final Raster raster;
    private final Scanline scan = new Scanline();
    private final float[] cover;
    private final float[] delta;

    AntiAliased(Raster raster) {
        this.raster = raster;
        this.cover = new float[raster.width() + 2];
        this.delta = new float[raster.width() + 2];
    }

    /** Even-odd fill of rings in pixels, edges anti-aliased. */
    public void fillRings(double[][] rings, int[] ringLengths, int ringCount, int argb) {
        int height = raster.height();
        if (!scan.build(rings, ringLengths, ringCount, height * SUB, SUB)) {
            return;
        }
        double[] xs = scan.crossings();
        int width = raster.width();
        float w = 1f / SUB;
        int row = scan.first() / SUB;
        int minX = Integer.MAX_VALUE;
        int maxX = -1;
        for (int r = scan.first(); r <= scan.last(); r++) {
            if (r / SUB != row) {
                flush(row, minX, maxX, argb);
                row = r / SUB;
                minX = Integer.MAX_VALUE;
                maxX = -1;
            }
            int n = scan.row(r);
            for (int k = 0; k + 1 < n; k += 2) {
                double a = Math.max(0, xs[k]);
                double b = Math.min(width, xs[k + 1]);
                if (a >= b) {
                    continue;
                }
                int ia = (int) a;
                int ib = (int) b;
                if (ia == ib) {
                    cover[ia] += (float) (b - a) * w;
                } else {
                    cover[ia] += (float) (ia + 1 - a) * w;
                    delta[ia + 1] += w;
                    delta[ib] -= w;
                    cover[ib] += (float) (b - ib) * w;
                }
                minX = Math.min(minX, ia);
                maxX = Math.max(maxX, ib);
            }
        }
        flush(row, minX, maxX, argb);
    }

    private void flush(int y, int minX, int maxX, int argb) {
        if (maxX < 0) {
            return;
        }
        int last = Math.min(raster.width() - 1, maxX);
        float running = 0;
        int runStart = -1;
        for (int x = minX; x <= maxX + 1 && x < cover.length; x++) {
            running += delta[x];
            double c = cover[x] + running;
            cover[x] = 0;
            delta[x] = 0;
            if (x > last) {
                continue;
            }
            if (c >= FULL) {
                if (runStart < 0) {
                    runStart = x;
                }
                continue;
            }
            if (runStart >= 0) {
                raster.span(y, runStart, x, argb);
                runStart = -1;
            }
            if (c > NONE) {
                raster.blendPixel(x, y, Raster.fade(argb, c));
            }
        }
        if (runStart >= 0) {
            raster.span(y, runStart, last + 1, argb);
        }
    }

    /**
     * A segment of a given width: along the major axis, each pixel column (or row) gets the part of it the band
     * covers. Columns are half-open at the segment's far end so joined segments do not paint their joint twice.
     */
    public void line(double x0, double y0, double x1, double y1, double lineWidth, int argb) {
        int width = raster.width();
        int height = raster.height();
        if (raster.outside(x0, y0, x1, y1, lineWidth + 1)) {
            return;
        }
        double dx = x1 - x0;
        double dy = y1 - y0;
        if (Math.abs(dx) >= Math.abs(dy)) {
            band(x0, y0, x1, y1, lineWidth, argb, false, width, height);
        } else {
            band(y0, x0, y1, x1, lineWidth, argb, true, height, width);
        }
    }

    /** The x-major case; {@code swapped} draws with x and y exchanged (the y-major case). */
    private void band(double a0, double b0, double a1, double b1, double lineWidth, int argb, boolean swapped,
                      int majorSize, int minorSize) {
        if (a0 > a1) {
            band(a1, b1, a0, b0, lineWidth, argb, swapped, majorSize, minorSize);
            return;
        }
        double slope = a1 == a0 ? 0 : (b1 - b0) / (a1 - a0);
        double half = lineWidth / 2 * Math.sqrt(1 + slope * slope);
        // a very short segment still leaves one column, so a dot-sized feature is seen
        int c0 = Math.max(0, (int) Math.ceil(a0 - 0.5));
        int c1 = Math.min(majorSize - 1, Math.max((int) Math.ceil(a1 - 0.5) - 1, (int) Math.ceil(a0 - 0.5)));
        for (int c = c0; c <= c1; c++) {
            double centre = b0 + (c + 0.5 - a0) * slope;
            double lo = centre - half;
            double hi = centre + half;
            int r0 = Math.max(0, (int) Math.floor(lo));
            int r1 = Math.min(minorSize - 1, (int) Math.floor(hi));
            for (int r = r0; r <= r1; r++) {
                double coverage = Math.min(hi, r + 1) - Math.max(lo, r);
                if (coverage <= NONE) {
                    continue;
                }
                int colour = coverage >= FULL ? argb : Raster.fade(argb, Math.min(1, coverage));
                if (swapped) {
                    raster.blendPixel(r, c, colour);
                } else {
                    raster.blendPixel(c, r, colour);
                }
            }
        }
    }

    public void fillCircle(double cx, double cy, double r, int argb) {
        int y0 = Math.max(0, (int) Math.floor(cy - r - 0.5));
        int y1 = Math.min(raster.height() - 1, (int) Math.floor(cy + r + 0.5));
        double outer = r + 0.5;
        double inner = Math.max(0, r - 0.71);
        for (int y = y0; y <= y1; y++) {
            double dy = y + 0.5 - cy;
            double o = outer * outer - dy * dy;
            if (o <= 0) {
                continue;
            }
            double halfOuter = Math.sqrt(o);
            double i2 = inner * inner - dy * dy;
            double halfInner = i2 > 0 ? Math.sqrt(i2) : -1;
            int xa = (int) Math.floor(cx - halfOuter);
            int xb = (int) Math.floor(cx + halfOuter);
            int fullA = halfInner < 0 ? Integer.MAX_VALUE : (int) Math.ceil(cx - halfInner - 0.5);
            int fullB = halfInner < 0 ? Integer.MIN_VALUE : (int) Math.floor(cx + halfInner - 0.5);
            for (int x = xa; x <= xb; x++) {
                if (x == fullA && fullB >= fullA) {
                    raster.span(y, fullA, fullB + 1, argb);
                    x = fullB;
                    continue;
                }
                double ddx = x + 0.5 - cx;
                double coverage = r + 0.5 - Math.sqrt(ddx * ddx + dy * dy);
                if (coverage > NONE) {
                    raster.blendPixel(x, y, coverage >= FULL ? argb : Raster.fade(argb, Math.min(1, coverage)));
                }
            }
        }
    }

    /** An axis-aligned rectangle [x0, x1) × [y0, y1) with fractional edges. */
    public void fillRect(double x0, double y0, double x1, double y1, int argb) {
        int ya = Math.max(0, (int) Math.floor(y0));
        int yb = Math.min(raster.height() - 1, (int) Math.ceil(y1) - 1);
        int xa = Math.max(0, (int) Math.floor(x0));
        int xb = Math.min(raster.width() - 1, (int) Math.ceil(x1) - 1);
        for (int y = ya; y <= yb; y++) {
            double cy = Math.min(y1, y + 1) - Math.max(y0, y);
            for (int x = xa; x <= xb; x++) {
                double coverage = cy * (Math.min(x1, x + 1) - Math.max(x0, x));
                if (coverage > NONE) {
                    raster.blendPixel(x, y, coverage >= FULL ? argb : Raster.fade(argb, coverage));
                }
            }
        }
    }

    /** A small convex polygon given by its corners (triangles and diamonds of point symbols). */
    public void fillPolygon(double[] xy, int argb) {
        fillRings(new double[][] {xy}, new int[] {xy.length}, 1, argb);
    }
}
