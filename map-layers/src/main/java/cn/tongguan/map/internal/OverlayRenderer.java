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
 * Draws the live items into the frame each time the frame is composed. Below {@code clusterBelowZoom} items
 * that fall in the same 64-pixel screen cell become one bubble with a count, coloured by its most severe member.
 * New items (younger than {@code blinkFor}) and alarms blink. Cameras get a translucent view cone.
 * FX thread only.
 */
public final class OverlayRenderer {
    /** A count to print over a bubble (text is drawn by JavaFX nodes, the bubble by the rasteriser). */
    public record CountLabel(double x, double y, int count) {
    }

    private static final double CELL = 64;
    private static final int WHITE = 0xffffffff;
    private final double clusterBelowZoom;
    private final Duration blinkFor;

    public OverlayRenderer(double clusterBelowZoom, Duration blinkFor) {
        this.clusterBelowZoom = clusterBelowZoom;
        this.blinkFor = blinkFor;
    }

    /** The radius of a cluster bubble of {@code count} items (its white ring not included). */
    static double bubbleRadius(int count) {
        return 10 + 3 * Math.log(count);
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

    private boolean blinking(LiveItem item, Instant now) {
        return item.status() == LiveStatus.ALARM || item.kind() == LiveKind.ALARM
                || Duration.between(item.since(), now).compareTo(blinkFor) < 0;
    }

    /** Items within the viewport plus a margin for cones and bubbles. */
    public List<LiveItem> visible(LiveOverlay overlay, Viewport vp) {
        double margin = 80;
        return overlay.query(vp.worldX(-margin), vp.worldY(-margin), vp.worldX(vp.width() + margin),
                vp.worldY(vp.height() + margin));
    }

    /**
     * Draws and returns the cluster counts to print.
     *
     * @param blinkOn the current blink phase
     */
    public List<CountLabel> draw(Raster frame, Viewport vp, List<LiveItem> visible, Instant now, boolean blinkOn) {
        List<CountLabel> counts = new ArrayList<>();
        if (vp.zoom() < clusterBelowZoom) {
            Map<Long, Cluster> cells = new HashMap<>();
            for (LiveItem item : visible) {
                double x = vp.screenX(WebMercator.x(item.lng()));
                double y = vp.screenY(WebMercator.y(item.lat()));
                long key = ((long) Math.floor(y / CELL) << 32) ^ (long) Math.floor(x / CELL) & 0xffffffffL;
                cells.computeIfAbsent(key, k -> new Cluster()).add(item, x, y, blinking(item, now));
            }
            for (Cluster c : cells.values()) {
                if (c.count == 1) {
                    drawItem(frame, c.first, c.sumX, c.sumY, now, blinkOn);
                    continue;
                }
                double x = c.sumX / c.count;
                double y = c.sumY / c.count;
                double r = bubbleRadius(c.count);
                int colour = Raster.argb(c.worst.colour());
                if (c.blinking && blinkOn) {
                    frame.smooth().fillCircle(x, y, r + 6, Raster.fade(colour, 0.35));
                }
                Symbols.draw(frame, true, SymbolShape.CIRCLE, x, y, r, colour, 1.5, WHITE);
                counts.add(new CountLabel(x, y, c.count));
            }
        } else {
            for (LiveItem item : visible) {
                drawItem(frame, item, vp.screenX(WebMercator.x(item.lng())), vp.screenY(WebMercator.y(item.lat())),
                        now, blinkOn);
            }
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
        Symbols.draw(frame, true, shape, x, y, 6, blink && !blinkOn ? Raster.fade(colour, 0.45) : colour, 1.5, WHITE);
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

    private static final class Cluster {
        int count;
        double sumX;
        double sumY;
        LiveItem first;
        LiveStatus worst;
        boolean blinking;

        void add(LiveItem item, double x, double y, boolean blinks) {
            if (count == 0) {
                first = item;
                worst = item.status();
            } else if (item.status().severity() > worst.severity()) {
                worst = item.status();
            }
            count++;
            sumX += x;
            sumY += y;
            blinking |= blinks;
        }
    }
}
