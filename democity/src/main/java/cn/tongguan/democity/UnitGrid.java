package cn.tongguan.democity;

import org.locationtech.jts.geom.Geometry;

/**
 * A unit grid (万米单元网格): 15-digit code = 12-digit community code + 3-digit sequence.
 *
 * @param shape polygon in local metres, always inside its community
 */
public record UnitGrid(String code, String communityCode, Geometry shape) {
}
