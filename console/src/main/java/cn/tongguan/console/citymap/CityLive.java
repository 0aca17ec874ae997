package cn.tongguan.console.citymap;

import cn.tongguan.api.Failures;
import cn.tongguan.api.Lifeline;
import cn.tongguan.api.Reference;
import cn.tongguan.console.i18n.Messages;
import cn.tongguan.console.sync.GeoClient;
import cn.tongguan.console.wall.SensorTrendViewModel;
import cn.tongguan.map.Feature;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live things of the 一张图 (issue 15): every lifeline sensor with its state as the platform judges it
 * ({@code /sensors/status}: OK, ALARM with the alarm's level, NODATA — the seat applies no threshold of its own),
 * every camera with a heading along the road it watches, their cards, and a sensor's trend (the wall's
 * {@link SensorTrendViewModel}). Re-read when an alarm changes. No toolkit needed.
 */
public final class CityLive {
    private static final Logger LOG = LoggerFactory.getLogger(CityLive.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    /** A sensor on the map; {@code state} one of {@link Lifeline#SENSOR_STATES}, {@code level} the alarm's. */
    public record SensorMark(String id, String name, String kind, double lng, double lat, String state, String level,
                             Double value, String unit, Instant at) {
        public boolean alarmed() {
            return "ALARM".equals(state);
        }

        /** A smart manhole cover: 3,000 of them, shown from street zoom unless alarmed. */
        public boolean cover() {
            return "manhole".equals(kind);
        }
    }

    /** A camera on the map, its cone along {@code heading} (degrees from north) over {@code fov} degrees. */
    public record CameraMark(String id, String name, double lng, double lat, boolean online, double heading,
                             double fov, String streamUrl) {
    }

    /** Field of view drawn for a camera: the reference data carries none, a street camera sees about this much. */
    static final double FOV = 60;

    private final Messages messages;
    private final GeoClient client;
    private final Executor background;
    private final Executor ui;
    private final SensorTrendViewModel trend;
    private final ObservableList<SensorMark> sensors = FXCollections.observableArrayList();
    private final ObservableList<CameraMark> cameras = FXCollections.observableArrayList();
    private volatile List<Reference.Sensor> known = List.of();

    /** {@code client} null: offline, no live things. */
    public CityLive(Messages messages, GeoClient client, Executor background, Executor ui, Clock clock) {
        this.messages = messages;
        this.client = client;
        this.background = background;
        this.ui = ui;
        this.trend = new SensorTrendViewModel(messages, client == null ? (id, from, to) -> List.of() : client::readings,
                background, ui, clock);
    }

    /** Reads the sensors, their states and the cameras (headings along {@code roads}), in the background. */
    public void load(List<Feature> roads) {
        if (client == null) {
            return;
        }
        background.execute(() -> {
            try {
                List<Reference.Sensor> all = client.sensors();
                known = all;
                List<SensorMark> marks = marks(all, client.sensorStatuses());
                List<CameraMark> cams = cameras(client.cameras(), new CameraHeadings(roads));
                ui.execute(() -> {
                    sensors.setAll(marks);
                    cameras.setAll(cams);
                });
            } catch (IOException | RuntimeException e) {
                LOG.warn("Sensors and cameras not read for the map: {}", e.toString(), Failures.bug(e));
            }
        });
    }

    /** An alarm was raised, acknowledged or cleared: the states again (the sensors themselves are kept). */
    public void statesChanged() {
        if (client == null || known.isEmpty()) {
            return;
        }
        background.execute(() -> {
            try {
                List<SensorMark> marks = marks(known, client.sensorStatuses());
                ui.execute(() -> sensors.setAll(marks));
            } catch (IOException | RuntimeException e) {
                LOG.warn("Sensor states not read for the map: {}", e.toString(), Failures.bug(e));
            }
        });
    }

    static List<SensorMark> marks(List<Reference.Sensor> all, List<Lifeline.SensorStatus> states) {
        Map<String, Lifeline.SensorStatus> byId = new HashMap<>();
        states.forEach(s -> byId.put(s.sensorId(), s));
        List<SensorMark> marks = new ArrayList<>(all.size());
        for (Reference.Sensor s : all) {
            Lifeline.SensorStatus st = byId.get(s.id());
            Double value = st != null && st.lastValue() != null ? st.lastValue() : s.lastValue();
            Instant at = st != null && st.lastAt() != null ? st.lastAt() : s.lastAt();
            marks.add(new SensorMark(s.id(), s.name() == null ? s.id() : s.name(), s.kind(), s.lng(), s.lat(),
                    st == null ? "OK" : st.state(), st == null ? null : st.level(), value, s.unit(), at));
        }
        return marks;
    }

    static List<CameraMark> cameras(List<Reference.Camera> all, CameraHeadings headings) {
        List<CameraMark> marks = new ArrayList<>(all.size());
        for (Reference.Camera c : all) {
            double heading = headings.heading(c.lng(), c.lat());
            marks.add(new CameraMark(c.id(), c.name() == null ? c.id() : c.name(), c.lng(), c.lat(),
                    !"offline".equals(c.status()), Double.isNaN(heading) ? 0 : heading, Double.isNaN(heading) ? 0 : FOV,
                    c.streamUrl()));
        }
        return marks;
    }

    // Cards -----------------------------------------------------------------------------------------------------

    /** The card of a sensor: its kind, state, latest value; its trend opens beside it. */
    public CityCard sensorCard(String id) {
        SensorMark s = sensors.stream().filter(m -> m.id().equals(id)).findFirst().orElse(null);
        if (s == null) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        lines.add(messages.text("citymap.sensor.kind", kindName(s.kind())));
        lines.add(messages.text("citymap.sensor.state", stateName(s)));
        lines.add(s.value() == null ? messages.text("citymap.sensor.noValue")
                : messages.text("citymap.sensor.value", s.value(), s.unit() == null ? "" : s.unit(),
                        s.at() == null ? "—" : TIME.format(s.at())));
        trend.open(s.id(), s.name(), s.kind());
        return new CityCard(s.name(), lines, "sensor", s.id());
    }

    /** The card of a camera: where, whether online; 播放 plays it. */
    public CityCard cameraCard(String id) {
        CameraMark c = camera(id);
        if (c == null) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        lines.add(messages.text("citymap.camera.code", c.id()));
        lines.add(c.online() ? messages.text("citymap.camera.online") : messages.text("citymap.camera.offline"));
        if (c.streamUrl() == null) {
            lines.add(messages.text("citymap.camera.noStream"));
        }
        return new CityCard(c.name(), lines, "camera", c.id());
    }

    public CameraMark camera(String id) {
        return cameras.stream().filter(m -> m.id().equals(id)).findFirst().orElse(null);
    }

    /** A card other than a sensor's was shown: its trend stops. */
    public void cardClosed() {
        trend.close();
    }

    private String kindName(String kind) {
        return switch (kind == null ? "" : kind) {
            case "waterlogging" -> messages.text("citymap.sensor.waterlogging");
            case "underpass" -> messages.text("citymap.sensor.underpass");
            case "manhole" -> messages.text("citymap.sensor.manhole");
            default -> kind;
        };
    }

    private String stateName(SensorMark s) {
        return switch (s.state() == null ? "" : s.state()) {
            case "ALARM" -> messages.text("citymap.sensor.alarm", levelName(s.level()));
            case "NODATA" -> messages.text("citymap.sensor.nodata");
            default -> messages.text("citymap.sensor.ok");
        };
    }

    /** The wall's names of the api's levels ({@link Lifeline#LEVELS}: 蓝色 … 红色). */
    private String levelName(String level) {
        Map<String, String> names = Map.of("BLUE", messages.text("wall.level.blue"),
                "YELLOW", messages.text("wall.level.yellow"), "ORANGE", messages.text("wall.level.orange"),
                "RED", messages.text("wall.level.red"));
        return names.getOrDefault(level == null ? "" : level, "—");
    }

    public ObservableList<SensorMark> sensors() {
        return sensors;
    }

    public ObservableList<CameraMark> cameras() {
        return cameras;
    }

    public SensorTrendViewModel trend() {
        return trend;
    }
}
