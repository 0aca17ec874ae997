package cn.tongguan.video.internal;

import cn.tongguan.video.Camera;
import cn.tongguan.video.StreamVariant;
import java.net.URI;
import java.nio.ByteBuffer;

/**
 * One stream a tile has open (or is opening): its camera, the surface its frames land in, and the
 * engine handle. The handle is set and closed on the background executor; everything else is FX-thread
 * state of the owning {@link TileController}.
 */
final class StreamSlot implements StreamListener {
    enum Purpose { SHOW, PREROLL, VARIANT }

    final Camera camera;
    final StreamVariant variant;
    final URI uri;
    final TileSurface surface;
    final long token;
    final Purpose purpose;
    final long openedAt;
    private final FaultSink faults;

    // FX thread
    long framesSeen;
    long lastFrameAt;
    boolean stillTaken;
    boolean watchdogFired;

    // shared with the background executor
    private StreamHandle handle;
    private boolean closed;

    interface FaultSink {
        /** Called on an engine thread. */
        void fault(StreamSlot slot, Fault fault, String detail);
    }

    StreamSlot(Camera camera, StreamVariant variant, TileSurface surface, long token, Purpose purpose, long openedAt,
               FaultSink faults) {
        this.camera = camera;
        this.variant = variant;
        this.uri = camera.stream(variant);
        this.surface = surface;
        this.token = token;
        this.purpose = purpose;
        this.openedAt = openedAt;
        this.faults = faults;
        surface.bind(token);
    }

    /** Background thread: keeps the handle unless the slot was closed meanwhile. */
    void attach(StreamHandle h) {
        boolean late;
        synchronized (this) {
            late = closed;
            if (!late) {
                handle = h;
            }
        }
        if (late) {
            h.close();
        }
    }

    /** Background thread: closes the stream (idempotent). */
    void close() {
        StreamHandle h;
        synchronized (this) {
            closed = true;
            h = handle;
            handle = null;
        }
        if (h != null) {
            h.close();
        }
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** Marks the slot closed at once (FX thread), so late faults are ignored before the real close runs. */
    synchronized void markClosed() {
        closed = true;
    }

    @Override
    public void frame(int width, int height, ByteBuffer bgra, int stride) {
        surface.accept(token, width, height, bgra, stride);
    }

    @Override
    public void displaySize(int width, int height) {
        surface.displaySize(token, width, height);
    }

    @Override
    public void fault(Fault fault, String detail) {
        if (!isClosed()) {
            faults.fault(this, fault, detail);
        }
    }
}
