package cn.tongguan.console.citymap;

import cn.tongguan.map.LiveItem;
import cn.tongguan.map.LiveKind;
import cn.tongguan.map.LiveStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Sensors and cameras as items of the map's overlay, with the zoom rules of issue 15: water gauges and
 * underpasses at every zoom, a manhole cover only when alarmed or from street zoom (3,000 of them would bury the
 * city), cameras with their cones from street zoom. map-layers applies {@link LiveItem#minZoom()} when it draws,
 * clusters and hit-tests. Ids: {@code sensor-<id>}, {@code camera-<id>}.
 */
public final class LiveMarks {
    public static final String SENSOR = "sensor-";
    static final String CAMERA = "camera-";

    private LiveMarks() {
    }

    static List<LiveItem> items(List<CityLive.SensorMark> sensors, List<CityLive.CameraMark> cameras, Instant since) {
        List<LiveItem> items = new ArrayList<>(sensors.size() + cameras.size());
        for (CityLive.SensorMark s : sensors) {
            items.add(sensor(s, since));
        }
        for (CityLive.CameraMark c : cameras) {
            items.add(LiveItem.camera(CAMERA + c.id(), c.lng(), c.lat(), c.online() ? LiveStatus.NORMAL : LiveStatus.OFFLINE,
                    since, c.heading(), c.fov()).withMinZoom(CityLayers.STREET_ZOOM));
        }
        return items;
    }

    static LiveItem sensor(CityLive.SensorMark s, Instant since) {
        return sensor(s.id(), s.kind(), s.lng(), s.lat(), s.state(), since);
    }

    /**
     * A sensor as an overlay item, the one rule the seat's and the wall's maps share: a quiet manhole cover only
     * from {@link CityLayers#STREET_ZOOM}, everything else at every zoom; coloured by {@link #status}.
     */
    public static LiveItem sensor(String id, String kind, double lng, double lat, String state, Instant since) {
        LiveItem item = LiveItem.of(SENSOR + id, LiveKind.SENSOR, lng, lat, status(state), since);
        return "manhole".equals(kind) && !"ALARM".equals(state) ? item.withMinZoom(CityLayers.STREET_ZOOM) : item;
    }

    /** The platform's state as the overlay's colour: alarm red, no data grey, otherwise normal. */
    public static LiveStatus status(String state) {
        return switch (state == null ? "" : state) {
            case "ALARM" -> LiveStatus.ALARM;
            case "NODATA" -> LiveStatus.OFFLINE;
            default -> LiveStatus.NORMAL;
        };
    }
}
