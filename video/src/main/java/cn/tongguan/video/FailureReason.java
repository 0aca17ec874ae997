package cn.tongguan.video;

/** Why a tile shows no live picture; shown to the operator in plain words (see {@link #zh()}). */
public enum FailureReason {
    /** Nothing listens at the address: the camera or its platform is down. */
    REFUSED("连接被拒绝", "connection refused"),
    /** The server is up but has no such stream (camera offline or removed). */
    NOT_FOUND("视频流不存在", "stream not found"),
    /** No answer or no first picture in time. */
    TIMED_OUT("连接超时", "timed out"),
    /** Frames stopped arriving, or the stream ended. */
    NO_FRAMES("无视频帧", "no frames"),
    /** The stream arrived but could not be decoded. */
    DECODER_ERROR("解码错误", "decoder error");

    private final String zh;
    private final String en;

    FailureReason(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }
}
