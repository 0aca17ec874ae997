package cn.tongguan.platform.lifeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Grabs a frame with GStreamer's {@code gst-launch-1.0} (Debian gstreamer1.0-tools, already in ./dev's list):
 * {@code rtspsrc} over TCP for RTSP (the camera simulator and most cameras), {@code uridecodebin} for anything else,
 * then {@code jpegenc snapshot=true}, which ends the pipeline after one frame. A separate process, so a stuck
 * camera costs a killed process after the timeout, never a platform thread.
 */
public final class GstSnapshotGrabber implements SnapshotGrabber {
    private final String launcher;

    public GstSnapshotGrabber() {
        this("gst-launch-1.0");
    }

    public GstSnapshotGrabber(String launcher) {
        this.launcher = launcher;
    }

    /** Whether {@code gst-launch-1.0} is on the PATH. */
    public static boolean available() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "gst-launch-1.0"))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public byte[] grab(String streamUrl, Duration timeout) throws IOException {
        if (streamUrl == null || streamUrl.isBlank()) {
            throw new IOException("摄像头没有视频流地址");
        }
        Path out = Files.createTempFile("snapshot", ".jpg");
        try {
            List<String> cmd = new ArrayList<>(List.of(launcher, "-q"));
            if (streamUrl.startsWith("rtsp://")) {
                cmd.addAll(List.of("rtspsrc", "location=" + streamUrl, "protocols=tcp", "latency=0", "!", "decodebin"));
            } else {
                cmd.addAll(List.of("uridecodebin", "uri=" + streamUrl));
            }
            cmd.addAll(List.of("!", "videoconvert", "!", "jpegenc", "snapshot=true", "!", "filesink", "location=" + out));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            boolean done;
            try {
                done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("抓取快照被中断", e);
            }
            if (!done) {
                p.destroyForcibly();
                throw new IOException("摄像头在 " + timeout.toSeconds() + " 秒内没有画面");
            }
            byte[] jpeg = Files.readAllBytes(out);
            if (p.exitValue() != 0 || jpeg.length < 4 || (jpeg[0] & 0xff) != 0xFF || (jpeg[1] & 0xff) != 0xD8) {
                throw new IOException("无法连接摄像头视频流");
            }
            return jpeg;
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("Cannot run program")) {
                throw new IOException("本机没有 GStreamer（gst-launch-1.0），无法抓取快照", e);
            }
            throw e;
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
