package cn.tongguan.video;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a camera list: one camera a line, tab separated {@code id name main-url [sub-url]}; blank lines
 * and lines starting with {@code #} are ignored. This is what {@code video/sim/run-sim.sh} writes and
 * what the console can produce from the platform's camera registry.
 */
public final class CameraList {
    private CameraList() {
    }

    public static List<Camera> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader);
        }
    }

    public static List<Camera> parse(String text) throws IOException {
        return parse(new StringReader(text));
    }

    /** @throws IOException on a malformed line, naming its number */
    public static List<Camera> parse(Reader reader) throws IOException {
        List<Camera> cameras = new ArrayList<>();
        BufferedReader lines = new BufferedReader(reader);
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length < 3) {
                throw new IOException("camera list line " + number + ": expected id, name, main URL and an optional sub URL");
            }
            try {
                URI main = new URI(f[2].trim());
                URI sub = f.length > 3 && !f[3].isBlank() ? new URI(f[3].trim()) : main;
                cameras.add(new Camera(f[0].trim(), f[1].trim(), main, sub));
            } catch (URISyntaxException e) {
                throw new IOException("camera list line " + number + ": bad URL " + e.getInput(), e);
            }
        }
        return List.copyOf(cameras);
    }
}
