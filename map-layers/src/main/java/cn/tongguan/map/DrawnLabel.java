package cn.tongguan.map;

import javafx.geometry.Bounds;

/**
 * A name the map drew in its last frame: its text, where it is on the control (the box of the text as turned)
 * and its angle in degrees (non-zero for names along roads). No two drawn labels' boxes intersect.
 */
public record DrawnLabel(String text, Bounds bounds, double angle) {
}
