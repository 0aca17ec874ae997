package cn.tongguan.platform.support;

import cn.tongguan.platform.PlatformConfig;
import cn.tongguan.platform.PlatformServer;
import cn.tongguan.platform.lifeline.SnapshotGrabber;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** Starts real platforms on 127.0.0.1:0 against a fresh database of the given kind. */
public final class Platforms {
    private Platforms() {
    }

    public static PlatformServer start(String db, Path dataDir, Clock clock) {
        return startOn(TestDatabases.fresh(db, dataDir), dataDir, clock);
    }

    /** With the snapshot grabber of alarm cases. */
    public static PlatformServer start(String db, Path dataDir, Clock clock, SnapshotGrabber grabber) {
        return startOn(TestDatabases.fresh(db, dataDir), dataDir, clock, grabber);
    }

    /** Starts on an existing database URL (restart tests). */
    public static PlatformServer startOn(String jdbcUrl, Path dataDir, Clock clock) {
        return startOn(jdbcUrl, dataDir, clock, TinyJpegGrabber.working());
    }

    public static PlatformServer startOn(String jdbcUrl, Path dataDir, Clock clock, SnapshotGrabber grabber) {
        PlatformConfig cfg = new PlatformConfig("127.0.0.1", 0, jdbcUrl, null, null, dataDir, Duration.ofHours(1),
                256 * 1024, 64 * 1024, true, null);
        PlatformServer s = new PlatformServer(cfg, clock, grabber);
        s.start();
        return s;
    }
}
