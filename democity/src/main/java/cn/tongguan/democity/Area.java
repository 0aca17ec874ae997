package cn.tongguan.democity;

import org.locationtech.jts.geom.Geometry;

/**
 * A division of the demo city: district (6-digit code), street or town (9), community or village (12).
 *
 * @param shape polygon in local metres ({@link LocalProjection})
 */
public record Area(String code, String name, Level level, String parentCode, Geometry shape) {
    public enum Level { DISTRICT, STREET, COMMUNITY }

    /** 街道 (001–099) are the built-up core; 镇 (100–199), 乡 (200–399) and zones (400+) the fringe. */
    public boolean isUrbanStreet() {
        return level == Level.STREET && Integer.parseInt(code.substring(6, 9)) < 100;
    }
}
