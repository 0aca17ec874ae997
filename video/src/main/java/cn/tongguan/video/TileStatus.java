package cn.tongguan.video;

import java.time.Instant;

/**
 * A snapshot of one tile's state.
 *
 * @param camera      the camera shown, or null when idle
 * @param state       what the tile is doing
 * @param reason      why there is no live picture (STALE only), else null
 * @param lastFrameAt when the last frame arrived, or null if none yet
 * @param touring     whether a tour drives this tile and is not paused
 * @param alarm       whether the tile is held on an alarm
 */
public record TileStatus(Camera camera, TileState state, FailureReason reason, Instant lastFrameAt,
                         boolean touring, boolean alarm) {
    public static final TileStatus IDLE = new TileStatus(null, TileState.IDLE, null, null, false, false);

    public String cameraId() {
        return camera == null ? null : camera.id();
    }
}
