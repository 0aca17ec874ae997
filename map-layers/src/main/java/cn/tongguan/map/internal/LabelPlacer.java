package cn.tongguan.map.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Chooses the labels to draw so that no two collide (decision 0118). Candidates come from the labelled layers
 * shown at the current level: polygons at their interior point (when wide enough on screen to carry the name),
 * lines along their longest nearly straight visible run (a road's name at street zoom, turned to the road but
 * never upside down), points beside their symbol. Layers earlier in the list (coarser divisions come first) win,
 * then bigger polygons and longer runs. A label is kept only if it lies wholly on screen and its box — the axis-aligned box of the turned
 * text, with padding — overlaps no kept box and no obstacle (the overlay's count bubbles). Text is measured by the
 * caller's {@link Measure} (the FX text layout on screen), so boxes are those of the drawn text.
 * Pure computation on the FX thread: a few thousand candidates cost well under a millisecond.
 */
public final class LabelPlacer {
    /**
     * A label to draw, centred on (x, y), turned by {@code angle} degrees (clockwise), with its unturned text size
     * and the box it occupies on screen ({@code box}: x0, y0, x1, y1, padding included).
     */
    public record Placed(String text, double x, double y, double fontSize, int colour, double angle, double width,
                         double height, double[] box) {
    }

    /** Text size on screen. */
    public interface Measure {
        double width(String text, double fontSize);

        double height(double fontSize);
    }

    /** Approximate measure: CJK ideographs are square, Latin about 0.6 em, lines 1.3 em. */
    public static final Measure ESTIMATE = new Measure() {
        @Override
        public double width(String text, double fontSize) {
            return textWidth(text, fontSize);
        }

        @Override
        public double height(double fontSize) {
            return fontSize * 1.3;
        }
    };

    private static final double PAD = 4;
    private static final double MAX_BEND_DEG = 20;
    private static final int MAX_POINT_CANDIDATES = 2000;
    private final int maxLabels;
    private final Measure measure;

    private record Candidate(String text, double x, double y, double angle, int rank, double weight,
                             double fontSize, int colour) {
    }

    public LabelPlacer(int maxLabels) {
        this(maxLabels, ESTIMATE);
    }

    public LabelPlacer(int maxLabels, Measure measure) {
        this.maxLabels = maxLabels;
        this.measure = measure;
    }

    static double textWidth(String text, double fontSize) {
        double w = 0;
        for (int i = 0; i < text.length(); i++) {
            w += text.charAt(i) > 0x2e80 ? fontSize : fontSize * 0.6;
        }
        return w;
    }

    public List<Placed> place(Viewport vp, List<CompiledLayer> layers, int level) {
        return place(vp, layers, level, List.of());
    }

    /** The labels to draw; {@code obstacles} are boxes (x0, y0, x1, y1) already taken on screen. */
    public List<Placed> place(Viewport vp, List<CompiledLayer> layers, int level, List<double[]> obstacles) {
        List<Candidate> candidates = new ArrayList<>();
        int rank = 0;
        for (CompiledLayer layer : layers) {
            boolean labelled = !layer.labels().isEmpty() || !layer.pathLabels().isEmpty() || layer.labelsPoints();
            if (!labelled || !layer.shownAtLevel(level)) {
                continue;
            }
            double size = layer.settings().style().labelSize();
            double fontSize = size > 0 ? size : rank == 0 ? 16 : 12;
            int colour = Raster.argb(layer.settings().style().labelColour());
            polygonCandidates(vp, layer, rank, fontSize, colour, candidates);
            pathCandidates(vp, layer, rank, fontSize, colour, candidates);
            pointCandidates(vp, layer, rank, fontSize, colour, candidates);
            rank++;
        }
        candidates.sort(Comparator.comparingInt(Candidate::rank)
                .thenComparing(Comparator.comparingDouble(Candidate::weight).reversed()));
        List<double[]> boxes = new ArrayList<>(obstacles);
        List<Placed> placed = new ArrayList<>();
        for (Candidate c : candidates) {
            if (placed.size() >= maxLabels) {
                break;
            }
            double w = measure.width(c.text(), c.fontSize());
            double h = measure.height(c.fontSize());
            double rad = Math.toRadians(c.angle());
            double bw = Math.abs(w * Math.cos(rad)) + Math.abs(h * Math.sin(rad));
            double bh = Math.abs(w * Math.sin(rad)) + Math.abs(h * Math.cos(rad));
            double[] box = {c.x() - bw / 2 - PAD, c.y() - bh / 2 - PAD, c.x() + bw / 2 + PAD, c.y() + bh / 2 + PAD};
            // a name cut by the edge of the map reads as a different name: only whole labels are drawn
            if (box[0] < 0 || box[1] < 0 || box[2] > vp.width() || box[3] > vp.height() || collides(boxes, box)) {
                continue;
            }
            boxes.add(box);
            placed.add(new Placed(c.text(), c.x(), c.y(), c.fontSize(), c.colour(), c.angle(), w, h, box));
        }
        return placed;
    }

    private void polygonCandidates(Viewport vp, CompiledLayer layer, int rank, double fontSize, int colour,
                                   List<Candidate> out) {
        for (CompiledLayer.LabelAnchor anchor : layer.labels()) {
            double sx = vp.screenX(anchor.x());
            double sy = vp.screenY(anchor.y());
            if (sx < -50 || sy < -20 || sx > vp.width() + 50 || sy > vp.height() + 20) {
                continue;
            }
            double polygonWidth = anchor.envelope().getWidth() * vp.worldSize();
            if (polygonWidth < measure.width(anchor.text(), fontSize) * 0.8) {
                continue;
            }
            out.add(new Candidate(anchor.text(), sx, sy, 0, rank, anchor.area(), fontSize, colour));
        }
    }

    /** The longest run of a visible line that turns by less than 20°, if the name fits on it. */
    private void pathCandidates(Viewport vp, CompiledLayer layer, int rank, double fontSize, int colour,
                                List<Candidate> out) {
        double x0 = vp.worldX(0);
        double y0 = vp.worldY(0);
        double x1 = vp.worldX(vp.width());
        double y1 = vp.worldY(vp.height());
        for (CompiledLayer.PathLabel label : layer.pathLabels()) {
            org.locationtech.jts.geom.Envelope e = label.envelope();
            if (e.getMaxX() < x0 || e.getMinX() > x1 || e.getMaxY() < y0 || e.getMinY() > y1) {
                continue;
            }
            double need = measure.width(label.text(), fontSize) + 2 * PAD;
            double[] p = label.path();
            int n = p.length / 2;
            double bestLength = 0;
            int bestFrom = -1;
            int bestTo = -1;
            int from = 0;
            double runLength = 0;
            double runAngle = Double.NaN;
            for (int i = 0; i + 1 < n; i++) {
                double ax = vp.screenX(p[2 * i]);
                double ay = vp.screenY(p[2 * i + 1]);
                double bx = vp.screenX(p[2 * i + 2]);
                double by = vp.screenY(p[2 * i + 3]);
                if (!(inView(vp, ax, ay) && inView(vp, bx, by))) {
                    runAngle = Double.NaN;
                    continue;
                }
                double angle = Math.toDegrees(Math.atan2(by - ay, bx - ax));
                if (Double.isNaN(runAngle) || Math.abs(turn(angle, runAngle)) > MAX_BEND_DEG) {
                    from = i;
                    runLength = 0;
                    runAngle = angle;
                }
                runLength += Math.hypot(bx - ax, by - ay);
                if (runLength > bestLength) {
                    bestLength = runLength;
                    bestFrom = from;
                    bestTo = i + 1;
                }
            }
            if (bestFrom < 0 || bestLength < need) {
                continue;
            }
            double ax = vp.screenX(p[2 * bestFrom]);
            double ay = vp.screenY(p[2 * bestFrom + 1]);
            double bx = vp.screenX(p[2 * bestTo]);
            double by = vp.screenY(p[2 * bestTo + 1]);
            double angle = Math.toDegrees(Math.atan2(by - ay, bx - ax));
            // never upside down: a road running right-to-left is read left-to-right
            if (angle > 90) {
                angle -= 180;
            } else if (angle <= -90) {
                angle += 180;
            }
            double[] mid = along(vp, p, bestFrom, bestTo, bestLength / 2);
            out.add(new Candidate(label.text(), mid[0], mid[1], angle, rank, bestLength, fontSize, colour));
        }
    }

    private void pointCandidates(Viewport vp, CompiledLayer layer, int rank, double fontSize, int colour,
                                 List<Candidate> out) {
        if (!layer.labelsPoints()) {
            return;
        }
        double offset = layer.settings().style().pointRadius() + 3;
        int[] count = {0};
        layer.pointIndex.query(vp.worldX(0), vp.worldY(0), vp.worldX(vp.width()), vp.worldY(vp.height()), i -> {
            if (count[0]++ >= MAX_POINT_CANDIDATES) {
                return;
            }
            String text = layer.pointText(i);
            if (text.isEmpty()) {
                return;
            }
            double w = measure.width(text, fontSize);
            out.add(new Candidate(text, vp.screenX(layer.px[i]) + offset + w / 2 + PAD, vp.screenY(layer.py[i]), 0,
                    rank, -i, fontSize, colour));
        });
    }

    private static boolean inView(Viewport vp, double x, double y) {
        return x >= 0 && y >= 0 && x <= vp.width() && y <= vp.height();
    }

    /** Signed difference of two directions in degrees, in (−180, 180]. */
    private static double turn(double a, double b) {
        double d = (a - b) % 360;
        if (d > 180) {
            d -= 360;
        } else if (d <= -180) {
            d += 360;
        }
        return d;
    }

    /** The screen point {@code distance} pixels along the path from vertex {@code from}. */
    private static double[] along(Viewport vp, double[] p, int from, int to, double distance) {
        double left = distance;
        for (int i = from; i < to; i++) {
            double ax = vp.screenX(p[2 * i]);
            double ay = vp.screenY(p[2 * i + 1]);
            double bx = vp.screenX(p[2 * i + 2]);
            double by = vp.screenY(p[2 * i + 3]);
            double length = Math.hypot(bx - ax, by - ay);
            if (length >= left && length > 0) {
                double t = left / length;
                return new double[] {ax + t * (bx - ax), ay + t * (by - ay)};
            }
            left -= length;
        }
        return new double[] {vp.screenX(p[2 * to]), vp.screenY(p[2 * to + 1])};
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
