package cn.tongguan.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import cn.tongguan.platform.PlatformServer;
import cn.tongguan.platform.support.Api;
import cn.tongguan.api.testing.MutableClock;
import cn.tongguan.platform.support.Platforms;
import cn.tongguan.platform.support.TestDatabases;
import io.javalin.Javalin;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A client that hangs up mid-download is routine (a cancelled map load, a console closed): one INFO line, no
 * ERROR, no stack trace. A genuine fault still logs ERROR with its stack trace.
 */
class ClientGoneLoggingTest {
    /** Grids of 400-vertex rings: ~1,500 of them make a response of ~20 MB, far beyond the socket buffers. */
    private static final int GRIDS = 1_500;
    private static final int VERTICES = 400;

    private final Captured captured = new Captured();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void capture() {
        captured.setContext(root.getLoggerContext());
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void release() {
        root.detachAppender(captured);
        captured.stop();
    }

    @Test
    void aClientClosingTheGridDownloadEarlyIsOneInfoLineWithoutStackTrace() throws Exception {
        PlatformServer server = Platforms.start(TestDatabases.H2, null, new MutableClock(Instant.parse("2026-11-24T02:00:00Z")));
        try {
            Api api = new Api(server.port());
            Api.Resp loaded = api.send(api.builder("/api/v1/admin/import/grids", api.login("admin"))
                    .header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofString(grids())).build());
            assertThat(loaded.status()).as(loaded.text()).isEqualTo(200);
            String token = api.login("wall");
            captured.clear();

            try (Socket s = new Socket("127.0.0.1", server.port())) {
                OutputStream out = s.getOutputStream();
                out.write(("GET /api/v1/grids HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = s.getInputStream();
                byte[] part = in.readNBytes(64 * 1024);
                assertThat(new String(part, StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 200");
                s.setSoLinger(true, 0); // reset, as a killed process or a cancelled download does
            }

            assertThat(captured.settled.await(60, TimeUnit.SECONDS)).as("the server noticed the client had gone").isTrue();
            assertThat(captured.events).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN));
            List<ILoggingEvent> gone = captured.events.stream()
                    .filter(e -> e.getFormattedMessage().contains("Client went away during GET /api/v1/grids")).toList();
            assertThat(gone).hasSize(1);
            assertThat(gone.get(0).getLevel()).isIn(Level.INFO, Level.DEBUG);
            assertThat(gone.get(0).getThrowableProxy()).isNull();
        } finally {
            server.stop();
        }
    }

    @Test
    void aGenuineFaultStillLogsErrorWithItsStackTrace() throws Exception {
        Javalin app = Javalin.create(cfg -> cfg.showJavalinBanner = false);
        new ErrorWriter(new Messages()).install(app);
        app.get("/broken", ctx -> {
            throw new IllegalStateException("a bug");
        });
        app.start("127.0.0.1", 0);
        try {
            // Not through Api: this little server is not the platform the OpenAPI document describes.
            HttpResponse<String> r = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/broken")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(500);
            assertThat(Api.JSON.readTree(r.body()).get("code").asText()).isEqualTo("internal_error");
            assertThat(captured.settled.await(10, TimeUnit.SECONDS)).isTrue();
            ILoggingEvent error = captured.events.stream().filter(e -> e.getLevel() == Level.ERROR).findFirst().orElseThrow();
            assertThat(error.getFormattedMessage()).contains("Unhandled error on GET /broken");
            assertThat(error.getThrowableProxy().getMessage()).isEqualTo("a bug");
            assertThat(error.getThrowableProxy().getStackTraceElementProxyArray()).isNotEmpty();
        } finally {
            app.stop();
        }
    }

    /** NDJSON of {@link #GRIDS} unit grids, each a many-sided ring inside the city. */
    private static String grids() {
        StringBuilder b = new StringBuilder();
        for (int g = 0; g < GRIDS; g++) {
            double lng = 113.80 + (g % 50) * 0.002;
            double lat = 35.25 + (g / 50) * 0.002;
            b.append("{\"code\":\"").append(String.format("410702001%06d", g))
                    .append("\",\"communityCode\":\"410702001001\",\"streetCode\":\"410702001\",\"districtCode\":\"410702\",")
                    .append("\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[");
            for (int v = 0; v <= VERTICES; v++) {
                double a = 2 * Math.PI * (v % VERTICES) / VERTICES;
                b.append(v == 0 ? "" : ",").append('[').append(lng + 0.0009 * Math.cos(a)).append(',')
                        .append(lat + 0.0009 * Math.sin(a)).append(']');
            }
            b.append("]]}}\n");
        }
        return b.toString();
    }

    /** Keeps what is logged; settles on the first line that tells how the failure was judged. */
    private static final class Captured extends AppenderBase<ILoggingEvent> {
        final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();
        volatile CountDownLatch settled = new CountDownLatch(1);

        @Override
        protected void append(ILoggingEvent e) {
            events.add(e);
            if (e.getLevel().isGreaterOrEqual(Level.WARN) || e.getFormattedMessage().contains("Client went away")) {
                settled.countDown();
            }
        }

        /** Forgets what starting the platform logged (its demo-accounts warning) and waits afresh. */
        void clear() {
            settled = new CountDownLatch(1);
            events.clear();
        }
    }
}
