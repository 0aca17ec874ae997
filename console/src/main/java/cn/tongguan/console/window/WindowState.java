package cn.tongguan.console.window;

/**
 * Where a window was when it last closed: its normal (not maximised) bounds, whether it was maximised, and the
 * bounds of the monitor it was on (to recognise that monitor again).
 */
public record WindowState(Area bounds, boolean maximized, Area monitor) {
}
