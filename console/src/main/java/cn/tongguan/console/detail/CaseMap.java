package cn.tongguan.console.detail;

import cn.tongguan.api.Cases;
import cn.tongguan.map.Feature;
import cn.tongguan.map.FeatureLayer;
import cn.tongguan.map.LiveItem;
import cn.tongguan.map.LiveKind;
import cn.tongguan.map.LiveStatus;
import cn.tongguan.map.MapView;
import cn.tongguan.map.MapViewState;
import cn.tongguan.map.Style;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.paint.Color;

/**
 * The case's place in the detail pane: the city's unit grids, the case as a point, its grid selected, the
 * view flown to street level. Grids arrive once, in the background, from the composition root.
 */
public final class CaseMap {
    private static final double STREET_ZOOM = 17;

    private final MapView map;
    private final String gridsTitle;
    private Map<String, Feature> gridsByCode = Map.of();
    private Cases.Case shown;

    public CaseMap(MapView map, String gridsTitle) {
        this.map = map;
        this.gridsTitle = gridsTitle;
        map.setId("caseMap");
        map.setMinHeight(220);
        map.setPrefHeight(260);
    }

    public MapView view() {
        return map;
    }

    /** The unit grids (features with a "code" attribute), on the FX thread. */
    public void grids(List<Feature> grids) {
        gridsByCode = grids.stream().filter(f -> f.attributes().get("code") != null)
                .collect(Collectors.toMap(f -> String.valueOf(f.attributes().get("code")), f -> f, (a, b) -> a));
        map.getLayers().setAll(new FeatureLayer("grids", gridsTitle, grids,
                Style.polygons(Color.web("#dce8f5", 0.6), Color.web("#5b86b3"), 0.8)));
        if (shown != null) {
            show(shown);
        }
    }

    /** Puts {@code c} on the map and flies there; null clears it. */
    public void show(Cases.Case c) {
        if (shown != null) {
            map.getOverlay().remove(id(shown));
        }
        shown = c;
        if (c == null) {
            return;
        }
        map.getOverlay().put(LiveItem.of(id(c), LiveKind.CASE, c.lng(), c.lat(),
                "red".equals(c.light()) ? LiveStatus.OVERDUE : LiveStatus.PENDING, c.reportedAt()));
        Feature grid = c.gridCode() == null ? null : gridsByCode.get(c.gridCode());
        if (grid != null) {
            map.select(grid);
        }
        map.flyTo(new MapViewState(c.lng(), c.lat(), STREET_ZOOM));
    }

    static String id(Cases.Case c) {
        return "case-" + c.id();
    }
}
