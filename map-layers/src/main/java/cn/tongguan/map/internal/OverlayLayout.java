package cn.tongguan.map.internal;

import cn.tongguan.map.LiveItem;
import cn.tongguan.map.LiveKind;
import cn.tongguan.map.LiveStatus;
import cn.tongguan.map.OverlayHit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;

/**
 * Where the live items of a frame go: below the cluster zoom, the items of one kind in one 64-pixel cell become
 * one group (a cluster bubble), otherwise each item is its own group. Cells are anchored to the world, not to the
 * screen, so panning does not regroup the items. The frame draws from this and {@code MapView.overlayAt}
 * hit-tests this, so what is clicked is what is drawn. Pure computation; FX thread.
 */
public final class OverlayLayout {
    static final double CELL = 64;
    /** Symbol radius of a single item, its white ring not included. */
    static final double ITEM_RADIUS = 6;
    /** Pixels around a symbol or bubble that still hit it. */
    static final double HIT_SLACK = 4;

    /**
     * One thing drawn: a single item or a cluster of items of one kind, centred on (x, y) on screen.
     *
     * @param statusCounts members per {@link LiveStatus} ordinal
     * @param alarm whether a member is an alarm (ALARM status or kind): only then does a cluster blink
     */
    public record Group(LiveKind kind, List<LiveItem> members, double x, double y, double radius,
                        int[] statusCounts, boolean alarm) {
        public boolean cluster() {
            return members.size() > 1;
        }

        public int count() {
            return members.size();
        }

        /** The same group moved by (dx, dy): from world pixels to the screen of a view at the same zoom. */
        Group shifted(double dx, double dy) {
            return new Group(kind, members, x + dx, y + dy, radius, statusCounts, alarm);
        }
    }

    private static final int KINDS = LiveKind.values().length;

    /** The items of one cell by kind, with the sums of their screen positions. */
    private static final class Cell {
        @SuppressWarnings({"unchecked", "rawtypes"}) // one list per kind; Java has no generic arrays
        final List<LiveItem>[] members = new List[KINDS];
        final double[] sumX = new double[KINDS];
        final double[] sumY = new double[KINDS];
        final int[][] statusCounts = new int[KINDS][];
        final boolean[] alarm = new boolean[KINDS];

        void add(LiveItem item, double x, double y) {
            int k = item.kind().ordinal();
            if (members[k] == null) {
                members[k] = new ArrayList<>();
                statusCounts[k] = new int[LiveStatus.values().length];
            }
            members[k].add(item);
            sumX[k] += x;
            sumY[k] += y;
            statusCounts[k][item.status().ordinal()]++;
            alarm[k] |= item.status() == LiveStatus.ALARM || item.kind() == LiveKind.ALARM;
        }
    }

    private OverlayLayout() {
    }

    /**
     * The radius of a cluster bubble of {@code count} items: 8 px for two, growing with the logarithm to 20 px
     * at 10,000 and never more, so a city view of tens of thousands of cases keeps most of the base map visible.
     */
    public static double bubbleRadius(int count) {
        double r = 8 + 12 * Math.log(Math.max(2, count) / 2.0) / Math.log(5000);
        return Math.min(20, r);
    }

    /** The groups of a frame in drawing order (cases first, alarms last, i.e. on top), on screen. */
    public static List<Group> groups(Viewport vp, List<LiveItem> visible, double clusterBelowZoom) {
        List<Group> world = worldGroups(vp.zoom(), visible, clusterBelowZoom);
        List<Group> screen = new ArrayList<>(world.size());
        double ws = vp.worldSize();
        double ox = vp.width() / 2 - vp.centerX() * ws;
        double oy = vp.height() / 2 - vp.centerY() * ws;
        world.forEach(g -> screen.add(g.shifted(ox, oy)));
        return screen;
    }

