package cn.tongguan.video.gst;

import cn.tongguan.video.internal.StreamHandle;
import cn.tongguan.video.internal.StreamListener;
import cn.tongguan.video.internal.VideoEngine;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.freedesktop.gstreamer.Buffer;
import org.freedesktop.gstreamer.Bus;
import org.freedesktop.gstreamer.Caps;
import org.freedesktop.gstreamer.ElementFactory;
import org.freedesktop.gstreamer.FlowReturn;
import org.freedesktop.gstreamer.Gst;
import org.freedesktop.gstreamer.GstObject;
import org.freedesktop.gstreamer.Pipeline;
import org.freedesktop.gstreamer.Sample;
import org.freedesktop.gstreamer.Structure;
import org.freedesktop.gstreamer.Version;
import org.freedesktop.gstreamer.elements.AppSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GStreamer through gst1-java-core: the RTSP engine on Linux, where libvlc has no RTSP client (ADR 0030).
 * One pipeline per stream; RTSP over TCP without jitter buffer latency, one decoder thread, and an
 * appsink that keeps only the newest frame. Thread-safe.
 */
public final class GstEngine implements VideoEngine {
    private static final Logger LOGGER = LoggerFactory.getLogger(GstEngine.class);
    private static final Set<String> SCHEMES = Set.of("rtsp", "rtsps", "http", "https", "file");
    private static final String RTSP = "rtspsrc location=\"%s\" protocols=tcp latency=0 "
            + "! rtph264depay ! h264parse ! avdec_h264 max-threads=1 ! videoconvert ! video/x-raw,format=BGRA "
            + "! appsink name=sink sync=false max-buffers=1 drop=true";
    private static final String OTHER = "uridecodebin uri=\"%s\" ! videoconvert ! video/x-raw,format=BGRA "
            + "! appsink name=sink sync=false max-buffers=1 drop=true";
    private static final Object INIT = new Object();

    private final boolean usable;

    public GstEngine() {
        boolean ok;
        try {
            // GStreamer is process-wide: initialise it once, whoever asks first
            synchronized (INIT) {
                if (!Gst.isInitialized()) {
                    Gst.init(Version.of(1, 16), "tongguan");
                }
            }
            ok = ElementFactory.find("rtspsrc") != null && ElementFactory.find("avdec_h264") != null;
            if (!ok) {
                LOGGER.warn("GStreamer lacks rtspsrc or avdec_h264 (Debian: gstreamer1.0-plugins-good, gstreamer1.0-libav)");
            }
        } catch (Throwable e) { // UnsatisfiedLinkError when GStreamer is not installed
            LOGGER.warn("GStreamer is not available: {}", e.toString());
            ok = false;
        }
        usable = ok;
    }

    @Override
    public String name() {
        return "gstreamer";
    }

    @Override
    public boolean canOpen(URI uri) {
        return usable && uri.getScheme() != null && SCHEMES.contains(uri.getScheme().toLowerCase());
    }

    @Override
    public StreamHandle open(URI uri, StreamListener listener) {
        String scheme = uri.getScheme().toLowerCase();
        String description = String.format(scheme.startsWith("rtsp") ? RTSP : OTHER, uri.toString().replace("\"", "%22"));
        Pipeline pipeline = (Pipeline) Gst.parseLaunch(description);
        AppSink sink = (AppSink) pipeline.getElementByName("sink");
        sink.set("emit-signals", true);
        AtomicBoolean closed = new AtomicBoolean();
        AppSink.NEW_SAMPLE onSample = element -> {
            Sample sample = element.pullSample();
            Caps caps = sample.getCaps();
            Buffer buffer = sample.getBuffer();
            try {
                if (!closed.get()) {
                    Structure structure = caps.getStructure(0);
                    int width = structure.getInteger("width");
                    int height = structure.getInteger("height");
                    ByteBuffer bytes = buffer.map(false);
                    try {
                        listener.frame(width, height, bytes, width * 4);
                    } finally {
                        buffer.unmap();
                    }
                }
            } finally {
                // every wrapper released now: left to the GC, gst1-java-core's native registry grows per frame
                buffer.dispose();
                caps.dispose();
                sample.dispose();
            }
            return FlowReturn.OK;
        };
        Bus.ERROR onError = (GstObject source, int code, String message) -> {
            if (!closed.get()) {
                listener.fault(isDecoder(source) ? StreamListener.Fault.DECODE_FAILED : StreamListener.Fault.OPEN_FAILED,
                        source.getName() + ": " + message);
            }
        };
        Bus.EOS onEos = source -> {
            if (!closed.get()) {
                listener.fault(StreamListener.Fault.ENDED, "end of stream");
            }
        };
        sink.connect(onSample);
        Bus bus = pipeline.getBus();
        bus.connect(onError);
        bus.connect(onEos);
        pipeline.play();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                pipeline.stop();
                // signal handlers hold the wrappers: disconnect them, then release every wrapper we made
                sink.disconnect(onSample);
                bus.disconnect(onError);
                bus.disconnect(onEos);
                bus.dispose();
                sink.dispose();
                pipeline.dispose();
            }
        };
    }

    private static boolean isDecoder(GstObject source) {
        String name = source.getName();
        return name.startsWith("avdec") || name.startsWith("h264parse") || name.startsWith("rtph264depay");
    }

    @Override
    public void close() {
        // pipelines are closed by their handles; GStreamer itself stays initialised for the process
    }
}
