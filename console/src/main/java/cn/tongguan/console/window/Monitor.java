package cn.tongguan.console.window;

/**
 * One monitor as JavaFX reports it. JavaFX gives monitors no stable name, so a monitor is recognised again by
 * its {@code bounds} (same place, same size); {@code usable} leaves out task bars and panels.
 */
public record Monitor(Area bounds, Area usable, boolean primary) {
}
