package cn.tongguan.api;

import java.util.List;
import java.util.Set;

/**
 * The closed vocabularies of the wire (string codes, never numbers). Category, division and department
 * codes are open data and live in the platform's tables, not here.
 */
public final class Codes {
    private Codes() {
    }

    /** Case sources: 监督员上报, 12319, 12345, 视频AI, 物联感知, 公众, 上级交办. */
    public static final Set<String> SOURCES = Set.of("inspector", "hotline_12319", "hotline_12345", "video_ai", "iot",
            "public", "superior");
    /** Hotline work-order types (domain.md §6): 咨询, 求助, 投诉, 举报, 建议. */
    public static final java.util.List<String> REQUEST_TYPE_ORDER = java.util.List.of("consult", "help", "complaint",
            "report", "suggestion");
    public static final Set<String> REQUEST_TYPES = Set.copyOf(REQUEST_TYPE_ORDER);
    /** 部件 or 事件. */
    public static final Set<String> KINDS = Set.of("part", "event");
    public static final Set<String> URGENCIES = Set.of("normal", "urgent");
    /** Roles: 监督员, 受理员, 值班长, 派遣员, 专业部门, 领导, 大屏, 管理员. */
    public static final List<String> ROLES = List.of("inspector", "operator", "shift_leader", "dispatcher", "department",
            "leader", "wall", "admin", "auditor");
    /** Time-limit units: 工作时, 工作日, 小时, 天 (and 分钟). */
    public static final Set<String> LIMIT_UNITS = Set.of("work_hour", "work_day", "hour", "day", "minute");
    public static final Set<String> LIGHTS = Set.of("green", "yellow", "red");
}
