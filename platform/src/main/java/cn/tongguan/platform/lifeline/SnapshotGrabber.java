package cn.tongguan.platform.lifeline;

import java.io.IOException;
import java.time.Duration;

/** One still frame of a camera's stream, as JPEG bytes. An interface so tests without cameras can grab too. */
public interface SnapshotGrabber {
    /**
     * Grabs one frame of {@code streamUrl} within {@code timeout}.
     *
     * @throws IOException with a sentence for the case when the camera cannot be reached or sends no frame
     */
    byte[] grab(String streamUrl, Duration timeout) throws IOException;
}
