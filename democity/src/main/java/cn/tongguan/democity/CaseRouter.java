package cn.tongguan.democity;

import java.util.List;

/**
 * Which department handles a case: the street office where it takes that class in that street, else the
 * city department with the longest matching class prefix, else the district platform.
 */
final class CaseRouter {
    private final List<Department> departments;

    CaseRouter(List<Department> departments) {
        this.departments = departments;
    }

    String route(String smallCode, String streetCode, String districtCode) {
        String cityBest = null;
        int cityLength = -1;
        for (Department d : departments) {
            for (String prefix : d.handles()) {
                if (!smallCode.startsWith(prefix)) {
                    continue;
                }
                if (d.kind() == Department.Kind.STREET_OFFICE && d.areaCode().equals(streetCode)) {
                    return d.code();
                }
                if (d.kind() == Department.Kind.CITY_DEPARTMENT && prefix.length() > cityLength) {
                    cityBest = d.code();
                    cityLength = prefix.length();
                }
            }
        }
        return cityBest != null ? cityBest : districtCode + "-00";
    }

    /** Another department for a 回退 (re-dispatch): the district platform, which sorts it out. */
    String fallback(String districtCode) {
        return districtCode + "-00";
    }
}
