package cn.tongguan.video.internal;

import java.net.URI;

/**
 * A playback engine: opens streams that deliver BGRA frames to a {@link StreamListener}. Thread-safe;
 * {@link #open} starts connecting and returns without waiting for the first frame.
 */
public interface VideoEngine extends AutoCloseable {
    String name();

    /** Whether this engine, as installed here, can open streams of this kind (probed once, then cached). */
    boolean canOpen(URI uri);

    StreamHandle open(URI uri, StreamListener listener);

    /** Releases the engine; streams must have been closed first. */
    @Override
    void close();
}
