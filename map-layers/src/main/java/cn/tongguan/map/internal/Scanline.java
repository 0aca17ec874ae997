package cn.tongguan.map.internal;

import java.util.Arrays;

/**
 * The edge table of an even-odd polygon fill, shared by the plain and the anti-aliased rasteriser: rings in
 * pixels are cut into edges keyed by the first (sub-)row whose centre they cross, and each row's sorted
 * crossings are handed out in increasing row order. Only rows the polygon touches are visited, so a grid square
 * costs its own few rows, not the whole raster. Scratch arrays grow on demand and are reused. Not thread-safe.
 */
final class Scanline {
    private double[] edgeX0 = new double[64];
    private double[] edgeY0 = new double[64];
    private double[] edgeSlope = new double[64];
    private double[] edgeY1 = new double[64];
    private int[] edgeNext = new int[64];
    private int[] rowHead = new int[0];
    private int[] active = new int[64];
    private double[] crossings = new double[64];
    private int edges;
    private int activeCount;
    private int first;
    private int last;

    /**
     * Builds the table for rings ({@code [x0, y0, x1, y1, …]} in pixels, implicitly closed) on {@code rows}
     * rows of {@code 1/sub} pixel each. Returns false when no edge crosses a row centre.
     */
    boolean build(double[][] rings, int[] ringLengths, int ringCount, int rows, int sub) {
        edges = 0;
        activeCount = 0;
        first = Integer.MAX_VALUE;
        last = -1;
        if (rowHead.length < rows) {
            rowHead = new int[rows];
            Arrays.fill(rowHead, -1);
        }
        for (int r = 0; r < ringCount; r++) {
            double[] ring = rings[r];
            int n = ringLengths[r] / 2;
            for (int i = 0; i < n; i++) {
                int j = i + 1 == n ? 0 : i + 1;
                double ax = ring[2 * i];
                double ay = ring[2 * i + 1] * sub;
                double bx = ring[2 * j];
                double by = ring[2 * j + 1] * sub;
                if (ay == by) {
                    continue;
                }
                if (ay > by) {
                    double t = ax;
                    ax = bx;
                    bx = t;
                    t = ay;
                    ay = by;
                    by = t;
                }
                // rows whose centre (row + 0.5) lies in [ay, by)
                int top = (int) Math.ceil(ay - 0.5);
                int bottom = (int) Math.ceil(by - 0.5) - 1;
                if (bottom < 0 || top >= rows || top > bottom) {
                    continue;
                }
                if (edges == edgeX0.length) {
                    grow();
                }
                double slope = (bx - ax) / (by - ay);
                int startRow = Math.max(0, top);
                edgeSlope[edges] = slope;
                edgeX0[edges] = ax + (startRow + 0.5 - ay) * slope;
                edgeY0[edges] = startRow;
                edgeY1[edges] = Math.min(rows - 1, bottom);
                edgeNext[edges] = rowHead[startRow];
                rowHead[startRow] = edges;
                first = Math.min(first, startRow);
                last = Math.max(last, (int) edgeY1[edges]);
                edges++;
            }
        }
        if (active.length < edges) {
            active = new int[edges];
            crossings = new double[edges];
        }
        return edges > 0;
    }

    int first() {
        return first;
    }

    int last() {
        return last;
    }

    /** The sorted crossings of one row; rows must be asked for in increasing order from {@link #first()}. */
    int row(int y) {
        for (int e = rowHead[y]; e >= 0; e = edgeNext[e]) {
            active[activeCount++] = e;
        }
        rowHead[y] = -1;
        int kept = 0;
        int n = 0;
        for (int k = 0; k < activeCount; k++) {
            int e = active[k];
            if (edgeY1[e] < y) {
                continue;
            }
            active[kept++] = e;
            crossings[n++] = edgeX0[e] + (y - edgeY0[e]) * edgeSlope[e];
        }
        activeCount = kept;
        for (int i = 1; i < n; i++) {
            double v = crossings[i];
            int j = i - 1;
            while (j >= 0 && crossings[j] > v) {
                crossings[j + 1] = crossings[j];
                j--;
            }
            crossings[j + 1] = v;
        }
        return n;
    }

    double[] crossings() {
        return crossings;
    }

    private void grow() {
        int size = edgeX0.length * 2;
        edgeX0 = Arrays.copyOf(edgeX0, size);
        edgeY0 = Arrays.copyOf(edgeY0, size);
        edgeSlope = Arrays.copyOf(edgeSlope, size);
        edgeY1 = Arrays.copyOf(edgeY1, size);
        edgeNext = Arrays.copyOf(edgeNext, size);
    }
}
