package cn.tongguan.map.internal;

import cn.tongguan.map.LiveOverlay;
import java.nio.IntBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * Paints one frame: tiles → selection → live items into the screen raster (shown through a {@link PixelBuffer},
 * so JavaFX uploads one image instead of drawing thousands of shapes), then labels and cluster counts as a small
 * pool of {@link Text} nodes on top, names uppermost. FX thread only.
 */
public final class FramePainter {
    private static final Color HALO = Color.rgb(3, 8, 14, 0.9);
    /**
     * A dark plate under each name, turned with it: at street zoom a road's name lies on the road, which carries
     * the parts' symbols and the cases, and a one-pixel halo does not lift it out of them from five metres. Painted
     * into the raster (one translucent fill per name), not as nodes: no extra work for Prism.
     */
    private static final int PLATE = Raster.argb(Color.rgb(8, 16, 26, 0.6));
    private static final double PLATE_PAD_X = 3;
    private static final double PLATE_PAD_Y = 1;
    private final ImageView imageView = new ImageView();
    private final Pane textLayer = new Pane();
    private final List<Text> textPool = new ArrayList<>();
    private final Compositor compositor;
    private final OverlayRenderer overlayRenderer;
    private final TextMeasure measure = new TextMeasure();
    private final LabelPlacer labelPlacer = new LabelPlacer(150, measure);
    private final List<Text> labelNodes = new ArrayList<>();
    private final List<Text> countNodes = new ArrayList<>();
    private final CountPlacer countPlacer = new CountPlacer(measure);
    private final TileCache cache;
    private final int maxLevel;
    private Raster frame;
    private PixelBuffer<IntBuffer> buffer;
    private int placedLabels;

    public FramePainter(TileCache cache, OverlayRenderer overlayRenderer, int maxLevel) {
        this.cache = cache;
        this.overlayRenderer = overlayRenderer;
        this.maxLevel = maxLevel;
        this.compositor = new Compositor(maxLevel);
        textLayer.setMouseTransparent(true);
        imageView.setMouseTransparent(true);
    }

    public ImageView imageView() {
        return imageView;
    }

    public Pane textLayer() {
        return textLayer;
    }

    /** The last frame's pixels (premultiplied ARGB), for tests and benchmarks. */
    public Raster frame() {
        return frame;
    }

    /** Premultiplied ARGB of a pixel of the last frame, 0 outside it or before the first frame. */
    public int pixelAt(int x, int y) {
        if (frame == null || x < 0 || y < 0 || x >= frame.width() || y >= frame.height()) {
            return 0;
        }
        return frame.pixels()[y * frame.width() + x];
    }

    /** The overlay's groups the last frame drew. */
    public List<OverlayLayout.Group> drawnGroups() {
        return overlayRenderer.lastGroups();
    }

    public int placedLabels() {
        return placedLabels;
    }

