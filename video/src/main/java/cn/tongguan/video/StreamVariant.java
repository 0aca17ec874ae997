package cn.tongguan.video;

/** Which of a camera's streams a tile plays: the sub stream in small tiles, the main when enlarged. */
public enum StreamVariant { MAIN, SUB }
