package cn.tongguan.map;

import javafx.scene.paint.Color;

/**
 * Status of a live item; a cluster's ring shows the share of each (decision 0121). Ordered by severity.
 * {@link #OVERDUE} is a case's red light (红灯): drawn red, it never blinks. {@link #ALARM} is a sensor's or an
 * alarm's state: the same red, and an item or a cluster holding one blinks (decision 0147).
 */
public enum LiveStatus {
    NORMAL(Color.web("#3ecf8e")), PENDING(Color.web("#f5c542")), OVERDUE(Color.web("#ff3b3b")),
    ALARM(Color.web("#ff3b3b")), OFFLINE(Color.web("#8a94a6"));

    private final Color colour;

    LiveStatus(Color colour) {
        this.colour = colour;
    }

    public Color colour() {
        return colour;
    }

    /** Offline is shown grey but ranks below normal: a dead sensor must not hide an alarm. */
    public int severity() {
        return this == OFFLINE ? -1 : ordinal();
    }
}
