package cn.tongguan.map.internal;

import cn.tongguan.map.LiveItem;
import cn.tongguan.map.LiveKind;
import cn.tongguan.map.LiveOverlay;
import cn.tongguan.map.LiveStatus;
import cn.tongguan.map.SymbolShape;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws the live items into the frame each time the frame is composed (decision 0121). Below
 * {@code clusterBelowZoom} the items of one kind in one 64-pixel cell ({@link OverlayLayout}) become a bubble
 * whose ring shows the share of each status, with the count in its dark centre; a cluster blinks only when it
 * holds an alarm. Single items that are new (younger than {@code blinkFor}) or alarms blink. Cameras get a
 * translucent view cone. Items below their {@link LiveItem#minZoom()} are left out altogether. The groups of a
 * zoom are kept across pans (decision 0148). FX thread only.
 */
public final class OverlayRenderer {
    /** A count to print over a bubble of this radius (text is drawn by JavaFX nodes, the bubble by the raster). */
    public record CountLabel(double x, double y, int count, double radius) {
    }

    private static final int WHITE = 0xffffffff;
    private static final double RING = 1.5;
    /** More distinct (shape, colour) pairs than this means colours come from outside our palette: start afresh. */
    private static final int MAX_SPRITES = 256;
    private final double clusterBelowZoom;
    private final Duration blinkFor;
    private final LayoutCache cache;
    /**
     * An item's symbol stamped from a sprite per (shape, colour): at street zoom the wall shows thousands of cases
     * and covers, and two anti-aliased shapes each (ring and fill) were most of a moving frame (JFR on the wall's
     * benchmark). The palette is the statuses' colours and their blink fades, so the map stays small.
     */
    private final Map<Long, SymbolSprites> sprites = new HashMap<>();
    private final BubbleSprites bubbles = new BubbleSprites();
    private List<OverlayLayout.Group> lastGroups = List.of();
    /** The view {@link #lastGroups} were made for, or null once the overlay changed since. */
    private Viewport lastViewport;

    public OverlayRenderer(double clusterBelowZoom, Duration blinkFor) {
        this.clusterBelowZoom = clusterBelowZoom;
        this.blinkFor = blinkFor;
        this.cache = new LayoutCache(clusterBelowZoom);
    }

    /** The radius of a cluster bubble of {@code count} items. */
    static double bubbleRadius(int count) {
        return OverlayLayout.bubbleRadius(count);
    }

    /** Whether something on screen blinks (the map then keeps repainting at the blink rate). */
    public boolean blinks(List<LiveItem> visible, Instant now) {
        for (LiveItem item : visible) {
            if (blinking(item, now)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether something drawn blinks: a cluster holding an alarm, or a single item that is an alarm or new (a new
     * item inside a cluster does not blink, decision 0121, so it need not keep the map repainting).
     */
    public boolean blinksIn(List<OverlayLayout.Group> groups, Instant now) {
        for (OverlayLayout.Group g : groups) {
            if (g.cluster() ? g.alarm() : blinking(g.members().get(0), now)) {
                return true;
            }
        }
        return false;
    }

    private boolean blinking(LiveItem item, Instant now) {
        return item.status() == LiveStatus.ALARM || item.kind() == LiveKind.ALARM
                || Duration.between(item.since(), now).compareTo(blinkFor) < 0;
    }

    /** Items shown at the view's zoom within the viewport plus a margin for cones and bubbles. */
    public List<LiveItem> visible(LiveOverlay overlay, Viewport vp) {
        double margin = 80;
        List<LiveItem> items = overlay.query(vp.worldX(-margin), vp.worldY(-margin),
                vp.worldX(vp.width() + margin), vp.worldY(vp.height() + margin));
        items.removeIf(item -> !item.shownAt(vp.zoom()));
        return items;
    }

    /**
     * The groups of a view: the same cells and zoom threshold as the frame draws. The groups of a zoom are kept
     * across pans and only shifted ({@link LayoutCache}, decision 0148).
     */
    public List<OverlayLayout.Group> layout(LiveOverlay overlay, Viewport vp) {
        // hover asks at every mouse move: the groups of the drawn frame serve until the view or the items change
        if (!vp.equals(lastViewport)) {
            lastGroups = cache.groups(overlay, vp);
            lastViewport = vp;
        }
        return lastGroups;
    }

    /** The overlay's items changed: the groups are to be made afresh. */
    public void overlayChanged() {
        cache.invalidate();
        lastViewport = null;
    }

    /** How many times the overlay's items were laid out into groups (tests: a pan must not lay them out). */
    public long layouts() {
        return cache.layouts();
    }

    /**
     * Draws the overlay's items as {@link #layout} groups them and returns the cluster counts to print.
     *
     * @param blinkOn the current blink phase
     */
    public List<CountLabel> draw(Raster frame, Viewport vp, LiveOverlay overlay, Instant now, boolean blinkOn) {
        List<OverlayLayout.Group> groups = layout(overlay, vp);
        bubbles.forLayout(cache.layouts());
        return drawGroups(frame, groups, now, blinkOn);
    }

    /** The groups the last {@link #draw} drew. */
    public List<OverlayLayout.Group> lastGroups() {
        return lastGroups;
    }

    /**
     * Draws the given items, laid out afresh (tests and benchmarks; the map draws from its overlay), and returns
     * the cluster counts to print.
     *
     * @param blinkOn the current blink phase
     */
    public List<CountLabel> draw(Raster frame, Viewport vp, List<LiveItem> visible, Instant now, boolean blinkOn) {
        List<OverlayLayout.Group> groups = OverlayLayout.groups(vp, visible, clusterBelowZoom);
        // groups made afresh: no kept bubble is theirs
        bubbles.clear();
        List<CountLabel> counts = drawGroups(frame, groups, now, blinkOn);
        // these groups are not the overlay's: layout() must not serve them
        lastViewport = null;
        return counts;
    }

    private List<CountLabel> drawGroups(Raster frame, List<OverlayLayout.Group> groups, Instant now,
                                        boolean blinkOn) {
        List<CountLabel> counts = new ArrayList<>();
        lastGroups = groups;
        for (OverlayLayout.Group g : groups) {
            if (!g.cluster()) {
                drawItem(frame, g.members().get(0), g.x(), g.y(), now, blinkOn);
                continue;
            }
            if (g.alarm() && blinkOn) {
                frame.smooth().fillCircle(g.x(), g.y(), g.radius() + 5,
                        Raster.fade(Raster.argb(LiveStatus.ALARM.colour()), 0.35));
            }
            bubbles.draw(frame, g);
            counts.add(new CountLabel(g.x(), g.y(), g.count(), g.radius()));
        }
        return counts;
    }

    private void drawItem(Raster frame, LiveItem item, double x, double y, Instant now, boolean blinkOn) {
        int colour = Raster.argb(item.status().colour());
        if (item.kind() == LiveKind.CAMERA && item.fovDeg() > 0) {
            cone(frame, x, y, item.headingDeg(), item.fovDeg(), 42, Raster.fade(colour, 0.3));
        }
        boolean blink = blinking(item, now);
        if (blink && blinkOn) {
            frame.smooth().fillCircle(x, y, 14, Raster.fade(colour, 0.4));
        }
        SymbolShape shape = switch (item.kind()) {
            case CASE -> SymbolShape.CIRCLE;
            case SENSOR -> SymbolShape.DIAMOND;
            case CAMERA -> SymbolShape.SQUARE;
            case ALARM -> SymbolShape.TRIANGLE;
        };
        sprite(shape, blink && !blinkOn ? Raster.fade(colour, 0.45) : colour).stamp(frame, 0, x, y);
    }

    private SymbolSprites sprite(SymbolShape shape, int argb) {
        long key = (long) shape.ordinal() << 32 | (argb & 0xffffffffL);
        SymbolSprites sprite = sprites.get(key);
        if (sprite == null) {
            if (sprites.size() >= MAX_SPRITES) {
                sprites.clear();
            }
            sprite = new SymbolSprites(new SymbolShape[] {shape}, new double[] {OverlayLayout.ITEM_RADIUS},
                    new int[] {argb}, new double[] {RING}, new int[] {WHITE});
            sprites.put(key, sprite);
        }
        return sprite;
    }

    static void cone(Raster frame, double x, double y, double headingDeg, double fovDeg, double radius, int argb) {
        int steps = 12;
        double[] ring = new double[2 * (steps + 2)];
        ring[0] = x;
        ring[1] = y;
        double start = Math.toRadians(headingDeg - fovDeg / 2);
        double step = Math.toRadians(fovDeg) / steps;
        for (int i = 0; i <= steps; i++) {
            double a = start + i * step;
            // heading is clockwise from north; screen y grows downwards
            ring[2 * (i + 1)] = x + radius * Math.sin(a);
            ring[2 * (i + 1) + 1] = y - radius * Math.cos(a);
        }
        frame.smooth().fillRings(new double[][] {ring}, new int[] {ring.length}, 1, argb);
    }
}
