/**
 * The city on one map (一张图): a JavaFX map control on JTS geometries. Knows nothing of the platform,
 * its wire contract or the console; it takes its data as geometries with attributes.
 */
package cn.tongguan.map;
