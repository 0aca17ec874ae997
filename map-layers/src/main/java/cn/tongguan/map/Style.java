package cn.tongguan.map;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javafx.scene.paint.Color;

/**
 * How a layer is drawn. Polygons use {@code fill} and {@code stroke}; lines use {@code stroke}; points use
 * the symbol of their class ({@code classAttribute} → {@code classes}) or {@code defaultSymbol}.
 * Immutable; build with the {@code with…} methods.
 *
 * @param fill polygon fill (may be transparent)
 * @param stroke outline and line colour (may be transparent)
 * @param strokeWidth outline width in pixels (1–4 is what the rasteriser is made for)
 * @param pointRadius symbol radius in pixels at street zoom
 * @param defaultSymbol symbol of points whose class is not listed
 * @param classAttribute attribute that names a point's class, or {@code null}
 * @param classes symbol per class value, in legend order
 * @param labelAttribute attribute shown as the polygon's label, or {@code null} for none
 * @param labelColour label text colour
 */
public record Style(Color fill, Color stroke, double strokeWidth, double pointRadius, PointSymbol defaultSymbol,
                    String classAttribute, Map<String, PointSymbol> classes, String labelAttribute,
                    Color labelColour) {
    public Style {
        Objects.requireNonNull(fill, "fill");
        Objects.requireNonNull(stroke, "stroke");
        Objects.requireNonNull(defaultSymbol, "defaultSymbol");
        Objects.requireNonNull(labelColour, "labelColour");
        classes = classes == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(classes));
    }

    /** Filled and outlined polygons, no label. */
    public static Style polygons(Color fill, Color stroke, double strokeWidth) {
        return new Style(fill, stroke, strokeWidth, 3, new PointSymbol(stroke, SymbolShape.CIRCLE), null, Map.of(),
                null, Color.WHITE);
    }

    /** Points of one colour. */
    public static Style points(Color colour, double radius) {
        return new Style(Color.TRANSPARENT, colour, 1, radius, new PointSymbol(colour, SymbolShape.CIRCLE), null,
                Map.of(), null, Color.WHITE);
    }

    public Style withClasses(String attribute, Map<String, PointSymbol> symbols) {
        return new Style(fill, stroke, strokeWidth, pointRadius, defaultSymbol, attribute, symbols, labelAttribute,
                labelColour);
    }

    public Style withLabel(String attribute, Color colour) {
        return new Style(fill, stroke, strokeWidth, pointRadius, defaultSymbol, classAttribute, classes, attribute,
                colour);
    }

    /** The symbol of a class value (the default symbol when the value is not listed). */
    public PointSymbol symbolOf(String classValue) {
        PointSymbol symbol = classValue == null ? null : classes.get(classValue);
        return symbol == null ? defaultSymbol : symbol;
    }
}
