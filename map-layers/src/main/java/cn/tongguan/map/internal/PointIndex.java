package cn.tongguan.map.internal;

import java.util.function.IntConsumer;

/**
 * A uniform grid over a point set (normalised world units), stored as compressed rows: the points of a cell
 * are contiguous in {@link #order}. Built once per data change on a worker; read-only afterwards, so concurrent
 * queries from tile workers and the FX thread are safe. Cheaper than an STRtree for 629,724 points (two int
 * arrays, no node objects) and a window query touches only the cells it overlaps.
 */
public final class PointIndex {
    private final double[] xs;
    private final double[] ys;
    private final double minX;
    private final double minY;
    private final double cellSize;
    private final int cols;
    private final int rows;
    private final int[] cellStart;
    private final int[] order;

    public PointIndex(double[] xs, double[] ys, int count) {
        this.xs = xs;
        this.ys = ys;
        double x0 = Double.POSITIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            x0 = Math.min(x0, xs[i]);
            y0 = Math.min(y0, ys[i]);
            x1 = Math.max(x1, xs[i]);
            y1 = Math.max(y1, ys[i]);
        }
        if (count == 0) {
            x0 = y0 = 0;
            x1 = y1 = 1e-9;
        }
        // about 2 points per cell on average: a street-zoom tile (≈ 300 m) then scans few points outside it, and
        // the cell array stays a few MB for 629,724 parts
        int side = (int) Math.max(1, Math.min(2048, Math.sqrt(count / 2.0)));
        double extent = Math.max(Math.max(x1 - x0, y1 - y0), 1e-12);
        this.minX = x0;
        this.minY = y0;
        this.cellSize = extent / side * (1 + 1e-9);
        this.cols = side;
        this.rows = side;
        this.cellStart = new int[cols * rows + 1];
        int[] cellOf = new int[count];
        for (int i = 0; i < count; i++) {
            int c = cell(xs[i], ys[i]);
            cellOf[i] = c;
            cellStart[c + 1]++;
        }
        for (int c = 0; c < cols * rows; c++) {
            cellStart[c + 1] += cellStart[c];
        }
        int[] fill = new int[cols * rows];
        this.order = new int[count];
        for (int i = 0; i < count; i++) {
            int c = cellOf[i];
            order[cellStart[c] + fill[c]++] = i;
        }
    }

    private int cell(double x, double y) {
        int cx = Math.min(cols - 1, Math.max(0, (int) ((x - minX) / cellSize)));
        int cy = Math.min(rows - 1, Math.max(0, (int) ((y - minY) / cellSize)));
        return cy * cols + cx;
    }

    /** Calls back with the index of every point inside the window (inclusive). */
    public void query(double qx0, double qy0, double qx1, double qy1, IntConsumer consumer) {
        int cx0 = (int) Math.floor((qx0 - minX) / cellSize);
        int cy0 = (int) Math.floor((qy0 - minY) / cellSize);
        int cx1 = (int) Math.floor((qx1 - minX) / cellSize);
        int cy1 = (int) Math.floor((qy1 - minY) / cellSize);
        if (cx1 < 0 || cy1 < 0 || cx0 >= cols || cy0 >= rows) {
            return;
        }
        cx0 = Math.max(0, cx0);
        cy0 = Math.max(0, cy0);
        cx1 = Math.min(cols - 1, cx1);
        cy1 = Math.min(rows - 1, cy1);
        for (int cy = cy0; cy <= cy1; cy++) {
            for (int cx = cx0; cx <= cx1; cx++) {
                int c = cy * cols + cx;
                boolean inside = cx > cx0 && cx < cx1 && cy > cy0 && cy < cy1;
                for (int k = cellStart[c]; k < cellStart[c + 1]; k++) {
                    int i = order[k];
                    if (inside || (xs[i] >= qx0 && xs[i] <= qx1 && ys[i] >= qy0 && ys[i] <= qy1)) {
                        consumer.accept(i);
                    }
                }
            }
        }
    }

    /** Bytes held by the index arrays (not the coordinates). */
    public long bytes() {
        return 4L * (cellStart.length + order.length);
    }
}
