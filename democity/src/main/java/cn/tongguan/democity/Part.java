package cn.tongguan.democity;

/**
 * A city part (管理部件), GB/T 47678.5 style 17-digit code: 6-digit district + 5-digit class + 6-digit sequence.
 *
 * @param x metres east in the local projection
 * @param y metres north in the local projection
 * @param road the road it stands on (a named road of lines.csv or a generated street named after one)
 * @param number its door number on that road (odd on the left of the road's direction, even on the right)
 */
public record Part(String code, String classCode, double x, double y, String gridCode, String departmentCode,
                   PartState state, String road, int number) {

    /** Road and door number: 平原路128号. */
    public String address() {
        return road + number + "号";
    }
}
