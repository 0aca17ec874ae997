package cn.tongguan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.platform.support.Api;
import cn.tongguan.api.testing.MutableClock;
import cn.tongguan.platform.support.Platforms;
import cn.tongguan.platform.support.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** SSE live events, resume with Last-Event-ID (also across a restart), resync, and the snapshot. */
@ParameterizedClass(name = "{0}")
@MethodSource("cn.tongguan.platform.support.TestDatabases#all")
@Timeout(60)
class EventsTest {
    @Parameter
    String db;

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T02:00:00Z"));

    /** One SSE event as read off the wire. */
    record Sse(String id, String event, String data) {
    }

    /** Reads SSE events until {@code count} have arrived (blocking; the test's own timeout guards it). */
    static final class SseReader implements AutoCloseable {
        private final InputStream in;
        private final BufferedReader reader;

        SseReader(Api api, String token, String lastEventId) throws Exception {
            HttpRequest.Builder b = api.builder("/api/v1/events", token).header("Accept", "text/event-stream");
            if (lastEventId != null) {
                b.header("Last-Event-ID", lastEventId);
            }
            HttpResponse<InputStream> r = api.stream(b.build());
            assertThat(r.statusCode()).isEqualTo(200);
            in = r.body();
            reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            // the server's first comment proves the subscription is registered
            String line;
            while ((line = reader.readLine()) != null && !line.startsWith(":")) {
                // skip
            }
        }

        List<Sse> read(int count) throws Exception {
            List<Sse> out = new ArrayList<>();
            String id = null;
            String event = null;
            StringBuilder data = new StringBuilder();
            String line;
            while (out.size() < count && (line = reader.readLine()) != null) {
                if (line.isEmpty()) {
                    if (event != null) {
                        out.add(new Sse(id, event, data.toString()));
                    }
                    id = null;
                    event = null;
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                }
            }
            return out;
        }

        @Override
        public void close() throws java.io.IOException {
            in.close();
        }
    }

    private long report(Api api) {
        return api.post("/api/v1/cases", api.login("inspector"), Api.newCase(), null).body().get("id").asLong();
    }

    @Test
    void liveEventsArriveInOrderWithoutPersonalData() throws Exception {
        PlatformServer s = Platforms.start(db, null, clock);
        try {
            Api api = new Api(s.port());
            try (SseReader sse = new SseReader(api, api.login("wall"), null)) {
                long id = report(api);
                api.post("/api/v1/cases/" + id + "/transitions", api.login("operator"), Api.move("accept", 1), null);
                List<Sse> events = sse.read(2);
                assertThat(events).extracting(Sse::event).containsExactly("case.created", "case.transitioned");
                assertThat(Long.parseLong(events.get(1).id())).isGreaterThan(Long.parseLong(events.get(0).id()));
                JsonNode data = Api.JSON.readTree(events.get(1).data());
                assertThat(data.get("data").get("item").get("id").asLong()).isEqualTo(id);
                assertThat(data.get("data").get("step").get("action").asText()).isEqualTo("accept");
                assertThat(events.get(0).data()).doesNotContain("13812345678").doesNotContain("张三");
            }
        } finally {
            s.stop();
        }
    }

    @Test
    void whileThePlatformStopsAStreamEndsAndANewOneIsRefusedNotLeftOpenAndSilent() throws Exception {
        PlatformServer s = Platforms.start(db, null, clock);
        try {
            Api api = new Api(s.port());
            String token = api.login("wall");
            try (SseReader open = new SseReader(api, token, null)) {
                // stop() ends the streams before Jetty: a console reconnecting in between must not get a dead stream
                s.subscriptions().close();
                assertThat(open.read(1)).as("the open stream ends").isEmpty();
                HttpResponse<InputStream> again = api.stream(api.builder("/api/v1/events", token)
                        .header("Accept", "text/event-stream").build());
                try (InputStream body = again.body()) {
                    assertThat(again.statusCode()).isEqualTo(503);
                    assertThat(Api.JSON.readTree(body).path("code").asText()).isEqualTo("unavailable");
                }
            }
        } finally {
            s.stop();
        }
    }

