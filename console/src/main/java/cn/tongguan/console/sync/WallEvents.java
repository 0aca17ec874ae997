package cn.tongguan.console.sync;

import cn.tongguan.api.Events;
import cn.tongguan.api.Lifeline;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The display wall's live feed: the platform's event stream (the same {@link EventStream} the seats use),
 * parsed into records for a {@link WallListener}. Before each connection it signs in if needed and reloads what
 * the wall starts from, so a wall that lost the platform for an hour comes back whole by itself.
 */
public final class WallEvents implements EventStream.Handler, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WallEvents.class);

    /** Signs the wall in (on the event worker) before the first load; throws while the platform is away. */
    public interface SignIn {
        void signIn() throws IOException;
    }

    private final WallFeed feed;
    private final SignIn signIn;
    private final WallListener listener;
    private final ObjectMapper json;
    private final EventStream stream;
    private volatile boolean signedIn;

    public WallEvents(PlatformClient client, WallFeed feed, ScheduledExecutorService worker, SignIn signIn,
                      WallListener listener) {
        this.feed = feed;
        this.signIn = signIn;
        this.listener = listener;
        this.json = client.json();
        this.stream = new EventStream(client, worker, this);
    }

    public void start() {
        stream.start();
    }

    @Override
    public long prepare() throws IOException {
        if (!signedIn) {
            signIn.signIn();
            signedIn = true;
        }
        try {
            // The snapshot first: everything read after it is at least as new, and the stream resumes after its id.
            long from = listener.snapshot();
            listener.loaded(feed.sensors(), feed.activeAlarms(), feed.recentCases());
            return from;
        } catch (PlatformException e) {
            if (e.status() == 401) {
                signedIn = false;
            }
            throw e;
        }
    }

    @Override
    public void opened() {
        listener.live(true);
    }

    @Override
    public void lost(String why, long retryInMs) {
        listener.live(false);
    }

    @Override
    public void event(String id, String type, String data) throws IOException {
        if (type == null) {
            return;
        }
        switch (type) {
            case "resync" -> stream.reconnect();
            case "case.created", "case.transitioned" -> listener.caseChanged(
                    json.treeToValue(payload(data), Events.CaseChange.class).item());
            case "alarm.raised", "alarm.acknowledged", "alarm.cleared" -> {
                JsonNode node = payload(data);
                // Before the lifecycle the platform sent alarms without id or state: nothing the wall can track.
                if (node.has("id") && node.has("state")) {
                    listener.alarm(type, json.treeToValue(node, Lifeline.Alarm.class));
                }
            }
            case "sensor.status" -> listener.sensorStatus(json.treeToValue(payload(data), Lifeline.SensorStatus.class));
            case "sensor.reading" -> listener.reading(json.treeToValue(payload(data), Events.SensorReading.class));
            case "wall.push" -> listener.pushed(json.treeToValue(payload(data), Lifeline.WallPush.class));
            default -> LOG.trace("Wall ignores {}", type);
        }
    }

    /** The SSE data is the stored event {@code {id, type, at, data}}; a bare payload is accepted too. */
    private JsonNode payload(String data) throws IOException {
        JsonNode root = json.readTree(data);
        return root.has("type") && root.has("data") ? root.get("data") : root;
    }

    @Override
    public void close() {
        stream.close();
    }
}