    /** Paints the frame and returns the tiles still to render. */
    public List<TileKey> paint(Viewport vp, TileScheduler.Scene scene, LiveOverlay live, Selection selection,
                               Instant now, boolean blinkOn, boolean zooming) {
        int w = Math.max(1, (int) Math.ceil(vp.width()));
        int h = Math.max(1, (int) Math.ceil(vp.height()));
        if (frame == null || frame.width() != w || frame.height() != h) {
            frame = new Raster(w, h);
            buffer = new PixelBuffer<>(w, h, IntBuffer.wrap(frame.pixels()), PixelFormat.getIntArgbPreInstance());
            imageView.setImage(new WritableImage(buffer));
        }
        List<TileKey> wanted = compositor.compose(vp, frame, cache, scene.version(), scene.background(),
                zooming);
        if (selection != null) {
            selection.draw(frame, vp);
        }
        List<OverlayRenderer.CountLabel> counts = overlayRenderer.draw(frame, vp, live, now, blinkOn);
        // names win over the overlay (decision 0121): they are placed first, drawn above the bubbles, and a count
        // that would cover a name moves beside its bubble or is left out; a polygon's name moves off the bubbles
        // to a clear place inside its polygon when there is one (decision 0146)
        List<LabelPlacer.Placed> labels = labelPlacer.placeOver(vp, scene.layers(), vp.level(maxLevel),
                overlayRenderer.lastGroups());
        placedLabels = labels.size();
        List<double[]> nameBoxes = new ArrayList<>(labels.size());
        labels.forEach(label -> nameBoxes.add(label.box()));
        List<CountPlacer.Placed> placedCounts = countPlacer.place(counts, nameBoxes, vp.width(), vp.height());
        labels.forEach(this::plate);
        labelNodes.clear();
        countNodes.clear();
        int used = 0;
        Font countFont = Font.font(Hud.FONT_FAMILY, FontWeight.BOLD, CountPlacer.FONT_SIZE);
        // text nodes are stacked in pool order: counts first, so names lie above everything else
        for (CountPlacer.Placed count : placedCounts) {
            Text text = text(used++, count.text(), countFont, Color.WHITE, 0);
            text.relocate(count.x() - text.getLayoutBounds().getWidth() / 2,
                    count.y() - text.getLayoutBounds().getHeight() / 2);
            countNodes.add(text);
        }
        for (LabelPlacer.Placed label : labels) {
            Font font = Font.font(Hud.FONT_FAMILY, FontWeight.BOLD, label.fontSize());
            // a dark copy one pixel down-right is the halo: stroked text costs Prism's software pipeline
            // an outline computation per glyph per frame (measured: seconds per frame with 150 CJK labels)
            Text shadow = text(used++, label.text(), font, HALO, label.angle());
            Text text = text(used++, label.text(), font, toColour(label.colour()), label.angle());
            double x = label.x() - text.getLayoutBounds().getWidth() / 2;
            double y = label.y() - text.getLayoutBounds().getHeight() / 2;
            shadow.relocate(x + 1, y + 1);
            text.relocate(x, y);
            labelNodes.add(text);
        }
        for (int i = used; i < textPool.size(); i++) {
            textPool.get(i).setVisible(false);
        }
        buffer.updateBuffer(b -> null);
        return wanted;
    }

    private void plate(LabelPlacer.Placed label) {
        double a = Math.toRadians(label.angle());
        double cos = Math.cos(a);
        double sin = Math.sin(a);
        double hw = label.width() / 2 + PLATE_PAD_X;
        double hh = label.height() / 2 + PLATE_PAD_Y;
        double[] ring = new double[8];
        double[][] corners = {{-hw, -hh}, {hw, -hh}, {hw, hh}, {-hw, hh}};
        for (int i = 0; i < 4; i++) {
            ring[2 * i] = label.x() + corners[i][0] * cos - corners[i][1] * sin;
            ring[2 * i + 1] = label.y() + corners[i][0] * sin + corners[i][1] * cos;
        }
        frame.fillRings(new double[][] {ring}, new int[] {ring.length}, 1, PLATE);
    }

    /** The names drawn in the last frame, where their text nodes are on screen (turned as drawn). */
    public List<cn.tongguan.map.DrawnLabel> drawnLabels() {
        return drawn(labelNodes);
    }

    /** The cluster counts drawn in the last frame, where their text nodes are. */
    public List<cn.tongguan.map.DrawnLabel> drawnCounts() {
        return drawn(countNodes);
    }

    private static List<cn.tongguan.map.DrawnLabel> drawn(List<Text> nodes) {
        List<cn.tongguan.map.DrawnLabel> drawn = new ArrayList<>(nodes.size());
        for (Text text : nodes) {
            // a stacked name (decision 0155) is still the name
            drawn.add(new cn.tongguan.map.DrawnLabel(text.getText().replace("\n", ""), text.getBoundsInParent(),
                    text.getRotate()));
        }
        return drawn;
    }

    private Text text(int index, String content, Font font, Color fill, double angle) {
        while (textPool.size() <= index) {
            Text text = new Text();
            text.setTextAlignment(TextAlignment.CENTER);
            text.setManaged(false);
            textPool.add(text);
            textLayer.getChildren().add(text);
        }
        Text text = textPool.get(index);
        // only touch what changed: every property write re-runs text layout
        if (!content.equals(text.getText())) {
            text.setText(content);
        }
        if (!font.equals(text.getFont())) {
            text.setFont(font);
        }
        if (!fill.equals(text.getFill())) {
            text.setFill(fill);
        }
        if (text.getRotate() != angle) {
            text.setRotate(angle);
        }
        text.setVisible(true);
        return text;
    }

    private static Color toColour(int argb) {
        double a = (argb >>> 24) / 255.0;
        if (a == 0) {
            return Color.TRANSPARENT;
        }
        return Color.rgb((int) Math.min(255, ((argb >> 16) & 0xff) / a), (int) Math.min(255, ((argb >> 8) & 0xff) / a),
                (int) Math.min(255, (argb & 0xff) / a), a);
    }
}
