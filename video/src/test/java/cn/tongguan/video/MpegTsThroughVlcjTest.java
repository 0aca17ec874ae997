package cn.tongguan.video;

import java.util.List;

/** MPEG-TS over HTTP from the simulator through the vlcj engine (what Debian's libvlc reads). */
class MpegTsThroughVlcjTest extends WallPlaybackTest {
    @Override
    List<Camera> cameras() throws Exception {
        return sim.httpCameras();
    }

    @Override
    EngineChoice engine() {
        return EngineChoice.VLCJ;
    }
}
