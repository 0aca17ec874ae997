package cn.tongguan.democity;

/**
 * A lifeline sensor: waterlogging gauge at a low point, underpass water level, or an IoT manhole cover.
 *
 * @param partCode the part it is mounted on (manhole covers), or null
 */
public record Sensor(String id, Kind kind, String name, double x, double y, String partCode) {
    public enum Kind { WATERLOGGING, UNDERPASS, MANHOLE_COVER }
}
