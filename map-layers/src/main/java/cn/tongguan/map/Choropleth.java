package cn.tongguan.map;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.scene.paint.Color;

/**
 * Polygons filled by a numeric attribute through class breaks (e.g. cases per unit grid): class 0 holds values
 * below {@code breaks[0]}, class i values in [{@code breaks[i-1]}, {@code breaks[i]}), the last class values from
 * the last break on. A feature without the attribute (or with a value that is not a number) is drawn unfilled.
 *
 * @param attribute the numeric attribute (a {@link Number} or a decimal string)
 * @param breaks strictly ascending class limits
 * @param fills one colour per class: {@code breaks.size() + 1} of them
 */
public record Choropleth(String attribute, List<Double> breaks, List<Color> fills) {
    public Choropleth {
        Objects.requireNonNull(attribute, "attribute");
        breaks = List.copyOf(breaks);
        fills = List.copyOf(fills);
        if (fills.size() != breaks.size() + 1) {
            throw new IllegalArgumentException("need breaks.length + 1 fills, got " + fills.size() + " for "
                    + breaks.size() + " breaks");
        }
        for (int i = 1; i < breaks.size(); i++) {
            if (!(breaks.get(i) > breaks.get(i - 1))) {
                throw new IllegalArgumentException("breaks must ascend strictly: " + breaks);
            }
        }
    }

    public static Choropleth of(String attribute, double[] breaks, Color[] fills) {
        List<Double> limits = new ArrayList<>(breaks.length);
        for (double b : breaks) {
            limits.add(b);
        }
        return new Choropleth(attribute, limits, List.of(fills));
    }

    /** The class of a value: how many breaks are at or below it. */
    public int classOf(double value) {
        int c = 0;
        while (c < breaks.size() && value >= breaks.get(c)) {
            c++;
        }
        return c;
    }

    /** The fill of a feature, or {@code null} when it has no numeric value for the attribute. */
    public Color fillOf(Feature feature) {
        Object value = feature.attributes().get(attribute);
        double v;
        if (value instanceof Number number) {
            v = number.doubleValue();
        } else if (value instanceof String text && !text.isBlank()) {
            try {
                v = Double.parseDouble(text.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        } else {
            return null;
        }
        return Double.isNaN(v) ? null : fills.get(classOf(v));
    }

    /** Legend text per class: "< 5", "5–20", "≥ 20" (numbers as written, locale-free). */
    public List<String> labels() {
        List<String> labels = new ArrayList<>(fills.size());
        if (breaks.isEmpty()) {
            labels.add(attribute);
            return labels;
        }
        labels.add("< " + number(breaks.get(0)));
        for (int i = 1; i < breaks.size(); i++) {
            labels.add(number(breaks.get(i - 1)) + "–" + number(breaks.get(i)));
        }
        labels.add("≥ " + number(breaks.get(breaks.size() - 1)));
        return labels;
    }

    private static String number(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
