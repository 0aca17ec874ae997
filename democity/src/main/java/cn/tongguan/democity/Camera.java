package cn.tongguan.democity;

/**
 * A camera of the video patrol: 105 the city's own, 34 shared from other departments.
 *
 * @param heading degrees clockwise from north
 * @param fieldOfView horizontal opening in degrees
 */
public record Camera(String id, String name, double x, double y, double heading, double fieldOfView,
                     boolean shared, String owner, String mainUrl, String subUrl) {
}
