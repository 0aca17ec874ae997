package cn.tongguan.map;

/**
 * The user went one level down the division hierarchy (district → street → community → grid → parts) by
 * double-clicking a feature of a drill-down layer; the map has already started flying to its extent.
 *
 * <p>Going back up ({@link MapView#drillUp()}, Backspace, Escape) reports the level returned to; at the top
 * that is level -1 with {@code layer} and {@code feature} null.
 *
 * @param level index of the clicked layer in the drill-down list
 * @param layer the clicked layer
 * @param feature the clicked division
 */
public record DrillDown(int level, FeatureLayer layer, Feature feature) {
}
