package cn.tongguan.console.detail;

import cn.tongguan.api.Cases;
import cn.tongguan.console.citymap.CityGeography;
import cn.tongguan.console.citymap.CityLayers;
import cn.tongguan.console.i18n.Messages;
import cn.tongguan.map.Feature;
import cn.tongguan.map.LiveItem;
import cn.tongguan.map.LiveKind;
import cn.tongguan.map.LiveStatus;
import cn.tongguan.map.MapView;
import cn.tongguan.map.MapViewState;
import java.util.Map;

/**
 * The case's place in the detail pane, on the city's layers ({@link CityLayers}: roads named along their course,
 * boundaries with their names, grids, the parts where the geography has them): the case as a point, its grid
 * selected, the view flown to street level. The geography arrives once, in the background, from the composition
 * root (the seat's cache).
 */
public final class CaseMap {
    private static final double STREET_ZOOM = 17;

    private final MapView map;
    private final CityLayers layers;
    private Map<String, Feature> gridsByCode = Map.of();
    private Cases.Case shown;

    public CaseMap(MapView map, Messages messages) {
        this.map = map;
        this.layers = new CityLayers(messages, 1);
        layers.install(map);
        map.setId("caseMap");
        map.setMinHeight(220);
        map.setPrefHeight(260);
    }

    public MapView view() {
        return map;
    }

    /** The city's geography (its grids carry a "code" attribute), on the FX thread. */
    public void geography(CityGeography geo) {
        gridsByCode = CityLayers.byCode(geo.grids());
        layers.show(geo);
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
