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
import java.util.function.Consumer;
import org.locationtech.jts.geom.Envelope;

/**
 * The case's place in the detail pane, on the city's layers ({@link CityLayers}: roads named along their course,
 * boundaries with their names, grids, the parts around the case by class): the case as a point, its grid
 * selected, the view flown to street level. The geography arrives once, in the background, from the composition
 * root (the seat's cache).
 */
public final class CaseMap {
    private static final double STREET_ZOOM = 17;
    /** The parts within about 600 m of the case: the detail's map at street zoom, and a little panning. */
    private static final double PARTS_AROUND = 0.006;

    private final MapView map;
    private final CityLayers layers;
    private Map<String, Feature> gridsByCode = Map.of();
    private Cases.Case shown;
    private PartsNear partsNear = (area, fx) -> { };
    /** The area whose parts were asked for last (a case shown again at its place asks no more), and the ask's number. */
    private Envelope partsArea;
    private long partsAsked;

    /**
     * Reads the parts inside an area in the background and hands them (with every class of the city) to {@code fx}
     * on the FX thread: the detail holds only its neighbourhood's parts, never the city's.
     */
    public interface PartsNear {
        void load(Envelope area, Consumer<CityGeography> fx);
    }

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

    /** Where the parts around a case come from (none by default). */
    public void partsNear(PartsNear source) {
        this.partsNear = source;
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
        Envelope area = new Envelope(c.lng() - PARTS_AROUND, c.lng() + PARTS_AROUND, c.lat() - PARTS_AROUND,
                c.lat() + PARTS_AROUND);
        if (!gridsByCode.isEmpty() && !area.equals(partsArea)) {
            partsArea = area;
            long ask = ++partsAsked;
            // Only the answer to the latest ask is shown: a dispatcher paging through cases outruns the reads.
            partsNear.load(area, parts -> {
                if (ask == partsAsked) {
                    layers.showParts(parts.parts(), parts.partClasses());
                }
            });
        }
    }

    static String id(Cases.Case c) {
        return "case-" + c.id();
    }
}
