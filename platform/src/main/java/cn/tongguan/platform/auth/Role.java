package cn.tongguan.platform.auth;

import java.util.EnumSet;
import java.util.Set;

/** The platform's roles and their wire codes (api {@code Codes.ROLES}). */
public enum Role {
    INSPECTOR("inspector", "监督员"), OPERATOR("operator", "受理员"), SHIFT_LEADER("shift_leader", "值班长"),
    DISPATCHER("dispatcher", "派遣员"), DEPARTMENT("department", "专业部门"), LEADER("leader", "领导"),
    WALL("wall", "大屏"), ADMIN("admin", "管理员"),
    /** 审计员: reads the audit log and nothing else of the city (等保 separation of duties: the admin cannot). */
    AUDITOR("auditor", "审计员");

    private final String code;
    private final String chinese;

    Role(String code, String chinese) {
        this.code = code;
        this.chinese = chinese;
    }

    public String code() {
        return code;
    }

    public String chinese() {
        return chinese;
    }

    public static Role of(String code) {
        for (Role r : values()) {
            if (r.code.equals(code)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role " + code);
    }

    public static final Set<Role> ALL = EnumSet.allOf(Role.class);
    /** Everyone who works cases or looks at them (not the pure administrator). */
    public static final Set<Role> CASE_READERS = EnumSet.complementOf(EnumSet.of(ADMIN, AUDITOR));
    public static final Set<Role> REPORTERS = EnumSet.of(INSPECTOR, OPERATOR, SHIFT_LEADER, ADMIN);
    public static final Set<Role> STAFF = EnumSet.of(INSPECTOR, OPERATOR, SHIFT_LEADER, DISPATCHER, DEPARTMENT);
    public static final Set<Role> STATS = EnumSet.of(LEADER, SHIFT_LEADER, DISPATCHER, WALL, ADMIN);
    /** Who reads the hall's ledgers (e.g. 疑难案件): the people of the monthly meeting and the wall. */
    public static final Set<Role> STATS_READERS = EnumSet.of(LEADER, SHIFT_LEADER, DISPATCHER, WALL);
    public static final Set<Role> ADMIN_ONLY = EnumSet.of(ADMIN);
    /** Who reads the audit log: the auditor only (the administrator must not read or alter the trail of their own acts). */
    public static final Set<Role> AUDITORS = EnumSet.of(AUDITOR);
    /** Who may follow the city's events: everyone but the auditor, whose work is the audit log (least privilege). */
    public static final Set<Role> EVENT_SUBSCRIBERS = EnumSet.complementOf(EnumSet.of(AUDITOR));
    /** Who acknowledges and clears lifeline alarms: the hall's seats, the leader, the administrator (not the wall). */
    public static final Set<Role> ALARM_HANDLERS = EnumSet.of(OPERATOR, SHIFT_LEADER, DISPATCHER, LEADER, ADMIN);
    /** Who pushes a case or a camera to the wall. */
    public static final Set<Role> WALL_PUSHERS = EnumSet.of(OPERATOR, SHIFT_LEADER, DISPATCHER, LEADER);
    /** Who reads the audit of pushes to the wall. */
    public static final Set<Role> WALL_AUDITORS = EnumSet.of(LEADER, ADMIN, SHIFT_LEADER);
}
