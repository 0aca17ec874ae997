package cn.tongguan.video;

import java.util.List;

/** RTSP from the simulator through the GStreamer engine (AUTO picks it: Debian's libvlc has no RTSP). */
class RtspThroughGstreamerTest extends WallPlaybackTest {
    @Override
    List<Camera> cameras() throws Exception {
        return sim.rtspCameras();
    }

    @Override
    EngineChoice engine() {
        return EngineChoice.AUTO;
    }
}
