package cn.tongguan.democity;

/** One alarm level of a sensor kind, kept as data ({@code sensor-thresholds.csv}). */
public record Threshold(Sensor.Kind kind, String level, String quantity, double value, String unit, String meaning) {
}
