package cn.tongguan.map.internal;

import cn.tongguan.map.FeatureHit;
import cn.tongguan.map.FeatureLayer;
import cn.tongguan.map.MapViewState;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The drill-down path: the division layers from coarse to fine, and the steps taken with the view before each,
 * so that going back up returns to where the user was. Several levels can be under the cursor at once (a grid
 * inside a community inside a street): the level below the one drilled last wins; without one, the coarsest
 * level hit starts a new path. FX thread only.
 */
public final class DrillPath {
    /** One step down: the view before it and what was drilled into. */
    public record Step(MapViewState before, FeatureHit hit, int level) {
    }

    private final List<FeatureLayer> levels;
    private final Deque<Step> steps = new ArrayDeque<>();

    public DrillPath(List<FeatureLayer> levels) {
        this.levels = List.copyOf(levels);
    }

    public int currentLevel() {
        return steps.isEmpty() ? -1 : steps.peek().level();
    }

    /** The step a double-click on these hits takes (not yet recorded), or {@code null}. */
    public Step choose(List<FeatureHit> hits, MapViewState before) {
        FeatureHit coarsest = null;
        int coarsestLevel = Integer.MAX_VALUE;
        for (FeatureHit hit : hits) {
            int level = levels.indexOf(hit.layer());
            if (level < 0) {
                continue;
            }
            if (level == currentLevel() + 1) {
                return new Step(before, hit, level);
            }
            if (level < coarsestLevel) {
                coarsest = hit;
                coarsestLevel = level;
            }
        }
        return coarsest == null ? null : new Step(before, coarsest, coarsestLevel);
    }

    /** Records a step; a step that restarts at a coarser level forgets the deeper ones. */
    public void push(Step step) {
        while (!steps.isEmpty() && steps.peek().level() >= step.level()) {
            steps.pop();
        }
        steps.push(step);
    }

    /** Goes one step back up: the step left (its view is where to return), or {@code null} at the top. */
    public Step pop() {
        return steps.poll();
    }

    /** The step now current after a pop, or {@code null} at the top. */
    public Step current() {
        return steps.peek();
    }
}
