package cn.tongguan.console.citymap;

import cn.tongguan.api.GeoDistance;
import cn.tongguan.map.Feature;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * A camera's heading when the reference data gives none: along the road nearest to it (a street camera watches
 * the road it stands by), pointing the way the road's segment runs north-or-east-wards, so the cone is the same
 * on every map and at every start. NaN when no road is within {@link #MAX_METRES}.
 */
final class CameraHeadings {
    /** Farther than this from every road, a camera watches something else (a square, a gate): no cone. */
    static final double MAX_METRES = 150;

    private final List<Feature> roads;

    CameraHeadings(List<Feature> roads) {
        this.roads = roads;
    }

    /** Degrees clockwise from north in [0, 180), or NaN. */
    double heading(double lng, double lat) {
        double kx = GeoDistance.metresPerDegreeLng(lat);
        double ky = GeoDistance.METRES_PER_DEGREE_LAT;
        double best = MAX_METRES * MAX_METRES;
        double heading = Double.NaN;
        for (Feature road : roads) {
            Geometry g = road.geometry();
            for (int p = 0; p < g.getNumGeometries(); p++) {
                Coordinate[] cs = g.getGeometryN(p).getCoordinates();
                for (int i = 1; i < cs.length; i++) {
                    double ax = (cs[i - 1].x - lng) * kx;
                    double ay = (cs[i - 1].y - lat) * ky;
                    double bx = (cs[i].x - lng) * kx;
                    double by = (cs[i].y - lat) * ky;
                    double d = squaredDistanceToOrigin(ax, ay, bx, by);
                    if (d < best) {
                        best = d;
                        double deg = Math.toDegrees(Math.atan2(bx - ax, by - ay));
                        heading = ((deg % 180) + 180) % 180;
                    }
                }
            }
        }
        return heading;
    }

    /** Squared distance from (0, 0) to the segment a–b. */
    private static double squaredDistanceToOrigin(double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double len = dx * dx + dy * dy;
        double t = len == 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len));
        double x = ax + t * dx;
        double y = ay + t * dy;
        return x * x + y * y;
    }
}
