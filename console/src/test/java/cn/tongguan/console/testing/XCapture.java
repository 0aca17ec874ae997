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
        return run(file, "import", "-window", "root", file.toString());
    }

    /** One part of the desktop, e.g. the primary monitor. */
    public static Path area(Path file, int x, int y, int width, int height) throws IOException, InterruptedException {
        return run(file, "import", "-window", "root", "-crop", width + "x" + height + "+" + x + "+" + y, file.toString());
    }

    private static Path run(Path file, String... command) throws IOException, InterruptedException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("import failed: " + new String(p.getInputStream().readAllBytes()));
        }
        return file;
    }
}