    @Test
    void resumeAfterLastEventIdAlsoAcrossARestart() throws Exception {
        String url = TestDatabases.fresh(db, dir);
        PlatformServer s = Platforms.startOn(url, dir, clock);
        String lastSeen;
        try {
            Api api = new Api(s.port());
            try (SseReader sse = new SseReader(api, api.login("leader"), null)) {
                report(api);
                lastSeen = sse.read(1).get(0).id();
            }
            report(api);
            report(api);
        } finally {
            s.stop();
        }
        PlatformServer again = Platforms.startOn(url, dir, clock);
        try {
            Api api = new Api(again.port());
            long fourth = report(api);
            try (SseReader sse = new SseReader(api, api.login("leader"), lastSeen)) {
                List<Sse> missed = sse.read(3);
                assertThat(missed).extracting(Sse::event).containsOnly("case.created");
                List<Long> ids = missed.stream().map(e -> Long.parseLong(e.id())).toList();
                assertThat(ids).isSorted().allMatch(i -> i > Long.parseLong(lastSeen));
                assertThat(Api.JSON.readTree(missed.get(2).data()).get("data").get("item").get("id").asLong()).isEqualTo(fourth);
            }
        } finally {
            again.stop();
        }
    }

    @Test
    void tooOldResumePointAnswersResync() throws Exception {
        PlatformServer s = Platforms.start(db, null, clock);
        try {
            Api api = new Api(s.port());
            report(api);
            report(api);
            clock.advance(Duration.ofDays(40));
            s.events().prune(Duration.ofDays(30));
            report(api);
            try (SseReader sse = new SseReader(api, api.login("leader"), "1")) {
                Sse first = sse.read(1).get(0);
                assertThat(first.event()).isEqualTo("resync");
            }
            Api.Resp bad = api.send(api.builder("/api/v1/events", api.login("leader")).header("Last-Event-ID", "abc").build());
            assertThat(bad.status()).isEqualTo(400);
        } finally {
            s.stop();
        }
    }

    @Test
    void snapshotIsStampedWithTheEventIdItReflects() throws Exception {
        PlatformServer s = Platforms.start(db, null, clock);
        try {
            Api api = new Api(s.port());
            report(api);
            report(api);
            Api.Resp snap = api.send(api.builder("/api/v1/cases/snapshot", api.login("wall")).build());
            assertThat(snap.status()).isEqualTo(200);
            String[] lines = snap.text().split("\n");
            JsonNode header = Api.JSON.readTree(lines[0]);
            assertThat(header.get("type").asText()).isEqualTo("snapshot");
            assertThat(header.get("eventId").asLong()).isEqualTo(s.events().latestId());
            assertThat(lines).hasSize(3);
            // the header announces how many lines follow, so a console can show how far its download is
            assertThat(header.get("total").asLong()).isEqualTo(lines.length - 1);
            // the wall sees masked reporters
            assertThat(lines[1]).contains("138****5678").contains("张*").doesNotContain("13812345678");
            // sensors and cameras produce events too
            s.referenceData().upsertSensors(List.of(new cn.tongguan.api.Reference.Sensor("W01", "waterlogging", "人民路积水点",
                    113.88, 35.30, "cm", 20.0, null, null)));
            try (SseReader sse = new SseReader(api, api.login("wall"), String.valueOf(header.get("eventId").asLong()))) {
                Api.Resp r = api.post("/api/v1/sensors/readings", api.login("admin"), Map.of("sensorId", "W01", "value", 35.5), null);
                assertThat(r.status()).as(r.text()).isEqualTo(200);
                assertThat(sse.read(2)).extracting(Sse::event).containsExactly("sensor.reading", "alarm.raised");
            }
        } finally {
            s.stop();
        }
    }
}
