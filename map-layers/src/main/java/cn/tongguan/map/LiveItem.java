package cn.tongguan.map;

import java.time.Instant;
import java.util.Objects;

/**
 * One live thing on the map, redrawn every frame: a case, a sensor, a camera or an alarm.
 *
 * @param id stable identifier; putting an item with the same id replaces it
 * @param kind what it is; items of different kinds never share a cluster
 * @param lng longitude in degrees
 * @param lat latitude in degrees
 * @param status status colour and share in a cluster's ring
 * @param since when it appeared or last changed state; new items blink for a while
 * @param headingDeg camera heading, degrees clockwise from north (cameras only)
 * @param fovDeg camera field of view in degrees, 0 for none
 * @param minZoom the item is drawn, hit-tested and counted in clusters only from this zoom on (0: always), e.g.
 *                manhole covers from street zoom unless alarmed
 */
public record LiveItem(String id, LiveKind kind, double lng, double lat, LiveStatus status, Instant since,
                       double headingDeg, double fovDeg, double minZoom) {
    public LiveItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(since, "since");
    }

    /** An item shown at every zoom (the constructor before {@code minZoom} existed). */
    public LiveItem(String id, LiveKind kind, double lng, double lat, LiveStatus status, Instant since,
                    double headingDeg, double fovDeg) {
        this(id, kind, lng, lat, status, since, headingDeg, fovDeg, 0);
    }

    public static LiveItem of(String id, LiveKind kind, double lng, double lat, LiveStatus status, Instant since) {
        return new LiveItem(id, kind, lng, lat, status, since, 0, 0, 0);
    }

    public static LiveItem camera(String id, double lng, double lat, LiveStatus status, Instant since,
                                  double headingDeg, double fovDeg) {
        return new LiveItem(id, LiveKind.CAMERA, lng, lat, status, since, headingDeg, fovDeg, 0);
    }

    /** The same item, shown only from {@code zoom} on (0: at every zoom). */
    public LiveItem withMinZoom(double zoom) {
        return new LiveItem(id, kind, lng, lat, status, since, headingDeg, fovDeg, zoom);
    }

    /** Whether the item is shown at this zoom. */
    public boolean shownAt(double zoom) {
        return zoom >= minZoom;
    }
}
