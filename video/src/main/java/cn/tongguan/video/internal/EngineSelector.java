package cn.tongguan.video.internal;

import cn.tongguan.video.EngineChoice;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the engine for a stream: the forced one, or (AUTO) vlcj when the installed libvlc can open the
 * stream's kind, else GStreamer. Engines start lazily, off the FX thread, on first use; the choice is
 * probed once per kind of address (scheme) and cached. Thread-safe.
 */
public final class EngineSelector implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(EngineSelector.class);

    private final EngineChoice choice;
    private final Supplier<Optional<VideoEngine>> vlcjFactory;
    private final Supplier<Optional<VideoEngine>> gstFactory;
    private final Map<String, Optional<VideoEngine>> byScheme = new ConcurrentHashMap<>();
    private Optional<VideoEngine> vlcj;
    private Optional<VideoEngine> gst;

    public EngineSelector(EngineChoice choice, Supplier<Optional<VideoEngine>> vlcj, Supplier<Optional<VideoEngine>> gst) {
        this.choice = choice;
        this.vlcjFactory = vlcj;
        this.gstFactory = gst;
    }

    /** The engine for this stream, or empty if no engine here can open it. Blocking on first use. */
    public Optional<VideoEngine> engineFor(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        return byScheme.computeIfAbsent(scheme, s -> {
            Optional<VideoEngine> chosen = switch (choice) {
                case VLCJ -> vlcj();
                case GSTREAMER -> gst();
                case AUTO -> vlcj().filter(e -> e.canOpen(uri)).or(() -> gst().filter(e -> e.canOpen(uri)));
            };
            LOGGER.info("{} streams play through {}", s, chosen.map(VideoEngine::name).orElse("no engine"));
            return chosen;
        });
    }

    private synchronized Optional<VideoEngine> vlcj() {
        if (vlcj == null) {
            vlcj = vlcjFactory.get();
        }
        return vlcj;
    }

    private synchronized Optional<VideoEngine> gst() {
        if (gst == null) {
            gst = gstFactory.get();
        }
        return gst;
    }

    @Override
    public synchronized void close() {
        if (vlcj != null) {
            vlcj.ifPresent(VideoEngine::close);
        }
        if (gst != null) {
            gst.ifPresent(VideoEngine::close);
        }
    }
}
