package cn.tongguan.platform.health;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** The thresholds of {@code GET /health}, as data ({@code health.properties}). */
public record HealthPolicy(Duration databaseTimeout, long minFreeBytes, Map<String, Duration> jobSilence) {
    public static HealthPolicy load() {
        Properties p = new Properties();
        try (InputStream in = HealthPolicy.class.getResourceAsStream("health.properties")) {
            if (in == null) {
                throw new IllegalStateException("health.properties missing from the class path");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Duration> jobs = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("job.") && key.endsWith(".maxSilence")) {
                jobs.put(key.substring(4, key.length() - ".maxSilence".length()), Duration.parse(p.getProperty(key)));
            }
        }
        return new HealthPolicy(Duration.parse(p.getProperty("database.timeout")),
                Long.parseLong(p.getProperty("disk.minFreeBytes")), jobs);
    }

    /** The longest a job may be silent; a job not in the file gets the longest of those that are. */
    public Duration silenceOf(String job) {
        return jobSilence.getOrDefault(job, jobSilence.values().stream().max(Duration::compareTo).orElse(Duration.ofHours(1)));
    }

    public HealthPolicy withMinFreeBytes(long bytes) {
        return new HealthPolicy(databaseTimeout, bytes, jobSilence);
    }
}
