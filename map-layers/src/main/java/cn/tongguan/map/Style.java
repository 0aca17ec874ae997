package cn.tongguan.map;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javafx.scene.paint.Color;

/**
 * How a layer is drawn. Polygons use {@code fill} and {@code stroke}; lines use {@code stroke}; points use
 * the symbol of their class ({@code classAttribute} → {@code classes}) or {@code defaultSymbol}. Every size is in
 * screen pixels and holds at every zoom (tiles are drawn at the view's exact scale, decision 0115).
 * Immutable; build with the {@code with…} methods.
 *
 * @param fill polygon fill (may be transparent)
 * @param stroke outline and line colour (may be transparent)
 * @param strokeWidth outline and line width in pixels (a width under one pixel draws a fainter line, never none)
 * @param pointRadius symbol radius in pixels of symbols that do not set their own
 * @param defaultSymbol symbol of points whose class is not listed
 * @param classAttribute attribute that names a point's class, or {@code null}
 * @param classes symbol per class value, in legend order
 * @param labelAttribute attribute shown as the label of each polygon (at its interior point), line (along it)
 *                       or point (beside it), or {@code null} for none
 * @param labelColour label text colour
 * @param antialias whether edges are anti-aliased (true by default; off is faster and crisper for pixel grids)
 * @param labelSize label font size in pixels, or 0 for the map's choice (16 for the first labelled layer, 12
 *                  for the others)
 * @param choropleth polygons filled by class of a numeric attribute instead of {@code fill}, or {@code null}
 */
public record Style(Color fill, Color stroke, double strokeWidth, double pointRadius, PointSymbol defaultSymbol,
                    String classAttribute, Map<String, PointSymbol> classes, String labelAttribute,
                    Color labelColour, boolean antialias, double labelSize, Choropleth choropleth) {
    public Style {
        Objects.requireNonNull(fill, "fill");
        Objects.requireNonNull(stroke, "stroke");
        Objects.requireNonNull(defaultSymbol, "defaultSymbol");
        Objects.requireNonNull(labelColour, "labelColour");
        classes = classes == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(classes));
    }

    /** A style without choropleth (the constructor before choropleths existed). */
    public Style(Color fill, Color stroke, double strokeWidth, double pointRadius, PointSymbol defaultSymbol,
                 String classAttribute, Map<String, PointSymbol> classes, String labelAttribute, Color labelColour,
                 boolean antialias, double labelSize) {
        this(fill, stroke, strokeWidth, pointRadius, defaultSymbol, classAttribute, classes, labelAttribute,
                labelColour, antialias, labelSize, null);
    }

    /** The style as before anti-aliasing and label sizes were choices: anti-aliased, automatic label size. */
    public Style(Color fill, Color stroke, double strokeWidth, double pointRadius, PointSymbol defaultSymbol,
                 String classAttribute, Map<String, PointSymbol> classes, String labelAttribute, Color labelColour) {
        this(fill, stroke, strokeWidth, pointRadius, defaultSymbol, classAttribute, classes, labelAttribute,
                labelColour, true, 0);
    }

    /** Filled and outlined polygons, no label. */
    public static Style polygons(Color fill, Color stroke, double strokeWidth) {
        return new Style(fill, stroke, strokeWidth, 3, new PointSymbol(stroke, SymbolShape.CIRCLE), null, Map.of(),
                null, Color.WHITE);
    }

    /**
     * Polygons filled by class of a numeric attribute (heat per grid): {@code fills[i]} for values in
     * [{@code breaks[i-1]}, {@code breaks[i]}), so {@code fills.length == breaks.length + 1}; features without
     * the attribute are outlined only. The legend lists one line per class.
     */
    public static Style choropleth(String attribute, double[] breaks, Color[] fills, Color stroke,
                                   double strokeWidth) {
        return polygons(Color.TRANSPARENT, stroke, strokeWidth).withChoropleth(Choropleth.of(attribute, breaks,
                fills));
    }

    /** The same style with polygons filled by this choropleth ({@code null}: by {@code fill}). */
    public Style withChoropleth(Choropleth classes) {
        return new Style(fill, stroke, strokeWidth, pointRadius, defaultSymbol, classAttribute, this.classes,
                labelAttribute, labelColour, antialias, labelSize, classes);
    }

    /** Lines of one colour and width, no label. */
    public static Style lines(Color colour, double width) {
        return polygons(Color.TRANSPARENT, colour, width);
    }

    /** Points of one colour, without outline. */
    public static Style points(Color colour, double radius) {
        return new Style(Color.TRANSPARENT, colour, 1, radius, new PointSymbol(colour, SymbolShape.CIRCLE), null,
                Map.of(), null, Color.WHITE);
    }

    public Style withClasses(String attribute, Map<String, PointSymbol> symbols) {
        return new Style(fill, stroke, strokeWidth, pointRadius, defaultSymbol, attribute, symbols, labelAttribute,
                labelColour, antialias, labelSize, choropleth);
    }

    public Style withLabel(String attribute, Color colour) {
        return new Style(fill, stroke, strokeWidth, pointRadius, defaultSymbol, classAttribute, classes, attribute,
                colour, antialias, labelSize, choropleth);
    }

    public Style withLabelSize(double pixels) {
        return new Style(fill, stroke, strokeWidth, pointRadius, defaultSymbol, classAttribute, classes,
                labelAttribute, labelColour, antialias, pixels, choropleth);
    }

    public Style withAntialias(boolean on) {
        return new Style(fill, stroke, strokeWidth, pointRadius, defaultSymbol, classAttribute, classes,
                labelAttribute, labelColour, on, labelSize, choropleth);
    }

    public Style withPointRadius(double pixels) {
        return new Style(fill, stroke, strokeWidth, pixels, defaultSymbol, classAttribute, classes, labelAttribute,
                labelColour, antialias, labelSize, choropleth);
    }

    /** The same style with every symbol (default and per class) ringed by this outline. */
    public Style withSymbolOutline(Color colour, double width) {
        Map<String, PointSymbol> ringed = new LinkedHashMap<>();
        classes.forEach((k, v) -> ringed.put(k, v.withOutline(colour, width)));
        return new Style(fill, stroke, strokeWidth, pointRadius, defaultSymbol.withOutline(colour, width),
                classAttribute, ringed, labelAttribute, labelColour, antialias, labelSize, choropleth);
    }

    /** The symbol of a class value (the default symbol when the value is not listed). */
    public PointSymbol symbolOf(String classValue) {
        PointSymbol symbol = classValue == null ? null : classes.get(classValue);
        return symbol == null ? defaultSymbol : symbol;
    }

    /** The radius a symbol is drawn at. */
    public double radiusOf(PointSymbol symbol) {
        return symbol.radius() > 0 ? symbol.radius() : pointRadius;
    }
}
