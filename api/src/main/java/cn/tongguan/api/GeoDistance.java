package cn.tongguan.api;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Distances on the ground between WGS-84 points, in one home for platform, console and demo city (issue 20: six
 * copies with three different metres-per-degree). A local equirectangular approximation: within a city (tens of
 * kilometres) it is off by well under 1 %, which no rule here (50 m duplicates, 50 m parts, nearest camera) notices.
 */
public final class GeoDistance {
    /** Metres in one degree of latitude (WGS-84, mean). */
    public static final double METRES_PER_DEGREE_LAT = 110_574.0;
    /** Metres in one degree of longitude at the equator; times cos(latitude) elsewhere. */
    public static final double METRES_PER_DEGREE_LNG_AT_EQUATOR = 111_320.0;

    private GeoDistance() {
    }

    /** Metres in one degree of longitude at {@code lat}. */
    public static double metresPerDegreeLng(double lat) {
        return METRES_PER_DEGREE_LNG_AT_EQUATOR * Math.cos(Math.toRadians(lat));
    }

    /** Degrees of latitude spanning {@code metres}. */
    public static double degreesLat(double metres) {
        return metres / METRES_PER_DEGREE_LAT;
    }

    /** Degrees of longitude spanning {@code metres} at {@code lat}. */
    public static double degreesLng(double metres, double lat) {
        return metres / metresPerDegreeLng(lat);
    }

    /** Metres between two points. */
    public static double metres(double lng1, double lat1, double lng2, double lat2) {
        double x = (lng1 - lng2) * metresPerDegreeLng((lat1 + lat2) / 2);
        double y = (lat1 - lat2) * METRES_PER_DEGREE_LAT;
        return Math.sqrt(x * x + y * y);
    }

    /**
     * The {@code n} items nearest to a point, nearest first; ties in the order of {@code tieBreak} (so the answer
     * does not depend on the order the items came in).
     */
    public static <T> List<T> nearest(Collection<T> items, ToDoubleFunction<T> lng, ToDoubleFunction<T> lat,
                                      double lng0, double lat0, int n, Function<T, String> tieBreak) {
        Comparator<T> byDistance = Comparator.comparingDouble(
                t -> metres(lng.applyAsDouble(t), lat.applyAsDouble(t), lng0, lat0));
        return items.stream().sorted(byDistance.thenComparing(tieBreak)).limit(n).toList();
    }
}
