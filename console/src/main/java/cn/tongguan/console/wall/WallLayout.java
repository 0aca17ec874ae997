package cn.tongguan.console.wall;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalTime;
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
 * schedule=08:00-20:00                (optional: the hours, Beijing time, when the schedule picks it)
 * </pre>
 */
public record WallLayout(String name, List<ScreenGrid> screens, Schedule schedule) {
    /** Daily hours {@code [from, to)}; {@code to} before {@code from} runs past midnight (a night preset). */
    public record Schedule(LocalTime from, LocalTime to) {
        public Schedule {
            if (from.equals(to)) {
                throw new IllegalArgumentException("an empty schedule: " + from + "-" + to);
            }
        }

        public boolean contains(LocalTime t) {
            return from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
        }

        static Schedule parse(String spec) throws IOException {
            String[] parts = spec.trim().split("-");
            try {
                if (parts.length != 2) {
                    throw new IllegalArgumentException("HH:mm-HH:mm");
                }
                return new Schedule(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim()));
            } catch (RuntimeException e) {
                throw new IOException("wall layout: 'schedule' is not HH:mm-HH:mm: " + spec, e);
            }
        }
    }

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

    public WallLayout(String name, List<ScreenGrid> screens) {
        this(name, screens, null);
    }

    public WallLayout {
        screens = List.copyOf(screens);
        if (screens.isEmpty()) {
            throw new IllegalArgumentException("a layout needs at least one screen");
        }
    }

    /** A preset shipped inside the console (daily, night, rainstorm, meeting); {@code null} if there is none. */
    public static WallLayout shipped(String name) throws IOException {
        try (java.io.InputStream in = WallLayout.class.getResourceAsStream("layouts/" + name + ".properties")) {
            return in == null ? null : read(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
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
        String schedule = p.getProperty("schedule");
        return new WallLayout(p.getProperty("name", "wall"), screens,
                schedule == null || schedule.isBlank() ? null : Schedule.parse(schedule));
    }
}
