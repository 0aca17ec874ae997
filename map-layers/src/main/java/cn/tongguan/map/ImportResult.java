package cn.tongguan.map;

import java.util.List;

/**
 * What an import produced: the usable features, and a plain sentence for each feature that was repaired or
 * skipped (shown to the operator; the import never fails on one bad feature).
 */
public record ImportResult(List<Feature> features, List<String> problems) {
    public ImportResult {
        features = List.copyOf(features);
        problems = List.copyOf(problems);
    }
}
