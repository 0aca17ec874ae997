package cn.tongguan.reports.model;

/** A hot-spot unit grid (热点网格): grid code, where it is (street / district) and cases in the period. */
public record HotSpot(String gridCode, String place, long count) {
}
