package cn.tongguan.map.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the cluster counts go once the names are placed (decision 0121): names win. A count sits in its bubble's
 * centre; when that box meets a placed name (or another count) it is tried just below the bubble, then just
 * above, and otherwise left out — the bubble itself is drawn anyway. Counts in their own bubble are placed first. Pure computation; FX thread (measure).
 */
final class CountPlacer {
    static final double FONT_SIZE = 11;

    /** A count to draw, centred on (x, y), with its box (x0, y0, x1, y1). */
    record Placed(String text, double x, double y, double[] box) {
    }

    private final LabelPlacer.Measure measure;

    CountPlacer(LabelPlacer.Measure measure) {
        this.measure = measure;
    }

    /** The count as printed: "7", "950", "1.2k", "28k" (locale-free; four digits do not fit a 20 px bubble). */
    static String text(int count) {
        if (count < 1000) {
            return Integer.toString(count);
        }
        if (count < 10_000) {
            int tenths = (int) Math.round(count / 100.0);
            return tenths % 10 == 0 ? tenths / 10 + "k" : tenths / 10 + "." + tenths % 10 + "k";
        }
        return Math.round(count / 1000.0) + "k";
    }

    List<Placed> place(List<OverlayRenderer.CountLabel> counts, List<double[]> names, double width, double height) {
        List<double[]> taken = new ArrayList<>(names);
        Placed[] placed = new Placed[counts.size()];
        double h = measure.height(FONT_SIZE);
        // every count that fits its own bubble first: a count moved beside its bubble must not land on the centre
        // of the next bubble and push that count out in turn (a cascade seen at district zoom on the wall)
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < counts.size(); i++) {
                if (placed[i] != null) {
                    continue;
                }
                OverlayRenderer.CountLabel count = counts.get(i);
                String text = text(count.count());
                double w = measure.width(text, FONT_SIZE);
                double shift = count.radius() + h / 2 + 1;
                double[] offsets = pass == 0 ? new double[] {0} : new double[] {shift, -shift};
                for (double dy : offsets) {
                    double cx = count.x();
                    double cy = count.y() + dy;
                    double[] box = {cx - w / 2 - 1, cy - h / 2, cx + w / 2 + 1, cy + h / 2};
                    boolean onScreen = box[0] >= 0 && box[1] >= 0 && box[2] <= width && box[3] <= height;
                    if (onScreen && !LabelPlacer.collides(taken, box)) {
                        taken.add(box);
                        placed[i] = new Placed(text, cx, cy, box);
                        break;
                    }
                }
            }
        }
        List<Placed> out = new ArrayList<>(counts.size());
        for (Placed p : placed) {
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }
}
