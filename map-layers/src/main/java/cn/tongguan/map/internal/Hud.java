package cn.tongguan.map.internal;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Line;

/**
 * The map's own small display: scale bar, cursor coordinates, the hover tooltip and a one-line status (render
 * errors are shown here, never in a dialog: the wall runs unattended). FX thread only.
 */
public final class Hud {
    /** Chinese labels need a CJK face; JavaFX falls back to its default font where this one is missing. */
    public static final String FONT_FAMILY = "Noto Sans CJK SC";
    private static final double[] NICE = {1, 2, 5};
    private final Pane pane = new Pane();
    private final Line bar = new Line();
    private final Label scaleLabel = new Label();
    private final Label coordinates = new Label();
    private final Label tooltip = new Label();
    private final Label status = new Label();

    public Hud() {
        pane.setPickOnBounds(false);
        pane.setMouseTransparent(true);
        bar.setStroke(javafx.scene.paint.Color.WHITE);
        bar.setStrokeWidth(3);
        pane.setStyle("-fx-font-family: '" + FONT_FAMILY + "';");
        String boxed = "-fx-background-color: rgba(8,16,28,0.78); -fx-text-fill: #e8eef5; -fx-padding: 2 6 2 6;"
                + " -fx-background-radius: 3; -fx-font-size: 12px;";
        scaleLabel.setStyle("-fx-text-fill: white; -fx-font-size: 12px; -fx-background-color: rgba(8,16,28,0.78);"
                + " -fx-padding: 0 4 0 4; -fx-background-radius: 3;");
        coordinates.setStyle(boxed);
        tooltip.setStyle(boxed + " -fx-font-size: 13px; -fx-border-color: #ffd60a; -fx-border-radius: 3;");
        status.setStyle(boxed + " -fx-text-fill: #ffb3b3;");
        tooltip.setVisible(false);
        status.setVisible(false);
        // shown from the first pointer move on; an empty box would look like a glitch on the wall
        coordinates.setVisible(false);
        coordinates.setAlignment(Pos.CENTER_RIGHT);
        coordinates.setId("mapCoordinates");
        tooltip.setId("mapTooltip");
        status.setId("mapStatus");
        scaleLabel.setId("mapScale");
        pane.getChildren().addAll(bar, scaleLabel, coordinates, tooltip, status);
    }

    public Pane pane() {
        return pane;
    }

    /** Shows or hides the scale bar and its text (a wall layout may have no room for it). */
    public void setScaleBarVisible(boolean shown) {
        bar.setVisible(shown);
        scaleLabel.setVisible(shown);
    }

    public boolean scaleBarVisible() {
        return bar.isVisible();
    }

    /** Picks a round length of at most ~120 pixels and draws it bottom-left. */
    public void updateScale(Viewport vp) {
        double lat = WebMercator.lat(vp.centerY());
        double metresPerPixel = WebMercator.metresPerPixel(lat, vp.zoom());
        double metres = niceLength(metresPerPixel * 120);
        double pixels = metres / metresPerPixel;
        double y = vp.height() - 16;
        bar.setStartX(14);
        bar.setEndX(14 + pixels);
        bar.setStartY(y);
        bar.setEndY(y);
        scaleLabel.setText(metres >= 1000 ? format(metres / 1000) + " km" : format(metres) + " m");
        scaleLabel.relocate(14, y - 22);
        coordinates.relocate(Math.max(0, vp.width() - 230), vp.height() - 28);
        status.relocate(14, 10);
    }

    static double niceLength(double maxMetres) {
        double power = Math.pow(10, Math.floor(Math.log10(maxMetres)));
        double best = power;
        for (double n : NICE) {
            if (n * power <= maxMetres) {
                best = n * power;
            }
        }
        return best;
    }

    private static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    public void showCursor(double lng, double lat) {
        coordinates.setText(String.format(Locale.ROOT, "%.6f°E  %.6f°N", lng, lat));
        coordinates.setVisible(true);
    }

    public void showTooltip(String text, double x, double y) {
        if (text == null || text.isEmpty()) {
            tooltip.setVisible(false);
            return;
        }
        tooltip.setText(text);
        tooltip.relocate(x + 14, y + 14);
        tooltip.setVisible(true);
    }

    /**
     * Tooltip text: layer title, then the feature's label (the style's label attribute, else {@code name}, else
     * the id) and its class (the style's class attribute).
     */
    public static String describe(cn.tongguan.map.FeatureHit hit) {
        cn.tongguan.map.Feature f = hit.feature();
        cn.tongguan.map.Style style = hit.layer().style();
        String name = f.text(style.labelAttribute() != null ? style.labelAttribute() : "name");
        String cls = style.classAttribute() == null ? "" : f.text(style.classAttribute());
        StringBuilder text = new StringBuilder(hit.layer().title()).append(" · ");
        text.append(name.isEmpty() ? f.id() : name);
        if (!cls.isEmpty()) {
            text.append(" (").append(cls).append(')');
        }
        return text.toString();
    }

    public void showStatus(String text) {
        status.setText(text);
        status.setVisible(text != null && !text.isEmpty());
    }
}
