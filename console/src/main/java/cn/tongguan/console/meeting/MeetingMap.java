package cn.tongguan.console.meeting;

import cn.tongguan.console.citymap.CityGeography;
import cn.tongguan.console.citymap.CityLayers;
import cn.tongguan.console.i18n.Messages;
import cn.tongguan.map.Feature;
import cn.tongguan.map.LiveItem;
import cn.tongguan.map.LiveKind;
import cn.tongguan.map.LiveStatus;
import cn.tongguan.map.MapView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;

/**
 * The meeting's map on the city's layers ({@link CityLayers}: names, boundaries, roads, grids from district zoom),
 * the cases behind the figure on screen (closed ones green, open ones amber), and a hot-spot grid picked from its
 * list. FX thread only.
 */
public final class MeetingMap {
    private final MapView map;
    private final CityLayers layers;
    private Map<String, Feature> gridsByCode = Map.of();
    private boolean framed;

    public MeetingMap(MapView map, Messages messages) {
        this.map = map;
        this.layers = new CityLayers(messages, 1);
        layers.install(map);
        map.setId("meetingMap");
        map.setMinHeight(160);
    }

    public MapView view() {
        return map;
    }

    /** The city's geography (its grids carry a "code" attribute); the first one frames the city. */
    public void geography(CityGeography geo) {
        gridsByCode = CityLayers.byCode(geo.grids());
        layers.show(geo);
        if (!framed && layers.cityExtent() != null && map.getOverlay().size() == 0) {
            framed = true;
            map.setViewState(map.fit(layers.cityExtent()));
        }
    }

    /** Shows these cases and frames them. */
    public void cases(List<MeetingViewModel.Behind> behind) {
        map.getOverlay().clear();
        List<LiveItem> items = new ArrayList<>();
        Envelope frame = new Envelope();
        for (MeetingViewModel.Behind b : behind) {
            if (b.lng() == null || b.lat() == null) {
                continue;
            }
            items.add(LiveItem.of("case-" + b.caseId(), LiveKind.CASE, b.lng(), b.lat(),
                    b.closed() ? LiveStatus.NORMAL : LiveStatus.PENDING, Instant.EPOCH));
            frame.expandToInclude(b.lng(), b.lat());
        }
        map.getOverlay().putAll(items);
        if (!frame.isNull()) {
            frame.expandBy(Math.max(0.005, frame.getWidth() * 0.1), Math.max(0.005, frame.getHeight() * 0.1));
            map.flyTo(frame);
        }
    }

    /** Selects a grid (a hot spot) and flies to it. */
    public void grid(String code) {
        Feature f = gridsByCode.get(code);
        if (f != null) {
            map.select(f);
            map.flyTo(f.geometry().getEnvelopeInternal());
        }
    }
}
