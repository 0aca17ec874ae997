package cn.tongguan.console.app;

import cn.tongguan.api.Reference;
import cn.tongguan.console.wall.WallLayout;
import cn.tongguan.video.Camera;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the wall's composition reads its layout and its cameras from: pure conversions, no state. */
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

    /** A platform camera as the video wall plays it: its main stream, and the sub stream beside it. */
    static Camera camera(Reference.Camera c) {
        URI main = URI.create(c.streamUrl());
        URI sub = URI.create(c.streamUrl().replace("/main", "/sub"));
        return new Camera(c.id(), c.name(), main, sub);
    }
}
