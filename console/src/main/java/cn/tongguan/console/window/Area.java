package cn.tongguan.console.window;

/** A rectangle on the desktop, in JavaFX's screen coordinates (pixels, origin at the primary's top left). */
public record Area(double x, double y, double width, double height) {
    public double maxX() {
        return x + width;
    }

    public double maxY() {
        return y + height;
    }

    /** The overlap with {@code other}, or an empty area at 0,0 when they do not meet. */
    public Area intersection(Area other) {
        double left = Math.max(x, other.x);
        double top = Math.max(y, other.y);
        double right = Math.min(maxX(), other.maxX());
        double bottom = Math.min(maxY(), other.maxY());
        return right > left && bottom > top ? new Area(left, top, right - left, bottom - top) : new Area(0, 0, 0, 0);
    }

    public double surface() {
        return width * height;
    }
}
