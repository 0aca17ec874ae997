package cn.tongguan.video.internal;

import java.nio.ByteBuffer;

/**
 * What an engine tells about one stream. Called on the engine's own threads: implementations copy and
 * return at once, and never call back into the engine (LibVLC forbids it; GStreamer would deadlock).
 */
public interface StreamListener {
    /** A decoded frame, 32-bit BGRA (little-endian ARGB ints), valid only during the call. */
    void frame(int width, int height, ByteBuffer bgra, int stride);

    /**
     * The picture's real size when the frames come at another size (libvlc hands out buffers of the
     * decoder's padded height, scaled into them); frames are then shown and saved at this size.
     */
    default void displaySize(int width, int height) {
    }

    /** The stream failed or ended; the engine gives what it knows, the probe finds the reason. */
    void fault(Fault fault, String detail);

    enum Fault { OPEN_FAILED, DECODE_FAILED, ENDED }
}
