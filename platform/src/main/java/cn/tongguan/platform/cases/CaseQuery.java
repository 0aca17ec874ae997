package cn.tongguan.platform.cases;

import java.time.Instant;
import java.util.List;

/**
 * Filters of the case list (all optional) and paging. {@code sort}: {@code -reportedAt} (default),
 * {@code reportedAt}, {@code deadline}, {@code -updatedAt}.
 */
public record CaseQuery(List<String> states, String source, String kind, String bigCode, String smallCode,
                        String districtCode, String streetCode, String communityCode, String gridCode,
                        String departmentCode, String light, Boolean overdue, Boolean open, String text, Instant from,
                        Instant to, String sort, String cursor, int limit) {
    public static final List<String> SORTS = List.of("-reportedAt", "reportedAt", "deadline", "-updatedAt");

    public CaseQuery withDepartment(String code) {
        return new CaseQuery(states, source, kind, bigCode, smallCode, districtCode, streetCode, communityCode, gridCode,
                code, light, overdue, open, text, from, to, sort, cursor, limit);
    }
}
