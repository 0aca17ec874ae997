package cn.tongguan.democity;

/**
 * A case category with its disposal limits ({@code categories.csv}).
 *
 * @param kind "event" (事件/管理事项) or "part" (部件异常)
 * @param unit work_hour, work_day, hour or day
 * @param weight relative share of cases
 */
public record CaseCategory(String kind, String bigCode, String smallCode, String name, int limit, String unit,
                           int urgentLimit, String urgentUnit, double weight) {
}
