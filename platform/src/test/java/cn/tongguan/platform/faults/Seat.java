package cn.tongguan.platform.faults;

import cn.tongguan.platform.support.Contract;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One seat of the kill test: it writes actions into its own outbox and sends the head again and again, with the
 * same Idempotency-Key (and, for a report, the same clientId), until the platform answers — the rule of the console's
 * outbox (ADR 0042): connection refused, reset or timed out means "not answered", any answer means "done". A 401
 * (token lost) signs in again and resends; it never fails the action.
 * <p>
 * What it does depends on its user: {@code inspector} reports; {@code operator} reports hotline orders and accepts
 * reported cases; {@code shift_leader} files accepted ones; {@code dispatcher} dispatches filed ones to D01. A seat
 * acts on a case at most once (so an acknowledged action that a crash took back cannot be hidden by a second one).
 */
final class Seat implements Runnable {
    /** One action and what became of it. */
    static final class Action {
        final String user;
        final String kind;
        final String key;
        final String clientId;
        final String tag;
        final long caseId;
        final String json;
        volatile int attempts;
        volatile int status;
        volatile String answer;

        Action(String user, String kind, String key, String clientId, String tag, long caseId, String json) {
            this.user = user;
            this.kind = kind;
            this.key = key;
            this.clientId = clientId;
            this.tag = tag;
            this.caseId = caseId;
            this.json = json;
        }

        boolean acknowledged() {
            return status >= 200 && status < 300;
        }
    }

    private static final Map<String, String[]> MOVES = Map.of("operator", new String[] {"reported", "accept"},
            "shift_leader", new String[] {"accepted", "file"}, "dispatcher", new String[] {"filed", "dispatch"});

    private final String user;
    /** The platform instances, tried in turn: on no answer the client moves to the next (the console's failover). */
    private final int[] ports;
    private volatile int at;
    private final Random random;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1)).build();
    private final ArrayDeque<Action> outbox = new ArrayDeque<>();
    private final List<Action> actions = new CopyOnWriteArrayList<>();
    private final Set<Long> actedOn = new HashSet<>();
    private volatile boolean stopPlanning;
    private volatile boolean stopped;
    private volatile Throwable failure;
    private String token;
    private int made;

    Seat(String user, int[] ports, long seed, ObjectMapper json) {
        this.user = user;
        this.ports = ports.clone();
        this.random = new Random(seed);
        this.json = json;
    }

    List<Action> actions() {
        return actions;
    }

    /** No new actions; the outbox is still sent until it is empty. */
    void stopPlanning() {
        stopPlanning = true;
    }

    void stop() {
        stopped = true;
    }

    boolean drained() {
        synchronized (outbox) {
            return stopPlanning && outbox.isEmpty();
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
        while (!stopped) {
            try {
                Action head;
                synchronized (outbox) {
                    if (outbox.isEmpty() && !stopPlanning) {
                        Action next = plan();
                        if (next != null) {
                            outbox.addLast(next);
                            actions.add(next);
                        }
                    }
                    head = outbox.peekFirst();
                }
                if (head == null) {
                    Thread.sleep(20);
                    continue;
                }
                if (send(head)) {
                    synchronized (outbox) {
                        outbox.removeFirst();
                    }
                }
            } catch (IOException e) {
                moveOn();
                pause(50);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                failure = e;
                return;
            }
        }
    }

    /** What stopped the seat other than {@link #stop} (a contract violation, a broken answer), or null. */
    Throwable failure() {
        return failure;
    }

    private Action plan() throws IOException, InterruptedException {
        made++;
        boolean report = "inspector".equals(user) || ("operator".equals(user) && made % 3 == 0);
        if (report) {
            String tag = "kill-" + user + "-" + made + "-" + Long.toHexString(random.nextLong());
            Map<String, Object> body = new LinkedHashMap<>();
            boolean hotline = !"inspector".equals(user);
            body.put("source", hotline ? "hotline_12345" : "inspector");
            body.put("kind", "event");
            body.put("bigCode", "06");
            body.put("smallCode", "06010");
            body.put("lng", 113.88 + random.nextDouble() * 0.02);
            body.put("lat", 35.30 + random.nextDouble() * 0.02);
            body.put("description", "路边暴露垃圾 " + tag);
            if (hotline) {
                body.put("requestType", "complaint");
                body.put("reporterName", "李四");
                body.put("reporterPhone", "13900001111");
            }
            String clientId = uuid();
            body.put("clientId", clientId);
            return new Action(user, "report", uuid(), clientId, tag, 0, json.writeValueAsString(body));
        }
        String[] move = MOVES.get(user);
        JsonNode page = get("/api/v1/cases?state=" + move[0] + "&sort=reportedAt&limit=100");
        if (page == null) {
            return null;
        }
        for (JsonNode c : page.get("items")) {
            long id = c.get("id").asLong();
            if (actedOn.add(id)) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("action", move[1]);
                body.put("version", c.get("version").asLong());
                if ("dispatch".equals(move[1])) {
                    body.put("departmentCode", "D01");
                }
                return new Action(user, move[1], uuid(), null, null, id, json.writeValueAsString(body));
            }
        }
        made--;
        return null;
    }

    private String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    /** Sends the action once; true when the platform answered it (2xx or a refusal). */
    private boolean send(Action a) throws IOException, InterruptedException {
        String path = "report".equals(a.kind) ? "/api/v1/cases" : "/api/v1/cases/" + a.caseId + "/transitions";
        a.attempts++;
        HttpRequest req = request(path).header("Content-Type", "application/json").header("Idempotency-Key", a.key)
                .POST(HttpRequest.BodyPublishers.ofString(a.json)).build();
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 401) {
            token = null;
            return false;
        }
        if (r.statusCode() >= 500 || (r.statusCode() == 409 && r.body().contains("idempotency_in_progress"))) {
            pause(50);
            return false;
        }
        Contract.check(req, a.json, r.statusCode(), r.headers(), r.body());
        a.answer = r.body();
        a.status = r.statusCode();
        return true;
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 401) {
            token = null;
            return null;
        }
        return r.statusCode() == 200 ? json.readTree(r.body()) : null;
    }

    private HttpRequest.Builder request(String path) throws IOException, InterruptedException {
        if (token == null) {
            token = login(http, port(), user, json);
        }
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path)).timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + token);
    }

    static String login(HttpClient http, int port, String user, ObjectMapper json) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auth/login"))
                .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("username", user, "password",
                        "tongguan")))).build();
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("login " + user + ": " + r.statusCode());
        }
        return json.readTree(r.body()).get("token").asText();
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
