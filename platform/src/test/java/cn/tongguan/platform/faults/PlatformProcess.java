package cn.tongguan.platform.faults;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The platform as a separate JVM ({@code PlatformMain serve}), on a fixed port so that clients reconnect to the same
 * address after a restart, killed with SIGKILL ({@link Process#destroyForcibly}) — what a power cut or {@code kill -9}
 * does to the process: no shutdown hook, no close of the database.
 */
final class PlatformProcess implements AutoCloseable {
    private final Path data;
    private final List<String> dbArgs;
    private final List<String> extraArgs;
    private final int port;
    private Process process;
    private int starts;

    PlatformProcess(Path data, List<String> dbArgs, List<String> extraArgs) throws IOException {
        this.data = data;
        this.dbArgs = dbArgs;
        this.extraArgs = extraArgs;
        try (ServerSocket s = new ServerSocket(0)) {
            this.port = s.getLocalPort();
        }
    }

    int port() {
        return port;
    }

    /** Starts the platform and waits until it answers {@code /health} (at most {@code timeout}). */
    void start(Duration timeout) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // A quick start matters more than peak speed here: the test restarts the platform after every kill.
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "cn.tongguan.platform.PlatformMain", "serve", "--demo",
                "--port", String.valueOf(port), "--data", data.toString()));
        cmd.addAll(dbArgs);
        cmd.addAll(extraArgs);
        Path log = data.resolve("platform-" + (++starts) + ".log");
        Files.createDirectories(data);
        process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/health"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("platform exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("platform not up after " + timeout + "; see " + log);
    }

    /** SIGKILL, and wait until the process is gone (its port and files are free again). */
    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
