package cn.tongguan.video;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.video.gst.GstEngine;
import cn.tongguan.video.internal.EngineSelector;
import cn.tongguan.video.internal.VideoEngine;
import cn.tongguan.video.vlcj.VlcjEngine;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The real engines installed here (Debian: libvlc without live555, GStreamer with rtspsrc). */
class EngineSelectorTest {
    private static EngineSelector selector(EngineChoice choice) {
        return new EngineSelector(choice, () -> VlcjEngine.create(Duration.ofMillis(300)).map(VideoEngine.class::cast),
                () -> Optional.of(new GstEngine()));
    }

    @Test
    void autoPlaysRtspThroughGstreamerAndHttpThroughVlcj() {
        try (EngineSelector auto = selector(EngineChoice.AUTO)) {
            assertThat(auto.engineFor(URI.create("rtsp://127.0.0.1:8554/cam001/sub")).map(VideoEngine::name)).contains("gstreamer");
            assertThat(auto.engineFor(URI.create("http://127.0.0.1:8090/cam001/sub.ts")).map(VideoEngine::name)).contains("vlcj");
        }
    }

    @Test
    void theConfigurationCanForceAnEngine() {
        try (EngineSelector gst = selector(EngineChoice.GSTREAMER)) {
            assertThat(gst.engineFor(URI.create("http://127.0.0.1:8090/cam001/sub.ts")).map(VideoEngine::name)).contains("gstreamer");
        }
    }
}
