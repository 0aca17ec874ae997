package cn.tongguan.console.sync;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.OkHttpClient;

/**
 * The wall's real event parsing fed with recorded SSE data, without a connection (the stream is never started):
 * for tests and the bench that drive the wall by event records.
 */
public final class WallEventsProbe {
    private final WallEvents events;

    public WallEventsProbe(WallListener listener) {
        ScheduledExecutorService unused = Executors.newSingleThreadScheduledExecutor();
        unused.shutdown();
        PlatformClient client = new PlatformClient(new OkHttpClient(), URI.create("http://127.0.0.1:9/"));
        this.events = new WallEvents(client, new WallFeed(client, cn.tongguan.api.testing.TestClocks.suite()), unused, () -> { },
                listener);
    }

    /** One event as the SSE reader hands it over. */
    public void deliver(String type, String data) throws IOException {
        events.event(null, type, data);
    }
}
