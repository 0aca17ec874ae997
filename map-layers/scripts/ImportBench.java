import cn.tongguan.map.GeoJsonImporter;
import cn.tongguan.map.ImportResult;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One import in a fresh JVM, for docs/benchmarks.md (issue 15): prints the time and the JVM's peak resident
 * memory (VmHWM of /proc/self/status) after
 *   geojson FILE        — GeoJsonImporter.read(Reader) of a GeoJSON file (works against any build of map-layers)
 *   cache FILE CACHE    — FeatureCache.load(FILE, CACHE): a streaming import that writes the cache, or, when the
 *                         cache is current, the cached form
 * Run as a single-file program:  java -Xmx… -cp CLASSPATH map-layers/scripts/ImportBench.java MODE FILE [CACHE]
 * A bench is an executable of its own, so it reads the machine's clock (System.nanoTime) for its timings.
 */
public final class ImportBench {
    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path file = Path.of(args[1]);
        long start = System.nanoTime();
        int features;
        int problems;
        ImportResult result;
        if (mode.equals("geojson")) {
            try (Reader reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
                result = new GeoJsonImporter().read(reader);
                features = result.features().size();
                problems = result.problems().size();
            }
        } else {
            // by reflection, so that this file also compiles against builds without FeatureCache
            Class<?> cacheClass = Class.forName("cn.tongguan.map.FeatureCache");
            Object cache = cacheClass.getConstructor().newInstance();
            Method load = cacheClass.getMethod("load", Path.class, Path.class);
            result = (ImportResult) load.invoke(cache, file, Path.of(args[2]));
            features = result.features().size();
            problems = result.problems().size();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        String hwm = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("VmHWM")).findFirst().orElse("VmHWM: ? kB").replaceAll("\\s+", " ");
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long heap = rt.totalMemory() - rt.freeMemory();
        // the features are still held here: the heap figure is what the result costs
        features = result.features().size();
        System.err.println(String.format(Locale.ROOT, "%s %s: %d features, %d problems in %d ms; peak resident %s;"
                + " heap holding the features %.0f MiB (max %.0f MiB)", mode, file.getFileName(), features, problems, millis, hwm,
                heap / 1048576.0, rt.maxMemory() / 1048576.0));
    }
}
