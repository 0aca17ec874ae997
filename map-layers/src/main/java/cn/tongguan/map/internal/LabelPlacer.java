package cn.tongguan.map.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Chooses polygon labels that do not collide: candidates are the labelled layers shown at the current level,
 * higher layers in the list (coarser divisions come first) and bigger polygons win; a label is kept only if its
 * box (with padding) overlaps no kept box and its polygon is wide enough on screen to carry it.
 * Pure computation on the FX thread: a few thousand anchors cost well under a millisecond.
 */
public final class LabelPlacer {
    /** A label to draw, centred on (x, y), at a font size. */
    public record Placed(String text, double x, double y, double fontSize, int colour) {
    }

    private static final double PAD = 4;
    private final int maxLabels;

    public LabelPlacer(int maxLabels) {
        this.maxLabels = maxLabels;
    }

    /** Approximate text width: CJK ideographs are square, Latin about 0.6 em. */
    static double textWidth(String text, double fontSize) {
        double w = 0;
        for (int i = 0; i < text.length(); i++) {
            w += text.charAt(i) > 0x2e80 ? fontSize : fontSize * 0.6;
        }
        return w;
    }

    public List<Placed> place(Viewport vp, List<CompiledLayer> layers, int level) {
        record Candidate(CompiledLayer.LabelAnchor anchor, int rank, double fontSize, int colour) {
        }
        List<Candidate> candidates = new ArrayList<>();
        int rank = 0;
        for (CompiledLayer layer : layers) {
            if (layer.labels().isEmpty() || !layer.shownAtLevel(level)) {
                continue;
            }
            double fontSize = rank == 0 ? 16 : 12;
            int colour = Raster.argb(layer.settings().style().labelColour());
            for (CompiledLayer.LabelAnchor anchor : layer.labels()) {
                double sx = vp.screenX(anchor.x());
                double sy = vp.screenY(anchor.y());
                if (sx < -50 || sy < -20 || sx > vp.width() + 50 || sy > vp.height() + 20) {
                    continue;
                }
                double polygonWidth = anchor.envelope().getWidth() * vp.worldSize();
                if (polygonWidth < textWidth(anchor.text(), fontSize) * 0.8) {
                    continue;
                }
                candidates.add(new Candidate(anchor, rank, fontSize, colour));
            }
            rank++;
        }
        candidates.sort(Comparator.comparingInt(Candidate::rank)
                .thenComparing(Comparator.comparingDouble((Candidate c) -> c.anchor().area()).reversed()));
        List<double[]> boxes = new ArrayList<>();
        List<Placed> placed = new ArrayList<>();
        for (Candidate c : candidates) {
            if (placed.size() >= maxLabels) {
                break;
            }
            double x = vp.screenX(c.anchor().x());
            double y = vp.screenY(c.anchor().y());
            double w = textWidth(c.anchor().text(), c.fontSize());
            double h = c.fontSize() * 1.3;
            double[] box = {x - w / 2 - PAD, y - h / 2 - PAD, x + w / 2 + PAD, y + h / 2 + PAD};
            if (collides(boxes, box)) {
                continue;
            }
            boxes.add(box);
            placed.add(new Placed(c.anchor().text(), x, y, c.fontSize(), c.colour()));
        }
        return placed;
    }

    static boolean collides(List<double[]> boxes, double[] b) {
        for (double[] a : boxes) {
            if (a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]) {
                return true;
            }
        }
        return false;
    }
}
