package cn.tongguan.democity;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

/**
 * Local equirectangular projection around Xinxiang (design.md: "a local equirectangular approximation
 * where a metre of error does not matter"). Metres east/north of the origin; over the 30 km of the urban
 * districts the scale error stays well below 0.1 %.
 */
public final class LocalProjection {
    private static final double METRES_PER_DEGREE_LAT = cn.tongguan.api.GeoDistance.METRES_PER_DEGREE_LAT;

    private final double originLng;
    private final double originLat;
    private final double metresPerDegreeLng;

    public LocalProjection(double originLng, double originLat) {
        this.originLng = originLng;
        this.originLat = originLat;
        this.metresPerDegreeLng = cn.tongguan.api.GeoDistance.metresPerDegreeLng(originLat);
    }

    /** Xinxiang's city centre (DataV centre of 新乡市). */
    public static LocalProjection xinxiang() {
        return new LocalProjection(113.883991, 35.302616);
    }

    public double x(double lng) {
        return (lng - originLng) * metresPerDegreeLng;
    }

    public double y(double lat) {
        return (lat - originLat) * METRES_PER_DEGREE_LAT;
    }

    public double lng(double x) {
        return originLng + x / metresPerDegreeLng;
    }

    public double lat(double y) {
        return originLat + y / METRES_PER_DEGREE_LAT;
    }

    /** A copy of {@code geometry} (lng/lat) in local metres. */
    public Geometry toMetres(Geometry geometry) {
        Geometry copy = geometry.copy();
        copy.apply(new Transform(true));
        copy.geometryChanged();
        return copy;
    }

    /** A copy of {@code geometry} (local metres) in lng/lat. */
    public Geometry toDegrees(Geometry geometry) {
        Geometry copy = geometry.copy();
        copy.apply(new Transform(false));
        copy.geometryChanged();
        return copy;
    }

    private final class Transform implements CoordinateSequenceFilter {
        private final boolean forward;

        Transform(boolean forward) {
            this.forward = forward;
        }

        @Override
        public void filter(CoordinateSequence seq, int i) {
            Coordinate c = seq.getCoordinate(i);
            seq.setOrdinate(i, 0, forward ? x(c.x) : lng(c.x));
            seq.setOrdinate(i, 1, forward ? y(c.y) : lat(c.y));
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public boolean isGeometryChanged() {
            return true;
        }
    }
}
