package cn.tongguan.democity;

/**
 * A city part (管理部件), GB/T 47678.5 style 17-digit code: 6-digit district + 5-digit class + 6-digit sequence.
 *
 * @param x metres east in the local projection
 * @param y metres north in the local projection
 */
public record Part(String code, String classCode, double x, double y, String gridCode, String departmentCode,
                   PartState state) {
}
