package cn.tongguan.platform.auth;

/** The signed-in caller of a request. {@code departmentCode} is set for the department role only. */
public record Principal(String username, String displayName, Role role, String departmentCode) {
}
