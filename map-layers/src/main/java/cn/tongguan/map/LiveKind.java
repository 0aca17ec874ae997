package cn.tongguan.map;

/** What a live item is; cameras also draw their view cone. */
public enum LiveKind {
    CASE, SENSOR, CAMERA, ALARM
}
