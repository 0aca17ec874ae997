/**
 * Renderer internals of the map, free to change: projection ({@code WebMercator}), the rasteriser
 * ({@code Raster}), compiled layers and their indexes, tile rendering, caching and scheduling, frame
 * composition, labels, live overlay drawing, input and the on-map display. Not API: use {@code cn.tongguan.map}.
 */
package cn.tongguan.map.internal;
