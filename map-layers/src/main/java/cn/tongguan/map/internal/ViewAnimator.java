package cn.tongguan.map.internal;

/**
 * Smooth view changes, advanced once per pulse: wheel/key zoom eases exponentially towards a target zoom while
 * keeping the anchor pixel fixed; fly-to interpolates centre and zoom over a duration, zooming out in the middle
 * when both ends would not fit on screen. A drag or a direct set cancels any animation. FX thread only.
 */
public final class ViewAnimator {
    private final double minZoom;
    private final double maxZoom;
    private Viewport viewport;
    // zoom easing
    private double targetZoom = Double.NaN;
    private double anchorX;
    private double anchorY;
    private long lastNanos = -1;
    // fly-to
    private Viewport flyFrom;
    private Viewport flyTo;
    private long flyStart = -1;
    private double flyDurationNanos;
    private double flyDip;

    public ViewAnimator(Viewport initial, double minZoom, double maxZoom) {
        this.viewport = initial;
        this.minZoom = minZoom;
        this.maxZoom = maxZoom;
    }

    public Viewport viewport() {
        return viewport;
    }

    public double clampZoom(double zoom) {
        return Math.max(minZoom, Math.min(maxZoom, zoom));
    }

    /** Jumps without animation. */
    public void set(Viewport vp) {
        cancel();
        viewport = new Viewport(vp.centerX(), vp.centerY(), clampZoom(vp.zoom()), vp.width(), vp.height());
    }

    public void resize(double width, double height) {
        viewport = viewport.withSize(width, height);
    }

    public void cancel() {
        targetZoom = Double.NaN;
        flyStart = -1;
        flyTo = null;
    }

    public void panBy(double dxPixels, double dyPixels) {
        flyTo = null;
        flyStart = -1;
        double ws = viewport.worldSize();
        viewport = viewport.withCenter(viewport.centerX() - dxPixels / ws, viewport.centerY() - dyPixels / ws);
    }

    /** Adds {@code delta} zoom levels to the target, anchored at a screen pixel. */
    public void zoomBy(double delta, double screenX, double screenY) {
        flyTo = null;
        flyStart = -1;
        double base = Double.isNaN(targetZoom) ? viewport.zoom() : targetZoom;
        targetZoom = clampZoom(base + delta);
        anchorX = screenX;
        anchorY = screenY;
    }

    /** Zooms immediately (pinch gestures already arrive smooth). */
    public void zoomNow(double delta, double screenX, double screenY) {
        cancel();
        viewport = viewport.zoomedAround(clampZoom(viewport.zoom() + delta), screenX, screenY);
    }

    public void flyTo(double worldX, double worldY, double zoom, double durationMillis) {
        cancel();
        flyFrom = viewport;
        flyTo = new Viewport(worldX, worldY, clampZoom(zoom), viewport.width(), viewport.height());
        flyDurationNanos = Math.max(1, durationMillis) * 1e6;
        double distancePixels = Math.hypot(worldX - flyFrom.centerX(), worldY - flyFrom.centerY())
                * WebMercator.worldSize(Math.min(flyFrom.zoom(), flyTo.zoom()));
        double screen = Math.max(1, Math.min(viewport.width(), viewport.height()));
        flyDip = Math.max(0, Math.min(4, Math.log(distancePixels / screen) / Math.log(2) + 0.5));
    }

    public boolean animating() {
        return !Double.isNaN(targetZoom) || flyTo != null;
    }

    /** Advances animations to {@code nowNanos}; returns whether the viewport changed. */
    public boolean step(long nowNanos) {
        long previous = lastNanos;
        lastNanos = nowNanos;
        if (flyTo != null) {
            if (flyStart < 0) {
                flyStart = nowNanos;
            }
            double t = Math.min(1, (nowNanos - flyStart) / flyDurationNanos);
            double e = t < 0.5 ? 2 * t * t : 1 - Math.pow(-2 * t + 2, 2) / 2;
            double zoom = flyFrom.zoom() + (flyTo.zoom() - flyFrom.zoom()) * e - flyDip * 4 * t * (1 - t);
            viewport = new Viewport(flyFrom.centerX() + (flyTo.centerX() - flyFrom.centerX()) * e,
                    flyFrom.centerY() + (flyTo.centerY() - flyFrom.centerY()) * e, clampZoom(zoom),
                    viewport.width(), viewport.height());
            if (t >= 1) {
                flyTo = null;
                flyStart = -1;
            }
            return true;
        }
        if (!Double.isNaN(targetZoom)) {
            double dt = previous < 0 ? 1 / 60.0 : Math.min(0.1, (nowNanos - previous) / 1e9);
            double diff = targetZoom - viewport.zoom();
            double zoom = Math.abs(diff) < 0.003 ? targetZoom : viewport.zoom() + diff * (1 - Math.exp(-dt * 14));
            viewport = viewport.zoomedAround(zoom, anchorX, anchorY);
            if (zoom == targetZoom) {
                targetZoom = Double.NaN;
            }
            return true;
        }
        return false;
    }
}
