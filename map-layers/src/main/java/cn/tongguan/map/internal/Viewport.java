package cn.tongguan.map.internal;

import cn.tongguan.map.MapViewState;

/**
 * The view in renderer terms: centre in normalised Web Mercator, fractional zoom, and the pixel size of the
 * control. Converts between screen pixels, world units and lng/lat. Immutable.
 */
public record Viewport(double centerX, double centerY, double zoom, double width, double height) {
    public static Viewport of(MapViewState state, double width, double height) {
        return new Viewport(WebMercator.x(state.lng()), WebMercator.y(state.lat()), state.zoom(), width, height);
    }

    public MapViewState state() {
        return new MapViewState(WebMercator.lng(centerX), WebMercator.lat(centerY), zoom);
    }

    public double worldSize() {
        return WebMercator.worldSize(zoom);
    }

    public double screenX(double worldX) {
        return (worldX - centerX) * worldSize() + width / 2;
    }

    public double screenY(double worldY) {
        return (worldY - centerY) * worldSize() + height / 2;
    }

    public double worldX(double screenX) {
        return centerX + (screenX - width / 2) / worldSize();
    }

    public double worldY(double screenY) {
        return centerY + (screenY - height / 2) / worldSize();
    }

    /** The tile level drawn for this zoom (tiles are then scaled by at most √2 either way). */
    public int level(int maxLevel) {
        return (int) Math.max(0, Math.min(maxLevel, Math.round(zoom)));
    }

    public Viewport withCenter(double x, double y) {
        return new Viewport(clamp01(x), clamp01(y), zoom, width, height);
    }

    public Viewport withSize(double w, double h) {
        return new Viewport(centerX, centerY, zoom, w, h);
    }

    /** Zooms keeping the world point under the given screen pixel fixed (wheel and pinch zoom). */
    public Viewport zoomedAround(double newZoom, double screenX, double screenY) {
        double wx = worldX(screenX);
        double wy = worldY(screenY);
        double ws = WebMercator.worldSize(newZoom);
        double cx = wx - (screenX - width / 2) / ws;
        double cy = wy - (screenY - height / 2) / ws;
        return new Viewport(clamp01(cx), clamp01(cy), newZoom, width, height);
    }

    /** The view of this size that shows a lng/lat extent, enlarged by {@code margin} (1.2 = 20 %). */
    public MapViewState fit(double minLng, double minLat, double maxLng, double maxLat, double margin) {
        double x0 = WebMercator.x(minLng);
        double x1 = WebMercator.x(maxLng);
        double y0 = WebMercator.y(maxLat);
        double y1 = WebMercator.y(minLat);
        double span = Math.max(Math.max(x1 - x0, (y1 - y0) * width / Math.max(1, height)), 1e-9);
        double fittedZoom = Math.log(width / (span * WebMercator.TILE_SIZE * margin)) / Math.log(2);
        return new MapViewState(WebMercator.lng((x0 + x1) / 2), WebMercator.lat((y0 + y1) / 2), fittedZoom);
    }

    private static double clamp01(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
