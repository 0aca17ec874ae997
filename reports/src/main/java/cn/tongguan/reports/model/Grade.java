package cn.tongguan.reports.model;

/** 评价等级 A–E (domain.md §4.2); the bands that map a score to a grade belong to whoever scores. */
public enum Grade {
    A, B, C, D, E
}
