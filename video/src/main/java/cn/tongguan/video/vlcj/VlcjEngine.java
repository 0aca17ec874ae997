package cn.tongguan.video.vlcj;

import cn.tongguan.video.internal.StreamHandle;
import cn.tongguan.video.internal.StreamListener;
import cn.tongguan.video.internal.VideoEngine;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import uk.co.caprica.vlcj.factory.MediaPlayerFactory;
import uk.co.caprica.vlcj.factory.discovery.NativeDiscovery;
import uk.co.caprica.vlcj.player.base.MediaPlayer;
import uk.co.caprica.vlcj.player.base.MediaPlayerEventAdapter;
import uk.co.caprica.vlcj.player.embedded.EmbeddedMediaPlayer;
import uk.co.caprica.vlcj.player.embedded.videosurface.CallbackVideoSurface;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.BufferFormat;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.BufferFormatCallback;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.RenderCallback;
import uk.co.caprica.vlcj.player.embedded.videosurface.callback.format.RV32BufferFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * vlcj 4 over the installed libvlc: one {@link MediaPlayerFactory}, a pool of players with callback
 * surfaces. Plays what libvlc here can open: MPEG-TS over HTTP/TCP everywhere, RTSP only where libvlc
 * was built with live555 (not Debian's). Players are stopped from the caller's thread, never from
 * LibVLC's callbacks. Thread-safe.
 */
public final class VlcjEngine implements VideoEngine {
    private static final Logger LOGGER = LoggerFactory.getLogger(VlcjEngine.class);
    private static final Set<String> SCHEMES = Set.of("http", "https", "tcp", "udp", "rtp", "file");

    private final MediaPlayerFactory factory;
    private final boolean rtsp;
    private final String caching;
    private final Deque<PooledPlayer> idle = new ConcurrentLinkedDeque<>();
    private final List<PooledPlayer> all = new ArrayList<>();
    private boolean released;

    private VlcjEngine(MediaPlayerFactory factory, boolean rtsp, Duration networkCaching) {
        this.factory = factory;
        this.rtsp = rtsp;
        this.caching = ":network-caching=" + networkCaching.toMillis();
    }

    /** The engine, or empty when no libvlc is installed. */
    public static Optional<VlcjEngine> create(Duration networkCaching) {
        try {
            NativeDiscovery discovery = new NativeDiscovery();
            if (!discovery.discover()) {
                LOGGER.warn("libvlc not found: the vlcj engine is off");
                return Optional.empty();
            }
            MediaPlayerFactory factory = new MediaPlayerFactory("--no-audio", "--quiet", "--avcodec-hw=none",
                    "--avcodec-threads=1", "--no-snapshot-preview", "--no-osd");
            boolean rtsp = hasRtspClient(discovery.discoveredPath());
            LOGGER.info("vlcj engine on libvlc {} (RTSP client: {})", factory.application().version(), rtsp);
            return Optional.of(new VlcjEngine(factory, rtsp, networkCaching));
        } catch (Throwable e) { // UnsatisfiedLinkError and friends: no usable libvlc
            LOGGER.warn("libvlc is not usable: {}", e.toString());
            return Optional.empty();
        }
    }

    /**
     * libvlc's RTSP client is the live555 access plugin; its presence is the probe (done once). Official
     * Windows and macOS builds have it, Debian's does not.
     */
    static boolean hasRtspClient(String libPath) {
        List<Path> roots = new ArrayList<>();
        String env = System.getenv("VLC_PLUGIN_PATH");
        if (env != null) {
            roots.add(Path.of(env));
        }
        if (libPath != null) {
            roots.add(Path.of(libPath, "vlc", "plugins"));
            roots.add(Path.of(libPath, "plugins"));
        }
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> files = Files.walk(root, 3)) {
                    if (files.anyMatch(p -> p.getFileName().toString().startsWith("liblive555_plugin"))) {
                        return true;
                    }
                } catch (IOException e) {
                    LOGGER.debug("cannot list {}", root, e);
                }
            }
        }
        return false;
    }

    @Override
    public String name() {
        return "vlcj";
    }

    @Override
    public boolean canOpen(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        return SCHEMES.contains(scheme) || (rtsp && scheme.startsWith("rtsp"));
    }

    @Override
    public synchronized StreamHandle open(URI uri, StreamListener listener) {
        if (released) {
            throw new IllegalStateException("the vlcj engine is closed");
        }
        PooledPlayer player = idle.poll();
        if (player == null) {
            player = new PooledPlayer();
            synchronized (all) {
                all.add(player);
            }
        }
        PooledPlayer p = player;
        p.sized = false;
        p.asking = false;
        p.listener = listener;
        p.player.media().play(uri.toString(), caching);
        AtomicBoolean closed = new AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                p.listener = null;
                synchronized (this) { // a released player must not be touched
                    if (!released) {
                        p.player.controls().stop();
                        idle.push(p);
                    }
                }
            }
        };
    }

    @Override
    public synchronized void close() {
        if (released) {
            return;
        }
        released = true;
        synchronized (all) {
            for (PooledPlayer p : all) {
                p.player.release();
            }
            all.clear();
        }
        idle.clear();
        factory.release();
    }

    /** A player whose callbacks go to whichever stream currently uses it. */
    private final class PooledPlayer {
        final EmbeddedMediaPlayer player = factory.mediaPlayers().newEmbeddedMediaPlayer();
        volatile StreamListener listener;
        volatile boolean sized;
        volatile boolean asking;

        PooledPlayer() {
            BufferFormatCallback format = new BufferFormatCallback() {
                @Override
                public BufferFormat getBufferFormat(int width, int height) {
                    return new RV32BufferFormat(width, height);
                }

                @Override
                public void allocatedBuffers(ByteBuffer[] buffers) {
                    // frames are copied out in display(); nothing to keep
                }
            };
            RenderCallback render = (MediaPlayer mp, ByteBuffer[] buffers, BufferFormat f) -> {
                StreamListener l = listener;
                if (l == null) {
                    return;
                }
                if (sized) {
                    l.frame(f.getWidth(), f.getHeight(), buffers[0], f.getPitches()[0]);
                } else if (!asking) {
                    // frames come scaled into buffers of the decoder's padded height: learn the real size
                    // first, through submit(), never by calling LibVLC from this callback thread
                    asking = true;
                    mp.submit(() -> {
                        java.awt.Dimension d = mp.video().videoDimension();
                        StreamListener current = listener;
                        if (current == l && d != null && d.width > 0) {
                            l.displaySize(d.width, d.height);
                            sized = true;
                        }
                        asking = false;
                    });
                }
            };
            CallbackVideoSurface surface = factory.videoSurfaces().newVideoSurface(format, render, true);
            player.videoSurface().set(surface);
            player.events().addMediaPlayerEventListener(new MediaPlayerEventAdapter() {
                @Override
                public void error(MediaPlayer mp) {
                    StreamListener l = listener;
                    if (l != null) {
                        l.fault(StreamListener.Fault.OPEN_FAILED, "libvlc error");
                    }
                }

                @Override
                public void finished(MediaPlayer mp) {
                    StreamListener l = listener;
                    if (l != null) {
                        l.fault(StreamListener.Fault.ENDED, "end of stream");
                    }
                }
            });
        }
    }
}
