package cn.tongguan.map.internal;

import cn.tongguan.map.FeatureHit;
import cn.tongguan.map.FeatureLayer;
import java.util.List;

/**
 * Which division a double-click drills into. Several levels can be under the cursor at once (a grid inside a
 * community inside a street), so the next level below the one drilled last wins; without one, the coarsest level
 * hit starts a new path. Stateless.
 */
public final class DrillPath {
    private DrillPath() {
    }

    /** The hit to drill into, or {@code null} when no drill-down layer is under the cursor. */
    public static FeatureHit choose(List<FeatureHit> hits, List<FeatureLayer> levels, int currentLevel) {
        FeatureHit coarsest = null;
        int coarsestLevel = Integer.MAX_VALUE;
        for (FeatureHit hit : hits) {
            int level = levels.indexOf(hit.layer());
            if (level < 0) {
                continue;
            }
            if (level == currentLevel + 1) {
                return hit;
            }
            if (level < coarsestLevel) {
                coarsest = hit;
                coarsestLevel = level;
            }
        }
        return coarsest;
    }
}
