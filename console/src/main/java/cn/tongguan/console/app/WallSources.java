package cn.tongguan.console.app;

import cn.tongguan.api.Cases;
import cn.tongguan.api.Lifeline;
import cn.tongguan.api.Reference;
import cn.tongguan.api.Stats;
import cn.tongguan.console.sync.WallFeed;
import cn.tongguan.console.wall.WallLayout;
import cn.tongguan.console.wall.WallPorts;
import cn.tongguan.video.Camera;
import cn.tongguan.video.Tour;
import cn.tongguan.video.VideoWall;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the wall's composition reads its layout from, and the real parts as the wall's presenter takes them
 * ({@link WallPorts}): the platform's feed and the video wall, which know nothing of the wall feature. No state.
 */
final class WallSources {
    private WallSources() {
    }

    /** {@code --wall-layout}: a layout file, or the name of a shipped preset (daily, night, rainstorm, meeting). */
    static WallLayout layout(Path path) throws IOException {
        WallLayout shipped = Files.exists(path) ? null : WallLayout.shipped(path.toString());
        if (shipped != null) {
            return shipped;
        }
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return WallLayout.read(reader);
        }
    }

    /** The platform's feed as the wall reads it. */
    static WallPorts.Feed feed(WallFeed feed) {
        return new WallPorts.Feed() {
            @Override
            public Stats.Report today() throws IOException {
                return feed.today();
            }

            @Override
            public List<Reference.Sensor> sensors() throws IOException {
                return feed.sensors();
            }

            @Override
            public List<Lifeline.Alarm> activeAlarms() throws IOException {
                return feed.activeAlarms();
            }

            @Override
            public List<Cases.Case> recentCases() throws IOException {
                return feed.recentCases();
            }

            @Override
            public long openCases(Consumer<Cases.Case> sink) throws IOException {
                return feed.openCases(sink);
            }

            @Override
            public List<Reference.Camera> cameras() throws IOException {
                return feed.cameras();
            }

            @Override
            public List<Lifeline.Reading> readings(String sensorId, Instant from, Instant to) throws IOException {
                return feed.readings(sensorId, from, to);
            }

            @Override
            public Cases.CaseDetail read(long id) throws IOException {
                return feed.caseDetail(id);
            }
        };
    }

    /** The video wall's tiles as the wall's tours use them. */
    static WallPorts.Video video(VideoWall video) {
        return new WallPorts.Video() {
            @Override
            public void setLayout(cn.tongguan.video.WallLayout layout) {
                video.setLayout(layout);
            }

            @Override
            public void startTour(Tour tour) {
                video.startTour(tour);
            }

            @Override
            public void setCatalog(List<Camera> cameras) {
                video.setCatalog(cameras);
            }

            @Override
            public void play(int tile, Camera camera) {
                video.play(tile, camera);
            }
        };
    }
}
