package cn.tongguan.console.sync;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.Cases;
import cn.tongguan.api.Events;
import cn.tongguan.api.Lifeline;
import cn.tongguan.api.Reference;
import cn.tongguan.console.support.TestPlatform;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wall's live feed against a real platform over real HTTP and SSE: it signs in as the 大屏 account, loads
 * what it starts from, hears a case filed and a sensor reading as events, and after the platform was stopped
 * and started again it signs in, reloads and hears new events by itself.
 */
class WallEventsTest {
    @TempDir
    Path dir;
    private TestPlatform platform;
    private ScheduledExecutorService worker;
    private WallEvents events;
    private final List<String> heard = new CopyOnWriteArrayList<>();
    private final AtomicInteger loads = new AtomicInteger();
    /** What happens on the platform between the wall's snapshot and its stream opening (first connection only). */
    private volatile Runnable betweenSnapshotAndStream = () -> { };

    @BeforeEach
    void start() throws Exception {
        platform = new TestPlatform(dir.resolve("platform")).start();
        worker = Executors.newSingleThreadScheduledExecutor();
        SessionToken token = new SessionToken();
        okhttp3.OkHttpClient http = new okhttp3.OkHttpClient.Builder().addInterceptor(token)
                .connectTimeout(Duration.ofSeconds(2)).build();
        PlatformClient client = new PlatformClient(http, platform.uri());
        WallFeed feed = new WallFeed(client, platform.clock());
        events = new WallEvents(client, feed, worker, () -> token.set(client.login("wall", "tongguan").token()),
                new WallListener() {
                    @Override
                    public long snapshot() throws java.io.IOException {
                        List<Cases.Case> open = new CopyOnWriteArrayList<>();
                        long from = feed.openCases(open::add);
                        heard.add("snapshot " + open.size());
                        return from;
                    }

                    @Override
                    public void loaded(List<Reference.Sensor> sensors, List<Lifeline.Alarm> active, List<Cases.Case> recent) {
                        loads.incrementAndGet();
                        heard.add("loaded " + recent.size());
                        betweenSnapshotAndStream.run();
                        betweenSnapshotAndStream = () -> { };
                    }

                    @Override
                    public void caseChanged(Cases.Case item) {
                        heard.add("case " + item.description() + " " + item.reporterPhone());
                    }

                    @Override
                    public void reading(Events.SensorReading reading) {
                        heard.add("reading " + reading.sensorId() + " " + reading.value());
                    }

                    @Override
                    public void live(boolean live) {
                        heard.add(live ? "live" : "lost");
                    }
                });
    }

    @AfterEach
    void stop() {
        events.close();
        worker.shutdownNow();
        platform.close();
    }

    private static void post(PlatformClient client, String path, String body) throws java.io.IOException {
        try (okhttp3.Response r = client.http().newCall(new okhttp3.Request.Builder()
                .url(client.base().resolve(path).toString())
                .post(okhttp3.RequestBody.create(body, okhttp3.MediaType.get("application/json"))).build()).execute()) {
            assertThat(r.code()).as(path).isLessThan(300);
        }
    }

    @Test
    void hearsCasesAndReadingsAndRecoversAfterThePlatformWasAway() throws Exception {
        PlatformClient operator = platform.client("operator");
        platform.report(operator, "积水 A");
        events.start();
        OutboxReplayTest.waitUntil(() -> heard.contains("live"), Duration.ofSeconds(20));
        assertThat(heard).startsWith("snapshot 1", "loaded 1");
        platform.report(operator, "积水 B");
        OutboxReplayTest.waitUntil(() -> heard.stream().anyMatch(h -> h.startsWith("case 积水 B")), Duration.ofSeconds(10));
        // The wall's role never receives personal data.
        assertThat(heard).filteredOn(h -> h.startsWith("case ")).allMatch(h -> h.endsWith(" null"));
        PlatformClient admin = platform.client("admin");
        post(admin, "/api/v1/admin/import/sensors", admin.json().writeValueAsString(new Reference.Sensor("WL01",
                "waterlogging", "积水点", 113.9, 35.3, "cm", 15.0, null, null)) + "\n");
        post(admin, "/api/v1/sensors/readings", admin.json().writeValueAsString(
                new Events.SensorReading("WL01", 17.5, platform.clock().instant())));
        // A bound, not a timing: the reading also judges thresholds and may file an alarm case in the same write.
        OutboxReplayTest.waitUntil(() -> heard.contains("reading WL01 17.5"), Duration.ofSeconds(30));

        platform.stop();
        OutboxReplayTest.waitUntil(() -> heard.contains("lost"), Duration.ofSeconds(20));
        platform.start();
        OutboxReplayTest.waitUntil(() -> loads.get() >= 2 && heard.lastIndexOf("live") > heard.indexOf("lost"),
                Duration.ofSeconds(30));
        platform.report(platform.client("operator"), "积水 C");
        OutboxReplayTest.waitUntil(() -> heard.stream().anyMatch(h -> h.startsWith("case 积水 C")), Duration.ofSeconds(10));
    }

    @Test
    void aCaseFiledBetweenTheSnapshotAndTheStreamIsHeard() throws Exception {
        PlatformClient operator = platform.client("operator");
        platform.report(operator, "积水 A");
        betweenSnapshotAndStream = () -> {
            try {
                platform.report(operator, "积水 间隙");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        events.start();
        OutboxReplayTest.waitUntil(() -> heard.stream().anyMatch(h -> h.startsWith("case 积水 间隙")), Duration.ofSeconds(20));
        assertThat(heard).startsWith("snapshot 1", "loaded 1");
        // Resumed after the snapshot's event id: the case filed before the snapshot is in it, not replayed.
        assertThat(heard).noneMatch(h -> h.startsWith("case 积水 A"));
    }
}
