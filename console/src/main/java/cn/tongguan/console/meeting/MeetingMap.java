package cn.tongguan.console.meeting;

import cn.tongguan.map.Feature;
import cn.tongguan.map.FeatureLayer;
import cn.tongguan.map.LiveItem;
import cn.tongguan.map.LiveKind;
import cn.tongguan.map.LiveStatus;
import cn.tongguan.map.MapView;
import cn.tongguan.map.Style;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.paint.Color;
import org.locationtech.jts.geom.Envelope;

/**
 * The meeting's map: unit grids, the cases behind the figure on screen (closed ones green, open ones amber), and a
 * hot-spot grid picked from its list. FX thread only.
 */
public final class MeetingMap {
    private final MapView map;
    private final String gridsTitle;
    private Map<String, Feature> gridsByCode = Map.of();

    public MeetingMap(MapView map, String gridsTitle) {
        this.map = map;
        this.gridsTitle = gridsTitle;
        map.setId("meetingMap");
        map.setMinHeight(160);
    }

    public MapView view() {
        return map;
    }

    /** The unit grids (features with a "code" attribute). */
    public void grids(List<Feature> grids) {
        gridsByCode = grids.stream().filter(f -> f.attributes().get("code") != null)
                .collect(Collectors.toMap(f -> String.valueOf(f.attributes().get("code")), f -> f, (a, b) -> a));
        map.getLayers().setAll(new FeatureLayer("grids", gridsTitle, grids,
                Style.polygons(Color.web("#17385c", 0.55), Color.web("#3a6d9e"), 0.6)));
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
