package cn.tongguan.democity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** The demo city's code tables, kept as data files next to this class. */
public record CodeTables(List<PartClass> partClasses, List<Department> departments, List<Threshold> thresholds,
                         List<CaseCategory> categories) {

    public static CodeTables load() {
        return new CodeTables(
                read("part-classes.csv", f -> new PartClass(f[0], f[1], Double.parseDouble(f[2]),
                        Double.parseDouble(f[3]), f[4])),
                read("departments.csv", f -> new Department(f[0], f[1], Department.Kind.valueOf(f[2]),
                        Arrays.asList(f[3].split("\\|")), f[4])),
                read("sensor-thresholds.csv", f -> new Threshold(Sensor.Kind.valueOf(f[0]), f[1], f[2],
                        Double.parseDouble(f[3]), f[4], f[5])),
                read("categories.csv", f -> new CaseCategory(f[0], f[1], f[2], f[3], Integer.parseInt(f[4]), f[5],
                        Integer.parseInt(f[6]), f[7], Double.parseDouble(f[8]))));
    }

    private static <T> List<T> read(String name, Function<String[], T> row) {
        List<T> rows = new ArrayList<>();
        try (InputStream in = CodeTables.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing " + name);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int lineNo = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                try {
                    rows.add(row.apply(line.strip().split(",", -1)));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(name + " line " + lineNo + ": " + line, e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(rows);
    }
}
