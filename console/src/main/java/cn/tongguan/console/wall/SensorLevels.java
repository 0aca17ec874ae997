package cn.tongguan.console.wall;

import cn.tongguan.api.Lifeline;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Colour bands of water depth, read from {@code sensor-levels.properties}: the level a depth falls in (one of
 * {@link Lifeline#LEVELS}, or {@link #NONE} below the lowest) and when an underpass counts as closed.
 */
public final class SensorLevels {
    public static final String NONE = "NONE";

    private final Map<String, Double> from;
    private final double underpassClosed;

    /** {@code from}: level → lowest depth of that level, in the order of {@link Lifeline#LEVELS}. */
    public SensorLevels(Map<String, Double> from, double underpassClosed) {
        if (!from.keySet().equals(new java.util.HashSet<>(Lifeline.LEVELS))) {
            throw new IllegalArgumentException("levels must be exactly " + Lifeline.LEVELS + ": " + from.keySet());
        }
        this.from = new LinkedHashMap<>();
        Lifeline.LEVELS.forEach(level -> this.from.put(level, from.get(level)));
        this.underpassClosed = underpassClosed;
    }

    public static SensorLevels load() {
        Properties p = new Properties();
        try (InputStream in = SensorLevels.class.getResourceAsStream("sensor-levels.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("sensor-levels.properties", e);
        }
        Map<String, Double> from = new LinkedHashMap<>();
        Lifeline.LEVELS.forEach(level -> from.put(level, Double.parseDouble(p.getProperty("level." + level).trim())));
        return new SensorLevels(from, Double.parseDouble(p.getProperty("underpass.closed").trim()));
    }

    /** The highest level whose band the depth reaches. */
    public String level(double depthCm) {
        String reached = NONE;
        for (Map.Entry<String, Double> band : from.entrySet()) {
            if (depthCm >= band.getValue()) {
                reached = band.getKey();
            }
        }
        return reached;
    }

    /** The higher of two levels ({@link #NONE} lowest). */
    public static String max(String a, String b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(String level) {
        return level == null ? -1 : Lifeline.LEVELS.indexOf(level);
    }

    public boolean closed(String kind, double depthCm) {
        return "underpass".equals(kind) && depthCm >= underpassClosed;
    }
}
