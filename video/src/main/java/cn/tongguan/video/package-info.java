/**
 * Camera video for the wall: playback engines and tours (视频轮巡). Knows nothing of the platform, its
 * wire contract or the console; it takes cameras as names and stream addresses.
 */
package cn.tongguan.video;
