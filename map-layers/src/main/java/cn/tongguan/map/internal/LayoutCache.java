package cn.tongguan.map.internal;

import cn.tongguan.map.LiveItem;
import cn.tongguan.map.LiveOverlay;
import java.util.ArrayList;
import java.util.List;

/**
 * The overlay's groups of one zoom kept across pans (decision 0148). Cells are anchored to the world (0121), so
 * the groups of a zoom are laid out once, in world pixels, over whole cells covering the view and a margin; a pan
 * at the same zoom only shifts them onto the screen. They are laid out again when the zoom changes, when the
 * items change ({@link #invalidate}: the overlay's listener) or when a pan leaves the cells laid out — then a few
 * cells ahead on every side, so the next pans cost nothing. Whole cells only: a bubble at the edge of the view
 * counts all its cell's items, not just those inside a margin, so it does not change as the view moves.
 * FX thread.
 */
final class LayoutCache {
    /** Pixels around the view whose groups are shown too: bubbles and camera cones reach in from there. */
    static final double MARGIN = 80;
    /** Cells laid out beyond the view when a pan leaves the laid-out cells (256 px at 64 px a cell). */
    static final int PAN_AHEAD_CELLS = 4;
    private final double clusterBelowZoom;
    private boolean valid;
    private double zoom = Double.NaN;
    private long cx0;
    private long cy0;
    private long cx1;
    private long cy1;
    private List<OverlayLayout.Group> world = List.of();
    private long layouts;

    LayoutCache(double clusterBelowZoom) {
        this.clusterBelowZoom = clusterBelowZoom;
    }

    /** The items changed: the next view lays them out afresh. */
    void invalidate() {
        valid = false;
    }

    /** How many times the items were laid out (tests: a pan must not). */
    long layouts() {
        return layouts;
    }

    /** The groups shown in a view, on its screen, in drawing order. */
    List<OverlayLayout.Group> groups(LiveOverlay overlay, Viewport vp) {
        double ws = vp.worldSize();
        // the world pixel at the screen's top-left corner
        double ox = vp.centerX() * ws - vp.width() / 2;
        double oy = vp.centerY() * ws - vp.height() / 2;
        long nx0 = OverlayLayout.cell(ox - MARGIN);
        long ny0 = OverlayLayout.cell(oy - MARGIN);
        long nx1 = OverlayLayout.cell(ox + vp.width() + MARGIN);
        long ny1 = OverlayLayout.cell(oy + vp.height() + MARGIN);
        boolean sameZoom = valid && vp.zoom() == zoom;
        if (!sameZoom || nx0 < cx0 || ny0 < cy0 || nx1 > cx1 || ny1 > cy1) {
            // a zoom in motion lays out just the view; a pan lays out ahead of it
            int ahead = sameZoom ? PAN_AHEAD_CELLS : 0;
            layOut(overlay, vp.zoom(), nx0 - ahead, ny0 - ahead, nx1 + ahead, ny1 + ahead);
        }
        double x0 = ox - MARGIN;
        double y0 = oy - MARGIN;
        double x1 = ox + vp.width() + MARGIN;
        double y1 = oy + vp.height() + MARGIN;
        List<OverlayLayout.Group> shown = new ArrayList<>();
        for (OverlayLayout.Group g : world) {
            if (g.x() + g.radius() >= x0 && g.x() - g.radius() <= x1 && g.y() + g.radius() >= y0
                    && g.y() - g.radius() <= y1) {
                shown.add(g.shifted(-ox, -oy));
            }
        }
        return shown;
    }

    private void layOut(LiveOverlay overlay, double atZoom, long x0, long y0, long x1, long y1) {
        double ws = WebMercator.worldSize(atZoom);
        double cell = OverlayLayout.CELL;
        // just short of the next cell's edge, so no item of a cell outside the range makes a partial bubble
        List<LiveItem> items = overlay.query(x0 * cell / ws, y0 * cell / ws, ((x1 + 1) * cell - 1e-6) / ws,
                ((y1 + 1) * cell - 1e-6) / ws);
        items.removeIf(item -> !item.shownAt(atZoom));
        world = OverlayLayout.worldGroups(atZoom, items, clusterBelowZoom);
        zoom = atZoom;
        cx0 = x0;
        cy0 = y0;
        cx1 = x1;
        cy1 = y1;
        valid = true;
        layouts++;
    }
}
