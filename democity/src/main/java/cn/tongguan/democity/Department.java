package cn.tongguan.democity;

import java.util.List;

/**
 * A department that handles cases: one of the city's professional departments, a district platform or a
 * street office.
 *
 * @param handles class-code prefixes it handles (e.g. "01037" 路灯, "06" all 市容环境 events)
 * @param areaCode division it covers (the city 410700, a district or a street)
 */
public record Department(String code, String name, Kind kind, List<String> handles, String areaCode) {
    public enum Kind { CITY_DEPARTMENT, DISTRICT_PLATFORM, STREET_OFFICE }
}
