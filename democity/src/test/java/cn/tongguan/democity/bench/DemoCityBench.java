package cn.tongguan.democity.bench;

import cn.tongguan.democity.DemoCityMain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 4's benchmark: generate the full city and load it into an empty embedded H2 (the {@code load}
 * command, as the demo runs it), against a baseline measured in the same run: raw JDBC batch inserts of
 * the same number of case and timeline rows into an empty H2 file, with nothing generated or replayed.
 * <pre>democity/bench.sh [WORK_DIR]</pre>
 */
public final class DemoCityBench {
    private static final Logger LOG = LoggerFactory.getLogger(DemoCityBench.class);

    private DemoCityBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/democity-bench");
        delete(dir);
        long baseline = baseline(dir.resolve("baseline"), 910_000, 7_920_000);
        long start = System.nanoTime();
        // A benchmark is its own composition root: the load stamps the history up to the machine's now, as the demo does.
        int code = DemoCityMain.commandLine(java.time.Clock.systemUTC()).execute("load", "--data", dir.resolve("city").toString());
        long full = (System.nanoTime() - start) / 1_000_000;
        if (code != 0) {
            throw new IllegalStateException("load failed");
        }
        LOG.info("RESULT generate+load full city: {} ms; baseline raw inserts: {} ms; ratio {}; file {} MB; marker: {}",
                full, baseline, String.format("%.2f", (double) full / baseline),
                Files.size(dir.resolve("city/tongguan.mv.db")) >> 20,
                Files.readString(dir.resolve("city/democity.loaded")).strip());
        delete(dir);
    }

    /** Raw batch inserts of {@code cases} narrow case rows and {@code steps} timeline rows, then a compacting close. */
    static long baseline(Path dir, int cases, int steps) throws Exception {
        Files.createDirectories(dir);
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.toAbsolutePath().resolve("base"))) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE cases (id BIGINT PRIMARY KEY, case_no VARCHAR(20), state VARCHAR(24), "
                        + "district_code VARCHAR(12), reported_at BIGINT, description VARCHAR(2000))");
                s.execute("CREATE TABLE case_transitions (case_id BIGINT, seq INT, action VARCHAR(32), actor VARCHAR(64), "
                        + "at BIGINT, PRIMARY KEY (case_id, seq))");
            }
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO cases VALUES (?, ?, ?, ?, ?, ?)")) {
                for (int i = 1; i <= cases; i++) {
                    ps.setLong(1, i);
                    ps.setString(2, "2025" + i);
                    ps.setString(3, "closed");
                    ps.setString(4, "410702");
                    ps.setLong(5, 1_700_000_000_000L + i * 60_000L);
                    ps.setString(6, "西街社区附近发现暴露垃圾");
                    ps.addBatch();
                    if (i % 2_000 == 0) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO case_transitions VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < steps; i++) {
                    ps.setLong(1, i / 9 + 1);
                    ps.setInt(2, i % 9 + 1);
                    ps.setString(3, "dispatch");
                    ps.setString(4, "派遣员01");
                    ps.setLong(5, 1_700_000_000_000L + i * 1_000L);
                    ps.addBatch();
                    if (i % 18_000 == 0) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
                ps.executeBatch();
                c.commit();
            }
            try (Statement s = c.createStatement()) {
                s.execute("SHUTDOWN COMPACT");
            }
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    static void delete(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
