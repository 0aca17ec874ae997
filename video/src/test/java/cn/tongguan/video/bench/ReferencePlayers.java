package cn.tongguan.video.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reference players for the time to first frame: {@code gst-launch-1.0} for RTSP, {@code cvlc} (as
 * nobody: it refuses root) for streams libvlc reads. Each is timed from the moment it starts connecting
 * (its own log line) to its first decoded picture, so process start-up and plugin loading do not count.
 */
final class ReferencePlayers {
    private ReferencePlayers() {
    }

    static double gstFirstFrameMillis(URI rtsp) throws IOException, InterruptedException {
        return timeBetween(List.of("gst-launch-1.0", "-v", "rtspsrc", "location=" + rtsp, "protocols=tcp", "latency=0",
                "!", "rtph264depay", "!", "h264parse", "!", "avdec_h264", "max-threads=1", "!", "fakesink", "silent=false",
                "num-buffers=3"), "Setting pipeline to PAUSED", "last-message = chain");
    }

    static double vlcFirstFrameMillis(URI uri) throws IOException, InterruptedException {
        return timeBetween(List.of("runuser", "-u", "nobody", "--", "cvlc", "-vv", "--intf", "dummy", "--vout", "dummy",
                "--no-audio", "--avcodec-threads=1", "--network-caching=300", "--run-time", "2", "--play-and-exit",
                uri.toString()), "creating access", "Received first picture");
    }

    /** Milliseconds between the first output line containing {@code start} and the first containing {@code end}. */
    private static double timeBetween(List<String> command, String start, String end) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        long started = -1;
        long ended = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                long now = System.nanoTime();
                if (started < 0 && line.contains(start)) {
                    started = now;
                } else if (started >= 0 && line.contains(end)) {
                    ended = now;
                    break;
                }
            }
        } finally {
            p.destroy();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        if (started < 0 || ended < 0) {
            throw new IOException("reference player gave no first frame: " + command);
        }
        return (ended - started) / 1e6;
    }
}
