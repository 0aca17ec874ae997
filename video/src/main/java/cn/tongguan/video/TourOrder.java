package cn.tongguan.video;

/** The order of a tour: as listed, or shuffled anew on every round. */
public enum TourOrder { SEQUENTIAL, RANDOM }
