package cn.tongguan.map;

import javafx.scene.paint.Color;

/** Status of a live item; a cluster's ring shows the share of each (decision 0121). Ordered by severity. */
public enum LiveStatus {
    NORMAL(Color.web("#3ecf8e")), PENDING(Color.web("#f5c542")), OVERDUE(Color.web("#ff8c1a")),
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
