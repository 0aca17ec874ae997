package cn.tongguan.map.internal;

import cn.tongguan.map.Feature;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * The highlighted feature, projected once when selected and drawn over the tiles every frame (so selecting
 * never re-renders tiles). Immutable.
 */
public final class Selection {
    private static final int OUTLINE = 0xffffd60a;
    private static final int TINT = Raster.fade(0xffffd60a, 0.18);
    private final Feature feature;
    private final List<double[]> rings = new ArrayList<>();
    private final List<double[]> lines = new ArrayList<>();
    private final List<double[]> points = new ArrayList<>();

    public Selection(Feature feature) {
        this.feature = feature;
        Geometry g = feature.geometry();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof Polygon polygon) {
                rings.add(project(polygon.getExteriorRing().getCoordinates()));
                for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                    rings.add(project(polygon.getInteriorRingN(h).getCoordinates()));
                }
            } else if (part instanceof LineString line) {
                lines.add(project(line.getCoordinates()));
            } else if (part instanceof Point point && !point.isEmpty()) {
                points.add(new double[] {WebMercator.x(point.getX()), WebMercator.y(point.getY())});
            }
        }
    }

    public Feature feature() {
        return feature;
    }

    private static double[] project(Coordinate[] coordinates) {
        double[] xy = new double[coordinates.length * 2];
        for (int i = 0; i < coordinates.length; i++) {
            xy[2 * i] = WebMercator.x(coordinates[i].x);
            xy[2 * i + 1] = WebMercator.y(coordinates[i].y);
        }
        return xy;
    }

    void draw(Raster frame, Viewport vp) {
        if (!rings.isEmpty()) {
            double[][] screen = new double[rings.size()][];
            int[] lengths = new int[rings.size()];
            for (int r = 0; r < rings.size(); r++) {
                screen[r] = toScreen(rings.get(r), vp);
                lengths[r] = screen[r].length;
            }
            frame.fillRings(screen, lengths, screen.length, TINT);
            for (double[] ring : screen) {
                frame.strokePolyline(ring, ring.length, true, 3, OUTLINE);
            }
        }
        for (double[] line : lines) {
            double[] screen = toScreen(line, vp);
            frame.strokePolyline(screen, screen.length, false, 4, OUTLINE);
        }
        for (double[] p : points) {
            double x = vp.screenX(p[0]);
            double y = vp.screenY(p[1]);
            frame.fillCircle(x, y, 11, OUTLINE);
            frame.fillCircle(x, y, 8, 0xff101820);
            frame.fillCircle(x, y, 5, OUTLINE);
        }
    }

    private static double[] toScreen(double[] world, Viewport vp) {
        double[] s = new double[world.length];
        for (int i = 0; i < world.length; i += 2) {
            s[i] = vp.screenX(world[i]);
            s[i + 1] = vp.screenY(world[i + 1]);
        }
        return s;
    }
}
