package cn.tongguan.platform.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A subscriber like a console's: follows {@code GET /api/v1/events} across kills, resuming with
 * {@code Last-Event-ID} after what it saw. It keeps every event it saw (id → data) to compare with what the
 * platform serves after the restarts, and counts ids that did not increase and {@code resync} answers.
 */
final class SseFollower implements Runnable {
    /** The platform instances, tried in turn: on no answer the client moves to the next (the console's failover). */
    private final int[] ports;
    private volatile int at;
    private final String user;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1)).build();
    private final Map<Long, String> seen = new ConcurrentHashMap<>();
    private final List<String> violations = new ArrayList<>();
    private volatile long lastId;
    private volatile int resyncs;
    private volatile boolean stopped;
    private volatile InputStream current;

    SseFollower(int[] ports, String user, ObjectMapper json) {
        this.ports = ports.clone();
        this.user = user;
        this.json = json;
    }

    Map<Long, String> seen() {
        return seen;
    }

    long lastId() {
        return lastId;
    }

    int resyncs() {
        return resyncs;
    }

    synchronized List<String> violations() {
        return new ArrayList<>(violations);
    }

    void stop() throws IOException {
        stopped = true;
        InputStream in = current;
        if (in != null) {
            in.close();
        }
    }

    private int port() {
        return ports[at];
    }

    /** No answer from this instance: the next one (with one instance, the same after its restart). */
    private void moveOn() {
        at = (at + 1) % ports.length;
    }

    @Override
    public void run() {
        String token = null;
        while (!stopped) {
            try {
                if (token == null) {
                    token = Seat.login(http, port(), user, json);
                }
                HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + "/api/v1/events"))
                        .header("Accept", "text/event-stream").header("Authorization", "Bearer " + token)
                        .header("Last-Event-ID", String.valueOf(lastId)).build();
                HttpResponse<InputStream> r = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
                if (r.statusCode() == 401) {
                    token = null;
                    r.body().close();
                    continue;
                }
                current = r.body();
                read(new BufferedReader(new InputStreamReader(current, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                // killed: reconnect to the other instance, or to this one restarted
                moveOn();
            } catch (InterruptedException e) {
                return;
            }
            pause();
        }
    }

    private void read(BufferedReader reader) throws IOException {
        String id = null;
        String event = null;
        StringBuilder data = new StringBuilder();
        String line;
        while (!stopped && (line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                if ("resync".equals(event)) {
                    resyncs++;
                } else if (event != null && id != null) {
                    accept(Long.parseLong(id), data.toString());
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
    }

    private synchronized void accept(long id, String data) {
        if (id <= lastId) {
            violations.add("event " + id + " after " + lastId);
        }
        String before = seen.putIfAbsent(id, data);
        if (before != null && !before.equals(data)) {
            violations.add("event " + id + " seen twice with different data");
        }
        lastId = Math.max(lastId, id);
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
