package cn.tongguan.console.support;

import cn.tongguan.console.sync.PlatformClient;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import okhttp3.OkHttpClient;

/**
 * A small real HTTP server on 127.0.0.1 that plays a broken or hostile platform: each route answers what the test
 * sets — malformed or wrong-typed JSON, a proxy's HTML page, a stall, a body cut half-way, a corrupt NDJSON line, an
 * SSE whose ids go backwards, a 200 MB body streamed lazily. It records every request (method, path, body).
 */
public final class HostileBackend implements AutoCloseable {
    /** What one route does with a request. */
    @FunctionalInterface
    public interface Answer {
        void answer(HttpExchange exchange) throws IOException;
    }

    /** A request as received: {@code "POST /api/v1/cases"} and its body. */
    public record Received(String line, String body) {
    }

    public static final String CATEGORIES = "[{\"code\":\"06\",\"kind\":\"event\",\"level\":\"big\",\"name\":\"市容环境\"},"
            + "{\"code\":\"06010\",\"kind\":\"event\",\"level\":\"small\",\"parentCode\":\"06\",\"name\":\"暴露垃圾\"}]";
    public static final String DEPARTMENTS = "[{\"code\":\"D01\",\"name\":\"环卫处\",\"categoryCodes\":[\"06010\"]}]";
    public static final String DIVISIONS = "[{\"code\":\"410702\",\"name\":\"红旗区\",\"level\":\"district\",\"children\":[]}]";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "hostile-backend");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Answer> routes = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public HostileBackend() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::dispatch);
        on("GET", "/api/v1/categories", json(200, CATEGORIES));
        on("GET", "/api/v1/departments", json(200, DEPARTMENTS));
        on("GET", "/api/v1/divisions", json(200, DIVISIONS));
        on("GET", "/api/v1/cases/snapshot", ndjson("{\"eventId\":10,\"total\":0}"));
        on("GET", "/api/v1/events", sse(List.of(), true));
        server.start();
    }

    /** Sets what {@code method path} answers; a path ending in {@code *} matches every path it starts. */
    public HostileBackend on(String method, String path, Answer answer) {
        routes.put(method + " " + path, answer);
        return this;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** A client as the console builds one (3 s to connect, 30 s per read), without a token. */
    public PlatformClient client() {
        return client(new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(3)).readTimeout(Duration.ofSeconds(30))
                .build());
    }

    public PlatformClient client(OkHttpClient http) {
        return new PlatformClient(http, uri());
    }

    public List<Received> received() {
        return received;
    }

    private void dispatch(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        byte[] body = ex.getRequestBody().readAllBytes();
        String line = ex.getRequestMethod() + " " + path;
        received.add(new Received(line, new String(body, StandardCharsets.UTF_8)));
        Answer answer = routes.get(line);
        if (answer == null) {
            for (Map.Entry<String, Answer> e : routes.entrySet()) {
                String key = e.getKey();
                if (key.endsWith("*") && line.startsWith(key.substring(0, key.length() - 1))) {
                    answer = e.getValue();
                }
            }
        }
        try {
            if (answer == null) {
                send(ex, 404, "application/json", "{\"code\":\"not_found\",\"message\":\"not found\"}");
            } else {
                answer.answer(ex);
            }
        } catch (IOException e) {
            // the client went away (a timeout or a cancelled stream): nothing to answer
        } finally {
            ex.close();
        }
    }

    static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    public static Answer json(int status, String body) {
        return ex -> send(ex, status, "application/json; charset=utf-8", body);
    }

    /** What a proxy or a captive portal answers in the platform's place. */
    public static Answer html(int status) {
        return ex -> send(ex, status, "text/html; charset=utf-8",
                "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>");
    }

    /** Answers nothing for {@code d}, then closes. */
    public static Answer stall(Duration d) {
        return ex -> {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    /** A 200 JSON body of about {@code bytes}, written lazily (the server never holds it). */
    public static Answer huge(long bytes) {
        return ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, 0);
            byte[] item = "{\"code\":\"06\",\"name\":\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"},"
                    .getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = ex.getResponseBody()) {
                out.write('[');
                for (long n = 0; n < bytes; n += item.length) {
                    out.write(item);
                }
                out.write("{}]".getBytes(StandardCharsets.UTF_8));
            }
        };
    }

    /** An NDJSON answer, one line each. */
    public static Answer ndjson(String... lines) {
        return ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/x-ndjson");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (String l : lines) {
                    out.write((l + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
        };
    }

    /** Server-sent events ({@code "id|type|data"} each); {@code hold}: keep the stream open afterwards. */
    public static Answer sse(List<String> events, boolean hold) {
        return ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/event-stream");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            out.write(": hello\n\n".getBytes(StandardCharsets.UTF_8));
            for (String e : events) {
                String[] p = e.split("\\|", 3);
                out.write(("id: " + p[0] + "\nevent: " + p[1] + "\ndata: " + p[2] + "\n\n").getBytes(StandardCharsets.UTF_8));
            }
            out.flush();
            if (hold) {
                try {
                    while (true) {
                        Thread.sleep(500);
                        out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            out.close();
        };
    }

    /** Answers in turn: the first answer to the first request, and so on; the last one for ever after. */
    public static Answer inTurn(Answer... answers) {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        return ex -> answers[Math.min(n.getAndIncrement(), answers.length - 1)].answer(ex);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
