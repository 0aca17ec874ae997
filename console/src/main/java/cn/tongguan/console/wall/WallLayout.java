package cn.tongguan.console.wall;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * A wall layout: for each monitor, the panels it shows as a grid of rows. Read from a properties file:
 * <pre>
 * name=日常
 * screens=3
 * screen.1=map
 * screen.2=video
 * screen.3=kpi,queue|alarms,water     (rows separated by |, cells by ,)
 * </pre>
 */
public record WallLayout(String name, List<ScreenGrid> screens) {
    /** The panels of one monitor, row by row. */
    public record ScreenGrid(List<List<String>> rows) {
        public ScreenGrid {
            rows = rows.stream().map(List::copyOf).toList();
            if (rows.isEmpty() || rows.stream().anyMatch(List::isEmpty)) {
                throw new IllegalArgumentException("a screen needs at least one panel in every row");
            }
        }

        public List<String> panels() {
            return rows.stream().flatMap(List::stream).toList();
        }
    }

    public WallLayout {
        screens = List.copyOf(screens);
        if (screens.isEmpty()) {
            throw new IllegalArgumentException("a layout needs at least one screen");
        }
    }

    public static WallLayout read(Reader reader) throws IOException {
        Properties p = new Properties();
        p.load(reader);
        String count = p.getProperty("screens");
        if (count == null) {
            throw new IOException("wall layout: missing 'screens'");
        }
        int n;
        try {
            n = Integer.parseInt(count.trim());
        } catch (NumberFormatException e) {
            throw new IOException("wall layout: 'screens' is not a number: " + count, e);
        }
        List<ScreenGrid> screens = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String spec = p.getProperty("screen." + i);
            if (spec == null || spec.isBlank()) {
                throw new IOException("wall layout: missing 'screen." + i + "'");
            }
            List<List<String>> rows = Arrays.stream(spec.split("\\|"))
                    .map(row -> Arrays.stream(row.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                    .toList();
            try {
                screens.add(new ScreenGrid(rows));
            } catch (IllegalArgumentException e) {
                throw new IOException("wall layout: screen." + i + ": " + e.getMessage(), e);
            }
        }
        return new WallLayout(p.getProperty("name", "wall"), screens);
    }
}
