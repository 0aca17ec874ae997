package cn.tongguan.map.internal;

import java.util.Arrays;
import javafx.scene.paint.Color;

/**
 * A tiny rasteriser into premultiplied ARGB ints (the layout of {@code PixelFormat.getIntArgbPreInstance()}):
 * even-odd polygon fill by scanlines, polylines, point symbols, source-over blending. These are the aliased
 * primitives (fast, for styles that turn anti-aliasing off); {@link #smooth()} gives the anti-aliased ones on the
 * same pixels (decision 0116).
 * Not thread-safe; each worker renders into its own raster.
 */
public final class Raster {
    private final int width;
    private final int height;
    private final int[] pixels;
    // scratch for the scanline filler, grown on demand and reused across calls
    private final Scanline scan = new Scanline();
    private AntiAliased smooth;

    public Raster(int width, int height) {
        this(width, height, new int[width * height]);
    }

    public Raster(int width, int height, int[] pixels) {
        if (pixels.length < width * height) {
            throw new IllegalArgumentException("pixel array too small");
        }
        this.width = width;
        this.height = height;
        this.pixels = pixels;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int[] pixels() {
        return pixels;
    }

    /** The anti-aliased primitives drawing into this raster. */
    public AntiAliased smooth() {
        if (smooth == null) {
            smooth = new AntiAliased(this);
        }
        return smooth;
    }

    public void clear(int argb) {
        Arrays.fill(pixels, 0, width * height, argb);
    }

    /** Premultiplied ARGB of a JavaFX colour. */
    public static int argb(Color colour) {
        int a = (int) Math.round(colour.getOpacity() * 255);
        int r = (int) Math.round(colour.getRed() * a);
        int g = (int) Math.round(colour.getGreen() * a);
        int b = (int) Math.round(colour.getBlue() * a);
        return a << 24 | r << 16 | g << 8 | b;
    }

    /** The colour with its alpha scaled by {@code factor} (premultiplied, so every channel scales). */
    public static int fade(int argb, double factor) {
        int a = (int) ((argb >>> 24) * factor);
        int r = (int) (((argb >> 16) & 0xff) * factor);
        int g = (int) (((argb >> 8) & 0xff) * factor);
        int b = (int) ((argb & 0xff) * factor);
        return a << 24 | r << 16 | g << 8 | b;
    }

    static int blend(int dst, int src) {
        int sa = src >>> 24;
        if (sa == 255) {
            return src;
        }
        if (sa == 0) {
            return dst;
        }
        int inv = 256 - sa;
        int rb = ((dst & 0xff00ff) * inv >>> 8) & 0xff00ff;
        int ag = (((dst >>> 8) & 0xff00ff) * inv) & 0xff00ff00;
        return src + (rb | ag);
    }

    public void blendPixel(int x, int y, int argb) {
        if (x >= 0 && y >= 0 && x < width && y < height) {
            int i = y * width + x;
            pixels[i] = blend(pixels[i], argb);
        }
    }

    /** Fills a horizontal span [x0, x1) of row y, clipped. */
    public void span(int y, int x0, int x1, int argb) {
        if (y < 0 || y >= height) {
            return;
        }
        int from = Math.max(0, x0);
        int to = Math.min(width, x1);
        if (from >= to) {
            return;
        }
        int base = y * width;
        if ((argb >>> 24) == 255) {
            Arrays.fill(pixels, base + from, base + to, argb);
        } else {
            for (int i = base + from; i < base + to; i++) {
                pixels[i] = blend(pixels[i], argb);
            }
        }
    }

    public void fillRect(int x, int y, int w, int h, int argb) {
        for (int row = Math.max(0, y); row < Math.min(height, y + h); row++) {
            span(row, x, x + w, argb);
        }
    }

    /**
     * Fills rings (each {@code [x0, y0, x1, y1, …]} in pixels, implicitly closed) with the even-odd rule, so holes
     * and multi-polygons come out right when all rings of a feature are passed together.
     */
    public void fillRings(double[][] rings, int[] ringLengths, int ringCount, int argb) {
        if (!scan.build(rings, ringLengths, ringCount, height, 1)) {
            return;
        }
        double[] xs = scan.crossings();
        for (int y = scan.first(); y <= scan.last(); y++) {
            int n = scan.row(y);
            for (int k = 0; k + 1 < n; k += 2) {
                span(y, (int) Math.ceil(xs[k] - 0.5), (int) Math.ceil(xs[k + 1] - 0.5), argb);
            }
        }
    }

    /** A polyline of {@code length/2} points; {@code closed} adds the closing segment. */
    public void strokePolyline(double[] xy, int length, boolean closed, double lineWidth, int argb) {
        strokePolyline(xy, length, closed, lineWidth, argb, false);
    }

    /** The same, anti-aliased when {@code smooth}. */
    public void strokePolyline(double[] xy, int length, boolean closed, double lineWidth, int argb,
                               boolean smooth) {
        int n = length / 2;
        for (int i = 0; i + 1 < n; i++) {
            segment(xy[2 * i], xy[2 * i + 1], xy[2 * i + 2], xy[2 * i + 3], lineWidth, argb, smooth);
        }
        if (closed && n > 2) {
            segment(xy[2 * n - 2], xy[2 * n - 1], xy[0], xy[1], lineWidth, argb, smooth);
        }
    }

    private void segment(double x0, double y0, double x1, double y1, double lineWidth, int argb, boolean smooth) {
        if (smooth) {
            smooth().line(x0, y0, x1, y1, lineWidth, argb);
        } else {
            line(x0, y0, x1, y1, lineWidth, argb);
        }
    }

    /** Whether a segment with this margin lies wholly outside the raster. */
    boolean outside(double x0, double y0, double x1, double y1, double margin) {
        return Math.max(x0, x1) < -margin || Math.min(x0, x1) > width + margin
                || Math.max(y0, y1) < -margin || Math.min(y0, y1) > height + margin;
    }

    /**
     * Liang–Barsky: the parameter range [t0, t1] of the segment (x0, y0) + t (dx, dy), t in [0, 1], inside the
     * rectangle; false when none of it is.
     */
    static boolean clipRange(double x0, double y0, double dx, double dy, double minX, double minY, double maxX,
                             double maxY, double[] range) {
        double t0 = 0;
        double t1 = 1;
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {x0 - minX, maxX - x0, y0 - minY, maxY - y0};
        for (int k = 0; k < 4; k++) {
            if (p[k] == 0) {
                if (q[k] < 0) {
                    return false;
                }
            } else {
                double t = q[k] / p[k];
                if (p[k] < 0) {
                    t0 = Math.max(t0, t);
                } else {
                    t1 = Math.min(t1, t);
                }
            }
        }
        range[0] = t0;
        range[1] = t1;
        return t0 <= t1;
    }

    /** A straight segment, stepped pixel by pixel; thick lines stamp a square brush. */
    public void line(double x0, double y0, double x1, double y1, double lineWidth, int argb) {
        double margin = lineWidth + 1;
        if (outside(x0, y0, x1, y1, margin)) {
            return;
        }
        double dx = x1 - x0;
        double dy = y1 - y0;
        // clip the parameter range to the raster so a 1 km segment at street zoom costs only visible steps
        double[] range = new double[2];
        if (!clipRange(x0, y0, dx, dy, -margin, -margin, width + margin, height + margin, range)) {
            return;
        }
        double t0 = range[0];
        double t1 = range[1];
        double sx = x0 + t0 * dx;
        double sy = y0 + t0 * dy;
        double length = (t1 - t0) * Math.max(Math.abs(dx), Math.abs(dy));
        int steps = Math.max(1, (int) Math.ceil(length));
        double stepX = (t1 - t0) * dx / steps;
        double stepY = (t1 - t0) * dy / steps;
        int brush = Math.max(1, (int) Math.round(lineWidth));
        int half = brush / 2;
        int lastX = Integer.MIN_VALUE;
        int lastY = Integer.MIN_VALUE;
        for (int i = 0; i <= steps; i++) {
            int px = (int) Math.floor(sx + i * stepX);
            int py = (int) Math.floor(sy + i * stepY);
            if (px == lastX && py == lastY) {
                continue;
            }
            lastX = px;
            lastY = py;
            if (brush == 1) {
                blendPixel(px, py, argb);
            } else {
                fillRect(px - half, py - half, brush, brush, argb);
            }
        }
    }

    public void fillCircle(double cx, double cy, double r, int argb) {
        int y0 = (int) Math.ceil(cy - r - 0.5);
        int y1 = (int) Math.floor(cy + r - 0.5);
        for (int y = y0; y <= y1; y++) {
            double dy = y + 0.5 - cy;
            double half = Math.sqrt(Math.max(0, r * r - dy * dy));
            span(y, (int) Math.ceil(cx - half - 0.5), (int) Math.ceil(cx + half - 0.5), argb);
        }
    }

    /** A triangle pointing up, inscribed in the circle of radius r. */
    public void fillTriangle(double cx, double cy, double r, int argb) {
        int y0 = (int) Math.ceil(cy - r - 0.5);
        int y1 = (int) Math.floor(cy + r * 0.8 - 0.5);
        for (int y = y0; y <= y1; y++) {
            double t = (y + 0.5 - (cy - r)) / (1.8 * r);
            double half = t * r;
            span(y, (int) Math.ceil(cx - half - 0.5), (int) Math.ceil(cx + half - 0.5), argb);
        }
    }

    public void fillDiamond(double cx, double cy, double r, int argb) {
        int y0 = (int) Math.ceil(cy - r - 0.5);
        int y1 = (int) Math.floor(cy + r - 0.5);
        for (int y = y0; y <= y1; y++) {
            double half = r - Math.abs(y + 0.5 - cy);
            span(y, (int) Math.ceil(cx - half - 0.5), (int) Math.ceil(cx + half - 0.5), argb);
        }
    }

    /** Blends a premultiplied source image (sw × sh ints) over the raster at (x, y), clipped. */
    public void over(int[] source, int sw, int sh, int x, int y) {
        int fromX = Math.max(0, -x);
        int toX = Math.min(sw, width - x);
        int fromY = Math.max(0, -y);
        int toY = Math.min(sh, height - y);
        for (int j = fromY; j < toY; j++) {
            int src = j * sw;
            int dst = (y + j) * width + x;
            for (int i = fromX; i < toX; i++) {
                int p = source[src + i];
                if (p != 0) {
                    pixels[dst + i] = blend(pixels[dst + i], p);
                }
            }
        }
    }

    /** Copies an opaque source image (sw × sh ints) to (x, y), clipped: the fast path of panning. */
    public void blit(int[] source, int sw, int sh, int x, int y) {
        int sx0 = Math.max(0, -x);
        int sy0 = Math.max(0, -y);
        int sx1 = Math.min(sw, width - x);
        int sy1 = Math.min(sh, height - y);
        if (sx0 >= sx1) {
            return;
        }
        for (int sy = sy0; sy < sy1; sy++) {
            System.arraycopy(source, sy * sw + sx0, pixels, (sy + y) * width + x + sx0, sx1 - sx0);
        }
    }
}
