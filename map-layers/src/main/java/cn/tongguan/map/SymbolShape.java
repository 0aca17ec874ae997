package cn.tongguan.map;

/** The shape of a point symbol; together with its colour it tells a part's class at a glance. */
public enum SymbolShape {
    CIRCLE, SQUARE, TRIANGLE, DIAMOND
}
