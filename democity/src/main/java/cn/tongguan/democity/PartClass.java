package cn.tongguan.democity;

/**
 * A part class of the demo mix ({@code part-classes.csv}).
 *
 * @param share fraction of all parts
 * @param offset how far from the road centre line it stands, in metres (0 = in the carriageway)
 * @param department owning department code
 */
public record PartClass(String code, String name, double share, double offset, String department) {
}
