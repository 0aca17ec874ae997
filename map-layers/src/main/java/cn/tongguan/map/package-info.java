/**
 * The city on one map (一张图): a JavaFX map control on JTS geometries. Knows nothing of the platform,
 * its wire contract or the console; it takes its data as geometries with attributes.
 *
 * <p>Entry points: {@link cn.tongguan.map.MapView} (the control), {@link cn.tongguan.map.FeatureLayer} with
 * {@link cn.tongguan.map.Style} (static layers, rendered into cached tiles in the background),
 * {@link cn.tongguan.map.LiveOverlay} with {@link cn.tongguan.map.LiveItem} (cases, sensors, cameras, alarms
 * drawn each frame), {@link cn.tongguan.map.MapLegend}, {@link cn.tongguan.map.GeoJsonImporter}. Coordinates
 * are lng/lat degrees (EPSG:4326) throughout; Web Mercator exists only inside {@code cn.tongguan.map.internal},
 * which is not API. See {@code docs/map-layers.md}.
 */
package cn.tongguan.map;
