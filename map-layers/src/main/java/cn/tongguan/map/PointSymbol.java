package cn.tongguan.map;

import java.util.Objects;
import javafx.scene.paint.Color;

/**
 * How one class of points is drawn (the "icon by class"), the same number of screen pixels at every zoom.
 *
 * @param colour fill colour
 * @param shape the shape
 * @param outline ring colour around the shape ({@link Color#TRANSPARENT} for none, the default)
 * @param outlineWidth ring width in pixels (0 for none)
 * @param radius symbol radius in pixels, or 0 for the layer style's {@link Style#pointRadius()}
 */
public record PointSymbol(Color colour, SymbolShape shape, Color outline, double outlineWidth, double radius) {
    public PointSymbol {
        Objects.requireNonNull(colour, "colour");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(outline, "outline");
        if (outlineWidth < 0 || radius < 0) {
            throw new IllegalArgumentException("sizes are not negative");
        }
    }

    /** A symbol without outline at the layer's point radius. */
    public PointSymbol(Color colour, SymbolShape shape) {
        this(colour, shape, Color.TRANSPARENT, 0, 0);
    }

    /** The same symbol with a ring of this colour and width (width 0 or a transparent colour: none). */
    public PointSymbol withOutline(Color colour, double width) {
        return new PointSymbol(this.colour, shape, colour, width, radius);
    }

    /** The same symbol at its own radius in pixels (0: the layer's). */
    public PointSymbol withRadius(double pixels) {
        return new PointSymbol(colour, shape, outline, outlineWidth, pixels);
    }

    /** Whether a ring is drawn. */
    public boolean outlined() {
        return outlineWidth > 0 && outline.getOpacity() > 0;
    }
}
