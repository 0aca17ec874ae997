package cn.tongguan.console.citymap;

/**
 * An open case on the 一张图: where it is and its light now ({@code red}, {@code yellow}, {@code green}, or null
 * while its clock has not started), by the seat's one light rule ({@code CachedCase.lightAt}).
 */
public record CaseMark(long id, String caseNo, double lng, double lat, String light, String districtCode,
                       String streetCode, String communityCode, String gridCode, String partCode) {
}
