package cn.tongguan.console.citymap;

/** Plays a camera for the operator at the seat (the card's 播放). FX thread. */
@FunctionalInterface
public interface CameraPlayer {
    void play(CityLive.CameraMark camera);
}
