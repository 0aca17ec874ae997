package cn.tongguan.console.window;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's window states, one small properties file in its data folder ({@code windows.properties}, keys
 * {@code <window>.x} …). A missing or damaged file means "first run": the window opens maximised, never an error.
 */
public final class WindowStateStore {
    private static final Logger LOG = LoggerFactory.getLogger(WindowStateStore.class);
    public static final String FILE = "windows.properties";

    private final Path file;

    public WindowStateStore(Path dataDir) {
        this.file = dataDir.resolve(FILE);
    }

    public Optional<WindowState> read(String window) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(reader);
            return Optional.of(new WindowState(area(p, window + "."), Boolean.parseBoolean(p.getProperty(window + ".maximized")),
                    area(p, window + ".monitor.")));
        } catch (IOException | RuntimeException e) {
            // A half-written or hand-edited file: open as on the first run, and say so in the log only.
            LOG.warn("Window state of {} in {} not usable: {}", window, file, e.toString());
            return Optional.empty();
        }
    }

    /** Writes the state of {@code window}, keeping the other windows' states; written whole, then moved in place. */
    public void write(String window, WindowState state) throws IOException {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("Window states in {} replaced: {}", file, e.toString());
                p.clear();
            }
        }
        put(p, window + ".", state.bounds());
        put(p, window + ".monitor.", state.monitor());
        p.setProperty(window + ".maximized", Boolean.toString(state.maximized()));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path next = file.resolveSibling(FILE + ".new");
        // Written by hand, sorted: Properties.store would add the wall-clock date and shuffle the keys.
        try (Writer writer = Files.newBufferedWriter(next, StandardCharsets.UTF_8)) {
            writer.write("# Where the console's windows were when they last closed (ADR 0073)\n");
            for (String key : new java.util.TreeSet<>(p.stringPropertyNames())) {
                writer.write(key + "=" + p.getProperty(key) + "\n");
            }
        }
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Area area(Properties p, String prefix) {
        return new Area(number(p, prefix + "x"), number(p, prefix + "y"), number(p, prefix + "width"),
                number(p, prefix + "height"));
    }

    private static double number(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException(key + " missing");
        }
        double d = Double.parseDouble(value);
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException(key + " is " + value);
        }
        return d;
    }

    private static void put(Properties p, String prefix, Area a) {
        p.setProperty(prefix + "x", Double.toString(a.x()));
        p.setProperty(prefix + "y", Double.toString(a.y()));
        p.setProperty(prefix + "width", Double.toString(a.width()));
        p.setProperty(prefix + "height", Double.toString(a.height()));
    }
}
