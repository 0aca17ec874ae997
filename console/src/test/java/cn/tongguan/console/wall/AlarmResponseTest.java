package cn.tongguan.console.wall;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.Reference;
import cn.tongguan.console.i18n.Messages;
import cn.tongguan.console.sync.WallData;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The rainstorm flow on the wall, from gauge readings to layout and camera tour, without the toolkit. */
class AlarmResponseTest {
    private final List<String> log = new ArrayList<>();

    private static WallLayout layout(String name) throws IOException {
        return WallLayout.read(new StringReader("name=" + name + "\nscreens=1\nscreen.1=map\n"));
    }

    private static Reference.Camera camera(String id, double lng, double lat) {
        return new Reference.Camera(id, id, lng, lat, "rtsp://127.0.0.1:8554/" + id + "/main", "online");
    }

    private static Reference.Sensor gauge(String id, double lng, double lat, double depth) {
        return new Reference.Sensor(id, "waterlogging", "积水点" + id, lng, lat, "cm", 15.0, depth, Instant.EPOCH);
    }

    private AlarmResponse response() throws IOException {
        AlarmResponse r = new AlarmResponse(layout("日常"), layout("暴雨"), l -> log.add("layout " + l.name()),
                (name, cams) -> log.add("tour " + name + " " + cams.stream().map(Reference.Camera::id).toList()),
                () -> log.add("everyday tour"));
        r.cameras(List.of(camera("far", 114.2, 35.5), camera("c1", 113.901, 35.300), camera("c2", 113.899, 35.301),
                camera("c3", 113.905, 35.298), camera("c4", 113.890, 35.310), camera("c5", 113.95, 35.35)));
        return r;
    }

    @Test
    void firstAlarmSwitchesToTheRainstormPresetWithTheFourNearestCameras() throws IOException {
        AlarmResponse r = response();
        r.raised(gauge("WL01", 113.900, 35.300, 18));
        assertThat(log).containsExactly("layout 暴雨", "tour 积水点WL01 [c1, c2, c3, c4]");
    }

    @Test
    void clearingTheLastAlarmGoesBackToTheEverydayWall() throws IOException {
        AlarmResponse r = response();
        r.raised(gauge("WL01", 113.900, 35.300, 18));
        r.raised(gauge("WL02", 113.95, 35.35, 30));
        r.cleared(gauge("WL02", 113.95, 35.35, 3));
        assertThat(log).last().isEqualTo("tour 积水点WL01 [c1, c2, c3, c4]");
        r.cleared(gauge("WL01", 113.900, 35.300, 2));
        assertThat(log).endsWith("layout 日常", "everyday tour");
    }

    @Test
    void readingsCrossingTheThresholdDriveTheResponse() throws IOException {
        WallPanelsViewModel model = new WallPanelsViewModel(Messages.load(Locale.SIMPLIFIED_CHINESE), s -> s);
        model.respondWith(response());
        model.update(new WallData(Instant.EPOCH, new cn.tongguan.api.Stats.Report("district", Instant.EPOCH, Instant.EPOCH,
                List.of()), List.of(gauge("WL01", 113.900, 35.300, 16)), List.of()));
        assertThat(log).contains("layout 暴雨");
        model.update(new WallData(Instant.EPOCH, new cn.tongguan.api.Stats.Report("district", Instant.EPOCH, Instant.EPOCH,
                List.of()), List.of(gauge("WL01", 113.900, 35.300, 4)), List.of()));
        assertThat(log).endsWith("layout 日常", "everyday tour");
    }
}
