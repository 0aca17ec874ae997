package cn.tongguan.democity.sim;

/**
 * Water depth at a gauge over (simulated) time for a weather scenario. The rainstorm follows the shape of
 * 2021-07-21 in Xinxiang: hours of rain, then a burst of about 150 mm/h that puts every low point past
 * every threshold, then the drain: by the end of each 12-hour cycle the water is gone, so alarms clear by
 * themselves before the next storm raises them again.
 */
public enum Weather {
    NORMAL, RAIN, RAINSTORM;

    /**
     * Depth in cm at a gauge of the given depth factor (0.5 shallow … 1.5 deep hollow) {@code hours} into
     * the scenario.
     */
    public double depthCm(double hours, double factor) {
        return switch (this) {
            case NORMAL -> 0;
            case RAIN -> Math.max(0, factor * 12 * Math.sin(Math.min(Math.PI, hours / 6 * Math.PI)));
            case RAINSTORM -> {
                double rise = hours < 2 ? hours * 4 : hours < 5 ? 8 + (hours - 2) * 22 : 74 - (hours - 5) * 12;
                yield Math.max(0, factor * rise);
            }
        };
    }
}
