package cn.tongguan.map.internal;

import java.util.HashMap;
import java.util.Map;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Label sizes as JavaFX lays the text out on screen (bold {@link Hud#FONT_FAMILY}), so that collision boxes are
 * the drawn ones, not estimates. Results are cached per text and size (names repeat frame after frame); the cache
 * is dropped when it grows past a few thousand entries. FX thread only.
 */
final class TextMeasure implements LabelPlacer.Measure {
    private static final int MAX_CACHED = 4096;
    private final Text probe = new Text();
    private final Map<String, Double> widths = new HashMap<>();
    private final Map<Double, Double> heights = new HashMap<>();

    @Override
    public double width(String text, double fontSize) {
        String key = fontSize + "\u0000" + text;
        Double known = widths.get(key);
        if (known != null) {
            return known;
        }
        if (widths.size() > MAX_CACHED) {
            widths.clear();
        }
        probe.setFont(Font.font(Hud.FONT_FAMILY, FontWeight.BOLD, fontSize));
        probe.setText(text);
        double w = probe.getLayoutBounds().getWidth();
        widths.put(key, w);
        return w;
    }

    @Override
    public double height(double fontSize) {
        return heights.computeIfAbsent(fontSize, size -> {
            probe.setFont(Font.font(Hud.FONT_FAMILY, FontWeight.BOLD, size));
            probe.setText("国Ag");
            return probe.getLayoutBounds().getHeight();
        });
    }
}
