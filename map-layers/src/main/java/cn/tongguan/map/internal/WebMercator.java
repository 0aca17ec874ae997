package cn.tongguan.map.internal;

/**
 * Spherical Web Mercator (EPSG:3857) in normalised world units: x and y in [0, 1], y growing south, so that
 * the pixel position at zoom z is simply {@code x * 256 * 2^z}. Callers outside the renderer only ever see
 * lng/lat (docs/design.md); this class is where the projection lives. Stateless and thread-safe.
 */
public final class WebMercator {
    /** Tile edge in pixels; the pyramid is the usual 256-pixel XYZ scheme. */
    public static final int TILE_SIZE = 256;
    /** Latitude where the square Mercator world ends. */
    public static final double MAX_LAT = 85.05112877980659;
    private static final double EARTH_CIRCUMFERENCE_M = 2 * Math.PI * 6_378_137.0;

    private WebMercator() {
    }

    public static double x(double lng) {
        return (lng + 180.0) / 360.0;
    }

    public static double y(double lat) {
        double clamped = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));
        double sin = Math.sin(Math.toRadians(clamped));
        return 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
    }

    public static double lng(double x) {
        return x * 360.0 - 180.0;
    }

    public static double lat(double y) {
        double n = Math.PI - 2.0 * Math.PI * y;
        return Math.toDegrees(Math.atan(Math.sinh(n)));
    }

    /** Size of the whole world in pixels at a (possibly fractional) zoom. */
    public static double worldSize(double zoom) {
        return TILE_SIZE * Math.pow(2, zoom);
    }

    /** Ground metres per screen pixel at a latitude and zoom (for the scale bar and metric hit radii). */
    public static double metresPerPixel(double lat, double zoom) {
        return EARTH_CIRCUMFERENCE_M * Math.cos(Math.toRadians(lat)) / worldSize(zoom);
    }
}
