package cn.tongguan.console.bench;

import cn.tongguan.api.Cases;
import cn.tongguan.api.Json;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * Writes an NDJSON snapshot like the platform's ({@code SnapshotHeader} line, then one case per line) of {@code n}
 * cases with the shape of two years of a city: about 98 % closed, the rest (a backlog of ~20,000 at a million)
 * spread over the open states.
 * Ids start at 10,000,000 so that they never meet the ids of a real platform started beside them.
 */
final class SyntheticSnapshot {
    static final long FIRST_ID = 10_000_000L;
    static final List<String> DISTRICTS = List.of("410702", "410703", "410704", "410711");
    static final List<String> SOURCES = List.of("inspector", "hotline_12319", "hotline_12345", "video_ai", "iot",
            "public", "superior");
    static final List<String> OPEN = List.of("reported", "verifying", "accepted", "filed", "dispatched", "handling",
            "feedback", "checking", "checked", "suspended");
    static final String[][] CLASSES = {{"06", "06010"}, {"06", "06012"}, {"09", "09006"}, {"09", "09009"},
        {"07", "07001"}, {"08", "08004"}, {"01", "01002"}, {"01", "01037"}};

    private SyntheticSnapshot() {
    }

    static void write(Path file, int n, Instant now) throws IOException {
        ObjectWriter json = Json.newMapper().writer();
        Random random = new Random(42);
        long span = 2L * 365 * 24 * 3600 * 1000;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write(json.writeValueAsBytes(new Cases.SnapshotHeader("snapshot", 0)));
            out.write('\n');
            for (int i = 0; i < n; i++) {
                long reported = now.toEpochMilli() - span + (span * i) / n;
                boolean open = random.nextInt(100) < 2 || i > n - 2000;
                String state = open ? OPEN.get(random.nextInt(OPEN.size())) : "closed";
                boolean dispatched = !open || OPEN.indexOf(state) >= 4;
                Instant dispatchedAt = dispatched ? Instant.ofEpochMilli(reported + 1_800_000) : null;
                Instant deadline = dispatched ? Instant.ofEpochMilli(reported + 1_800_000
                        + (4 + random.nextInt(44)) * 3_600_000L) : null;
                String[] cls = CLASSES[random.nextInt(CLASSES.length)];
                String district = DISTRICTS.get(random.nextInt(DISTRICTS.size()));
                String dept = dispatched ? "D0" + (1 + random.nextInt(9)) : null;
                Cases.Case c = new Cases.Case(FIRST_ID + i, String.format("2025%010d", i), state,
                        SOURCES.get(random.nextInt(SOURCES.size())), cls[1].startsWith("0") && cls[0].compareTo("06") < 0
                        ? "part" : "event", cls[0], cls[1], 113.8 + random.nextDouble() * 0.2,
                        35.25 + random.nextDouble() * 0.1, district, district + "00" + (1 + random.nextInt(9)),
                        district + "00100" + (1 + random.nextInt(9)), district + "001001" + String.format("%03d",
                        random.nextInt(999)), null, "新乡市平原路 " + i + " 号附近", "问题描述 " + i, "normal", "张三",
                        "13812345678", dept, open ? 3 : 9, Instant.ofEpochMilli(reported), Instant.ofEpochMilli(reported),
                        null, dispatchedAt, null, open ? null : Instant.ofEpochMilli(reported + 86_400_000), deadline,
                        dispatched ? 1 : null, dispatched ? "work_day" : null, dispatched ? "green" : null, false, 0, 0, 0, null,
                        deadline == null || dispatchedAt == null ? null
                                : dispatchedAt.plusMillis((long) ((deadline.toEpochMilli() - dispatchedAt.toEpochMilli()) * 0.8)));
                out.write(json.writeValueAsBytes(c));
                out.write('\n');
            }
        }
    }
}
