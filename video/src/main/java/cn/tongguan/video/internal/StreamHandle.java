package cn.tongguan.video.internal;

/** An open stream. {@link #close()} is idempotent and may block briefly: call it off the FX thread. */
public interface StreamHandle extends AutoCloseable {
    @Override
    void close();
}
