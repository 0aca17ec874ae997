package cn.tongguan.map.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Pulse intervals (what the screen sees) and FX-thread paint times (what our code costs) of a run. */
final class FrameStats {
    private final List<Long> intervals = new ArrayList<>();
    private final List<Long> paints = new ArrayList<>();
    long lastPaint;

    void add(long intervalNanos, long paintNanos) {
        intervals.add(intervalNanos);
        paints.add(paintNanos);
    }

    private static double percentile(List<Long> values, double p) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(Long::compare);
        return sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * p))) / 1e6;
    }

    double intervalP50() {
        return percentile(intervals, 0.5);
    }

    double paintP50() {
        return percentile(paints, 0.5);
    }

    String describe(String what) {
        return String.format(Locale.ROOT, "%s: %d frames; frame interval p50 %.1f ms, p95 %.1f ms, max %.1f ms;"
                        + " FX-thread paint p50 %.1f ms, p95 %.1f ms", what, intervals.size(), intervalP50(),
                percentile(intervals, 0.95), percentile(intervals, 1.0), paintP50(), percentile(paints, 0.95));
    }
}
