package cn.tongguan.video.sim;

import cn.tongguan.video.Camera;
import cn.tongguan.video.CameraList;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts {@code video/sim/camera_sim.py} (with {@code /usr/bin/python3}: it needs Debian's python3-gi) on
 * free loopback ports and drives it through its stdin: cameras can be stopped and started. Closing it
 * stops it, and so does the JVM's end (the script quits when its stdin closes). For tests, the bench and
 * demos; thread-safe.
 */
public final class CameraSimulator implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(CameraSimulator.class);

    private final Process process;
    private final Writer commands;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private final Path dir;
    public final int rtspPort;
    public final int httpPort;

    private CameraSimulator(Process process, Path dir) throws IOException, InterruptedException {
        this.process = process;
        this.dir = dir;
        this.commands = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String ready = out.readLine();
        if (ready == null || !ready.startsWith("READY")) {
            throw new IOException("camera simulator did not start: " + ready);
        }
        rtspPort = port(ready, "rtsp");
        httpPort = port(ready, "http");
        Thread reader = new Thread(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    replies.add(line);
                }
            } catch (IOException e) {
                LOGGER.debug("simulator output closed", e);
            }
        }, "camera-sim-out");
        reader.setDaemon(true);
        reader.start();
    }

    private static int port(String ready, String key) {
        for (String word : ready.split(" ")) {
            if (word.startsWith(key + "=")) {
                return Integer.parseInt(word.substring(key.length() + 1));
            }
        }
        throw new IllegalArgumentException("no " + key + " port in " + ready);
    }

    /** Starts {@code cameras} cameras with the given stream modes (e.g. "320x180@15"). */
    public static CameraSimulator start(int cameras, String main, String sub) throws IOException, InterruptedException {
        return start(cameras, main, sub, 0, 0, Files.createTempDirectory("camera-sim"));
    }

    /**
     * As above on given ports (0 = free ones) writing its lists into {@code dir}: how a source that died comes back
     * at the same addresses, as a camera or a video platform restarted after a power cut does.
     */
    public static CameraSimulator start(int cameras, String main, String sub, int rtspPort, int httpPort, Path dir)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/python3", script().toString(), "--cameras", String.valueOf(cameras),
                "--main", main, "--sub", sub, "--out", dir.toString(), "--exit-with-stdin",
                "--rtsp-port", String.valueOf(rtspPort), "--http-port", String.valueOf(httpPort));
        pb.redirectError(dir.resolve("stderr.log").toFile());
        return new CameraSimulator(pb.start(), dir);
    }

    /** Kills the source outright (SIGKILL: no goodbye to its clients), as a power cut would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
    }

    /** The script, found from the module or the repository root, or at {@code -Dtongguan.camera-sim=PATH}. */
    public static Path script() {
        String configured = System.getProperty("tongguan.camera-sim");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path p : List.of(Path.of("sim/camera_sim.py"), Path.of("video/sim/camera_sim.py"))) {
            if (Files.exists(p)) {
                return p.toAbsolutePath();
            }
        }
        throw new IllegalStateException("camera_sim.py not found from " + Path.of("").toAbsolutePath());
    }

    /** Where the camera lists are written. */
    public Path directory() {
        return dir;
    }

    public List<Camera> rtspCameras() throws IOException {
        return CameraList.read(dir.resolve("cameras-rtsp.tsv"));
    }

    public List<Camera> httpCameras() throws IOException {
        return CameraList.read(dir.resolve("cameras-http.tsv"));
    }

    public void stop(String cameraId) throws IOException, InterruptedException {
        command("stop " + cameraId);
    }

    public void start(String cameraId) throws IOException, InterruptedException {
        command("start " + cameraId);
    }

    public synchronized String command(String line) throws IOException, InterruptedException {
        commands.write(line + "\n");
        commands.flush();
        String reply = replies.poll(10, TimeUnit.SECONDS);
        if (reply == null || !reply.startsWith("ok")) {
            throw new IOException("simulator: " + line + " -> " + reply);
        }
        return reply;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        try {
            commands.write("quit\n");
            commands.close();
        } catch (IOException e) {
            LOGGER.debug("simulator already gone", e);
        }
        if (!process.waitFor(3, TimeUnit.SECONDS)) {
            process.destroy();
            process.waitFor(3, TimeUnit.SECONDS);
        }
    }
}
