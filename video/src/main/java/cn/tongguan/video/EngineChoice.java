package cn.tongguan.video;

/** Which playback engine plays a stream; AUTO picks per stream from what each engine can open (ADR 0030). */
public enum EngineChoice { AUTO, GSTREAMER, VLCJ }
