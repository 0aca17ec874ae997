package cn.tongguan.console.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** {@code import -window root}: what the X server shows on every monitor, as the hall would see it. */
public final class XCapture {
    private XCapture() {
    }

    public static Path root(Path file) throws IOException, InterruptedException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Process p = new ProcessBuilder("import", "-window", "root", file.toString()).redirectErrorStream(true).start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("import failed: " + new String(p.getInputStream().readAllBytes()));
        }
        return file;
    }
}
