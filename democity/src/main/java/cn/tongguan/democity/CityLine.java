package cn.tongguan.democity;

import org.locationtech.jts.geom.Geometry;

/**
 * A line of the city's map: a road, a river or canal, a railway. The named ones come from
 * {@code xinxiang/lines.csv} (real names, approximate courses); {@code generated} marks the minor streets the
 * generator lays between the named roads and names after them (e.g. 胜利路东一支路).
 *
 * @param lineClass trunk / arterial / secondary / minor for roads, river / canal for water, railway / high_speed for rail
 * @param shape a line in local metres ({@link LocalProjection}) or, as read from the file, in lng/lat
 */
public record CityLine(String name, Kind kind, String lineClass, boolean generated, Geometry shape) {
    public enum Kind { ROAD, WATER, RAIL }

    /** Trunk roads first: the order in which a crossing names its roads (平原路与胜利路交叉口). */
    public int rank() {
        return switch (lineClass) {
            case "trunk" -> 0;
            case "arterial" -> 1;
            case "secondary" -> 2;
            default -> 3;
        };
    }

    /** Mostly north–south (by the extent of its course), as opposed to east–west. */
    public boolean northSouth() {
        return shape.getEnvelopeInternal().getHeight() > shape.getEnvelopeInternal().getWidth();
    }

    public CityLine withShape(Geometry other) {
        return new CityLine(name, kind, lineClass, generated, other);
    }
}
