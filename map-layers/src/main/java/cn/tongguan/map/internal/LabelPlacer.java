package cn.tongguan.map.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Chooses the labels to draw so that no two collide (decision 0118). Candidates come from the labelled layers
 * shown at the current level: polygons at their interior point (when wide enough on screen to carry the name),
 * lines along their longest nearly straight visible run (a road's name at street zoom, turned to the road but
 * never upside down), points beside their symbol. Layers earlier in the list (coarser divisions come first) win,
 * then bigger polygons and longer runs. A label is kept only if it lies wholly on screen and its box — the axis-aligned box of the turned
 * text, with padding — overlaps no kept box and no obstacle (the overlay's count bubbles). Text is measured by the
 * caller's {@link Measure} (the FX text layout on screen), so boxes are those of the drawn text. A polygon's name
 * whose usual box meets the overlay's drawn groups moves elsewhere inside its polygon ({@link PolygonLabelSpots},
 * decision 0146).
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
    /** A road steeper than this on screen has its Chinese name stacked upright. */
    static final double STEEP_DEG = 45;
    private static final double MAX_BEND_DEG = 20;
    private static final int MAX_POINT_CANDIDATES = 2000;
    private final int maxLabels;
    private final Measure measure;
    private final PolygonLabelSpots spots = new PolygonLabelSpots();

    /** A label at its usual place; {@code layer} and {@code anchor} are set for a polygon's name (it may move). */
    private record Candidate(String text, double x, double y, double angle, int rank, double weight,
                             double fontSize, int colour, CompiledLayer layer, CompiledLayer.LabelAnchor anchor) {
        Candidate(String text, double x, double y, double angle, int rank, double weight, double fontSize,
                  int colour) {
            this(text, x, y, angle, rank, weight, fontSize, colour, null, null);
        }
    }

    public LabelPlacer(int maxLabels) {
        this(maxLabels, ESTIMATE);
    }

    public LabelPlacer(int maxLabels, Measure measure) {
        this.maxLabels = maxLabels;
        this.measure = measure;
    }

    /** The widest line's width (a stacked name is one character wide). */
    static double textWidth(String text, double fontSize) {
        double widest = 0;
        double w = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                w = 0;
                continue;
            }
            w += c > 0x2e80 ? fontSize : fontSize * 0.6;
            widest = Math.max(widest, w);
        }
        return widest;
    }

    public List<Placed> place(Viewport vp, List<CompiledLayer> layers, int level) {
        return place(vp, layers, level, List.of());
    }

    /** The labels to draw; {@code obstacles} are boxes (x0, y0, x1, y1) already taken on screen. */
    public List<Placed> place(Viewport vp, List<CompiledLayer> layers, int level, List<double[]> obstacles) {
        return place(vp, layers, level, obstacles, OverlayObstacles.NONE);
    }

    /**
     * The labels to draw over the overlay's drawn groups (decision 0146): a polygon's name whose usual box meets a
     * bubble or symbol moves to the nearest clear place inside its polygon, or stays put when there is none.
     */
    public List<Placed> placeOver(Viewport vp, List<CompiledLayer> layers, int level,
                                  List<OverlayLayout.Group> overlayGroups) {
        return place(vp, layers, level, List.of(), OverlayObstacles.of(overlayGroups),
                OverlayObstacles.countsOf(overlayGroups));
    }

    List<Placed> place(Viewport vp, List<CompiledLayer> layers, int level, List<double[]> obstacles,
                       OverlayObstacles overlay) {
        return place(vp, layers, level, obstacles, overlay, overlay);
    }

    /**
     * As above; {@code counts} are where the clusters' counts sit: a name with no place clear of the whole bubbles
     * takes one clear of their counts, so that no count is pushed out of its bubble by a name (decision 0155).
     */
    private List<Placed> place(Viewport vp, List<CompiledLayer> layers, int level, List<double[]> obstacles,
                               OverlayObstacles overlay, OverlayObstacles counts) {
        spots.frameStarted();
        List<Candidate> candidates = new ArrayList<>();
        int rank = 0;
        for (CompiledLayer layer : layers) {
            boolean labelled = !layer.labels().isEmpty() || !layer.pathLabels().isEmpty() || layer.labelsPoints();
            if (!labelled || !layer.labelledAtLevel(level)) {
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
            double h = measure.height(c.fontSize()) * lines(c.text());
            double rad = Math.toRadians(c.angle());
            double bw = Math.abs(w * Math.cos(rad)) + Math.abs(h * Math.sin(rad));
            double bh = Math.abs(w * Math.sin(rad)) + Math.abs(h * Math.cos(rad));
            double x = c.x();
            double y = c.y();
            double[] box = PolygonLabelSpots.box(x, y, bw + 2 * PAD, bh + 2 * PAD);
            if (c.anchor() != null && overlay.meets(box)) {
                double[] spot = spots.find(vp, c.layer(), c.anchor(), bw + 2 * PAD, bh + 2 * PAD, PAD,
                        b -> onScreen(vp, b) && !collides(boxes, b) && !overlay.meets(b));
                if (spot == null && counts != overlay && counts.meets(box)) {
                    spot = spots.find(vp, c.layer(), c.anchor(), bw + 2 * PAD, bh + 2 * PAD, PAD,
                            b -> onScreen(vp, b) && !collides(boxes, b) && !counts.meets(b));
                }
                if (spot != null) {
                    x = spot[0];
                    y = spot[1];
                    box = PolygonLabelSpots.box(x, y, bw + 2 * PAD, bh + 2 * PAD);
                }
            }
            // a name cut by the edge of the map reads as a different name: only whole labels are drawn
            if (!onScreen(vp, box) || collides(boxes, box)) {
                continue;
            }
            boxes.add(box);
            placed.add(new Placed(c.text(), x, y, c.fontSize(), c.colour(), c.angle(), w, h, box));
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
            out.add(new Candidate(anchor.text(), sx, sy, 0, rank, anchor.area(), fontSize, colour, layer, anchor));
        }
    }

    /**
     * The longest run of a line's on-screen part (segments clipped to the view) that turns by less than 20°, if
     * the name fits on it: centred on the run's middle, turned along its chord.
     */
    private void pathCandidates(Viewport vp, CompiledLayer layer, int rank, double fontSize, int colour,
                                List<Candidate> out) {
        double x0 = vp.worldX(0);
        double y0 = vp.worldY(0);
        double x1 = vp.worldX(vp.width());
        double y1 = vp.worldY(vp.height());
        double[] seg = new double[4];
        for (CompiledLayer.PathLabel label : layer.pathLabels()) {
            org.locationtech.jts.geom.Envelope e = label.envelope();
            if (e.getMaxX() < x0 || e.getMinX() > x1 || e.getMaxY() < y0 || e.getMinY() > y1) {
                continue;
            }
            double need = measure.width(label.text(), fontSize) + 2 * PAD;
            double[] p = label.path();
            Run run = new Run();
            Run best = new Run();
            double runAngle = Double.NaN;
            boolean connected = false;
            for (int i = 0; i + 3 < p.length; i += 2) {
                seg[0] = vp.screenX(p[i]);
                seg[1] = vp.screenY(p[i + 1]);
                seg[2] = vp.screenX(p[i + 2]);
                seg[3] = vp.screenY(p[i + 3]);
                boolean startInside = inView(vp, seg[0], seg[1]);
                boolean endInside = inView(vp, seg[2], seg[3]);
                if (!clip(seg, vp.width(), vp.height())) {
                    connected = false;
                    continue;
                }
                double angle = Math.toDegrees(Math.atan2(seg[3] - seg[1], seg[2] - seg[0]));
                if (!connected || !startInside || Math.abs(turn(angle, runAngle)) > MAX_BEND_DEG) {
                    run.restart(seg[0], seg[1]);
                    runAngle = angle;
                }
                run.add(seg[2], seg[3]);
                if (run.length > best.length) {
                    best.copy(run);
                }
                connected = endInside;
            }
            if (best.length < need) {
                continue;
            }
            double angle = Math.toDegrees(Math.atan2(best.lastY() - best.ys[0], best.lastX() - best.xs[0]));
            // never upside down: a road running right-to-left is read left-to-right
            if (angle > 90) {
                angle -= 180;
            } else if (angle <= -90) {
                angle += 180;
            }
            double[] mid = best.along(best.length / 2);
            String text = label.text();
            // stacked, the name is as long as its lines are tall: only where the road's run has room for that
            if (Math.abs(angle) > STEEP_DEG && chinese(text)
                    && best.length >= measure.height(fontSize) * text.codePointCount(0, text.length()) + 2 * PAD) {
                // a north–south road's name is written top to bottom with its characters upright, as Chinese maps
                // write it: a name on its side is hard to read from across the hall (and turned text is drawn as
                // outlines every frame by the software pipeline, upright text from its glyph cache)
                text = text.codePoints().mapToObj(Character::toString).collect(Collectors.joining("\n"));
                angle = 0;
            }
            out.add(new Candidate(text, mid[0], mid[1], angle, rank, best.length, fontSize, colour));
        }
    }

    /** Whether every character is a Han character (a name that can be stacked upright). */
    static boolean chinese(String text) {
        return !text.isEmpty() && text.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private static int lines(String text) {
        int lines = 1;
        for (int i = 0; i < text.length(); i++) {
            lines += text.charAt(i) == '\n' ? 1 : 0;
        }
        return lines;
    }

    /** Liang–Barsky: clips the segment in place to [0, w] × [0, h]; false when nothing of it is visible. */
    private static boolean clip(double[] s, double w, double h) {
        double dx = s[2] - s[0];
        double dy = s[3] - s[1];
        double[] range = new double[2];
        if (!Raster.clipRange(s[0], s[1], dx, dy, 0, 0, w, h, range)) {
            return false;
        }
        double sx = s[0];
        double sy = s[1];
        s[0] = sx + range[0] * dx;
        s[1] = sy + range[0] * dy;
        s[2] = sx + range[1] * dx;
        s[3] = sy + range[1] * dy;
        return true;
    }

    /** A run of screen points along a line, with its length. */
    private static final class Run {
        double[] xs = new double[16];
        double[] ys = new double[16];
        int n;
        double length;

        void restart(double x, double y) {
            n = 0;
            length = 0;
            push(x, y);
        }

        void add(double x, double y) {
            length += Math.hypot(x - xs[n - 1], y - ys[n - 1]);
            push(x, y);
        }

        private void push(double x, double y) {
            if (n == xs.length) {
                xs = java.util.Arrays.copyOf(xs, 2 * n);
                ys = java.util.Arrays.copyOf(ys, 2 * n);
            }
            xs[n] = x;
            ys[n] = y;
            n++;
        }

        void copy(Run other) {
            xs = java.util.Arrays.copyOf(other.xs, other.xs.length);
            ys = java.util.Arrays.copyOf(other.ys, other.ys.length);
            n = other.n;
            length = other.length;
        }

        double lastX() {
            return xs[n - 1];
        }

        double lastY() {
            return ys[n - 1];
        }

        /** The point {@code distance} pixels along the run. */
        double[] along(double distance) {
            double left = distance;
            for (int i = 0; i + 1 < n; i++) {
                double step = Math.hypot(xs[i + 1] - xs[i], ys[i + 1] - ys[i]);
                if (step >= left && step > 0) {
                    double t = left / step;
                    return new double[] {xs[i] + t * (xs[i + 1] - xs[i]), ys[i] + t * (ys[i + 1] - ys[i])};
                }
                left -= step;
            }
            return new double[] {lastX(), lastY()};
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

    private static boolean onScreen(Viewport vp, double[] box) {
        return box[0] >= 0 && box[1] >= 0 && box[2] <= vp.width() && box[3] <= vp.height();
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

    static boolean collides(List<double[]> boxes, double[] b) {
        for (double[] a : boxes) {
            if (a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]) {
                return true;
            }
        }
        return false;
    }
}
