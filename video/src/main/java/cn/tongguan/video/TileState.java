package cn.tongguan.video;

/** What a tile is doing, for its label and for observers (tests, the wall's status bar). */
public enum TileState {
    /** No camera assigned. */
    IDLE,
    /** Connecting; the previous picture, if any, stays up. */
    CONNECTING,
    /** Frames are arriving. */
    LIVE,
    /** Over the decode budget: a still picture refreshed every few seconds. */
    STILL,
    /** No frames: the last picture is greyed, with its age and the reason; reconnecting with backoff. */
    STALE
}
