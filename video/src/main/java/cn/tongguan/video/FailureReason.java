package cn.tongguan.video;

/**
 * Why a tile shows no live picture. Tiles say it in plain words from {@code messages*.properties}
 * ({@code reason.NAME}).
 */
public enum FailureReason {
    /** Nothing listens at the address: the camera or its platform is down. */
    REFUSED,
    /** The server is up but has no such stream (camera offline or removed). */
    NOT_FOUND,
    /** No answer or no first picture in time. */
    TIMED_OUT,
    /** Frames stopped arriving, or the stream ended. */
    NO_FRAMES,
    /** The stream arrived but could not be decoded. */
    DECODER_ERROR
}