    /**
     * The groups of the items at a zoom, in drawing order, centred in world pixels of that zoom (normalised Web
     * Mercator × world size): the screen position is this plus the view's offset, so a pan at the same zoom only
     * shifts them (cells are anchored to the world).
     */
    public static List<Group> worldGroups(double zoom, List<LiveItem> items, double clusterBelowZoom) {
        List<Group> groups = new ArrayList<>();
        double ws = WebMercator.worldSize(zoom);
        if (zoom >= clusterBelowZoom) {
            for (LiveItem item : items) {
                groups.add(group(item.kind(), List.of(item), WebMercator.x(item.lng()) * ws,
                        WebMercator.y(item.lat()) * ws, ITEM_RADIUS));
            }
        } else {
            // per cell, per kind: items of different kinds never share a bubble; each item is projected once
            // (28,000 cases at city zoom: the projection is most of the cost)
            Map<Long, Cell> cells = new LinkedHashMap<>();
            for (LiveItem item : items) {
                double px = WebMercator.x(item.lng()) * ws;
                double py = WebMercator.y(item.lat()) * ws;
                cells.computeIfAbsent(cellKey(cell(px), cell(py)), key -> new Cell()).add(item, px, py);
            }
            for (Cell cell : cells.values()) {
                List<Group> inCell = new ArrayList<>(KINDS);
                for (int k = 0; k < KINDS; k++) {
                    List<LiveItem> members = cell.members[k];
                    if (members == null) {
                        continue;
                    }
                    int n = members.size();
                    Group g = new Group(members.get(0).kind(), java.util.Collections.unmodifiableList(members),
                            cell.sumX[k] / n, cell.sumY[k] / n, n == 1 ? ITEM_RADIUS : bubbleRadius(n),
                            cell.statusCounts[k], cell.alarm[k]);
                    if (g.cluster()) {
                        g = apart(g, inCell);
                        inCell.add(g);
                    }
                    groups.add(g);
                }
            }
        }
        groups.sort(Comparator.comparingInt(g -> g.kind().ordinal()));
        return groups;
    }

    /** The cell (of {@link #CELL} world pixels) a world pixel coordinate falls in. */
    static long cell(double worldPixel) {
        return (long) Math.floor(worldPixel / CELL);
    }

    private static long cellKey(long cx, long cy) {
        return (cy << 32) ^ (cx & 0xffffffffL);
    }

    /**
     * A cluster moved just clear of the bubbles of other kinds already placed in its cell (along the line between
     * the centres, or up and to the right when they coincide), so a sensor bubble does not hide a case bubble.
     */
    private static Group apart(Group g, List<Group> placed) {
        double x = g.x();
        double y = g.y();
        for (Group other : placed) {
            double dx = x - other.x();
            double dy = y - other.y();
            double d = Math.hypot(dx, dy);
            double need = g.radius() + other.radius() + 1;
            if (d < need) {
                if (d < 1e-6) {
                    dx = Math.sqrt(0.5);
                    dy = -Math.sqrt(0.5);
                    d = 1;
                }
                x = other.x() + dx / d * need;
                y = other.y() + dy / d * need;
            }
        }
        return new Group(g.kind(), g.members(), x, y, g.radius(), g.statusCounts(), g.alarm());
    }

    private static Group group(LiveKind kind, List<LiveItem> members, double x, double y, double radius) {
        int[] counts = new int[LiveStatus.values().length];
        boolean alarm = kind == LiveKind.ALARM;
        for (LiveItem item : members) {
            counts[item.status().ordinal()]++;
            alarm |= item.status() == LiveStatus.ALARM;
        }
        return new Group(kind, members, x, y, radius, counts, alarm);
    }

    /**
     * The group under a pixel: within its radius plus a few pixels; of several, the nearest centre, and of equals
     * the one drawn last (on top).
     */
    public static Optional<OverlayHit> hit(List<Group> groups, double x, double y) {
        Group best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (Group g : groups) {
            double d = Math.hypot(g.x() - x, g.y() - y);
            if (d <= g.radius() + HIT_SLACK && d <= bestDistance) {
                best = g;
                bestDistance = d;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        Envelope extent = new Envelope();
        best.members().forEach(item -> extent.expandToInclude(item.lng(), item.lat()));
        return Optional.of(new OverlayHit(best.members(), best.kind(), best.cluster(), extent));
    }
}
