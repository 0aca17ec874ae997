package cn.tongguan.map.internal;

import cn.tongguan.map.LiveKind;
import cn.tongguan.map.LiveStatus;
import cn.tongguan.map.SymbolShape;

/**
 * A cluster bubble (decision 0121): a ring split into arcs in proportion to its members' statuses (clockwise
 * from twelve o'clock, most severe first), a dark neutral centre for the count, and for sensors, cameras and
 * alarms a small white mark of their shape at the upper right. Anti-aliased fills of the frame raster. Stateless.
 */
final class ClusterBubble {
    /** Arcs in this order: what needs action first, offline last. */
    private static final LiveStatus[] ORDER = {LiveStatus.ALARM, LiveStatus.OVERDUE, LiveStatus.PENDING,
        LiveStatus.NORMAL, LiveStatus.OFFLINE};
    /** A share, however small, gets at least this arc so that one overdue case among 900 is still seen. */
    private static final double MIN_ARC = Math.toRadians(8);
    private static final double STEP = Math.toRadians(6);
    static final int CENTRE = Raster.argb(javafx.scene.paint.Color.web("#101820"));
    private static final int EDGE = Raster.argb(javafx.scene.paint.Color.web("#05080c", 0.55));
    private static final int MARK = 0xffffffff;

    private ClusterBubble() {
    }

    /** The ring's width for a bubble of radius r. */
    static double ringWidth(double r) {
        return Math.max(3, r * 0.3);
    }

    /** The arcs as [start, end) angles in radians (clockwise from north) per {@link LiveStatus} ordinal. */
    static double[][] arcs(int[] statusCounts) {
        int total = 0;
        int nonZero = 0;
        for (int c : statusCounts) {
            total += c;
            nonZero += c > 0 ? 1 : 0;
        }
        double[] sweep = new double[statusCounts.length];
        double borrowed = 0;
        int largest = 0;
        for (int s = 0; s < statusCounts.length; s++) {
            sweep[s] = total == 0 ? 0 : 2 * Math.PI * statusCounts[s] / total;
            if (statusCounts[s] > 0 && sweep[s] < MIN_ARC && nonZero > 1) {
                borrowed += MIN_ARC - sweep[s];
                sweep[s] = MIN_ARC;
            }
            if (statusCounts[s] > statusCounts[largest]) {
                largest = s;
            }
        }
        sweep[largest] -= borrowed;
        double[][] arcs = new double[statusCounts.length][];
        double at = 0;
        for (LiveStatus status : ORDER) {
            int s = status.ordinal();
            arcs[s] = new double[] {at, at + sweep[s]};
            at += sweep[s];
        }
        return arcs;
    }

    static void draw(Raster frame, double x, double y, double r, int[] statusCounts, LiveKind kind) {
        AntiAliased aa = frame.smooth();
        aa.fillCircle(x, y, r + 1, EDGE);
        // the largest share is the whole disc underneath, so the anti-aliased seams between wedges blend with a
        // ring colour, not with the map
        int largest = 0;
        for (int s = 1; s < statusCounts.length; s++) {
            if (statusCounts[s] > statusCounts[largest]) {
                largest = s;
            }
        }
        aa.fillCircle(x, y, r, Raster.argb(LiveStatus.values()[largest].colour()));
        double[][] arcs = arcs(statusCounts);
        for (int s = 0; s < statusCounts.length; s++) {
            if (s != largest && statusCounts[s] > 0) {
                wedge(aa, x, y, r, arcs[s][0], arcs[s][1], Raster.argb(LiveStatus.values()[s].colour()));
            }
        }
        aa.fillCircle(x, y, r - ringWidth(r), CENTRE);
        SymbolShape mark = switch (kind) {
            case CASE -> null;
            case SENSOR -> SymbolShape.DIAMOND;
            case CAMERA -> SymbolShape.SQUARE;
            case ALARM -> SymbolShape.TRIANGLE;
        };
        if (mark != null) {
            double mx = x + r * 0.72;
            double my = y - r * 0.72;
            Symbols.draw(frame, true, mark, mx, my, 3.2, MARK, 1, CENTRE);
        }
    }

    /** A pie slice from the centre, clockwise from {@code from} to {@code to} (radians from north). */
    private static void wedge(AntiAliased aa, double x, double y, double r, double from, double to, int argb) {
        if (to <= from) {
            return;
        }
        int steps = Math.max(1, (int) Math.ceil((to - from) / STEP));
        double[] ring = new double[2 * (steps + 2)];
        ring[0] = x;
        ring[1] = y;
        for (int i = 0; i <= steps; i++) {
            double a = from + (to - from) * i / steps;
            ring[2 * (i + 1)] = x + r * Math.sin(a);
            ring[2 * (i + 1) + 1] = y - r * Math.cos(a);
        }
        aa.fillPolygon(ring, argb);
    }
}
