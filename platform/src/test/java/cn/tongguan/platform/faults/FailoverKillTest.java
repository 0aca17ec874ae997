package cn.tongguan.platform.faults;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.api.Json;
import cn.tongguan.platform.support.TestDatabases;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two platform instances (separate JVMs) serve one city on one PostgreSQL (ADR 0101) while four seats work through
 * their outboxes, half of them starting on each instance and moving to the other when theirs does not answer (the
 * console's failover, ADR 0100); two SSE subscribers follow, one starting on each. One instance at a time is killed
 * with SIGKILL at random (seeded) moments and restarted a little later. At the end: every action reached the
 * platform exactly once, case numbers were never given twice, each subscriber saw every event in id order whichever
 * instance wrote it (none missing against a replay from the start, none reused), and no subscriber was told to
 * resync.
 * <p>
 * CI size: 3 kills. Full size: {@code -Dtongguan.failover.kills=100} (docs/benchmarks.md, "Failover").
 */
@Timeout(3600)
class FailoverKillTest {
    private static final Logger LOG = LoggerFactory.getLogger(FailoverKillTest.class);
    private static final ObjectMapper JSON = Json.newMapper();
    private static final int KILLS = Integer.getInteger("tongguan.failover.kills", 3);
    private static final long SEED = Long.getLong("tongguan.kills.seed", 14L);
    private static final List<String> SEATS = List.of("inspector", "operator", "shift_leader", "dispatcher");

    @TempDir
    Path dir;

    @Test
    void seatsCarryOnThroughTheOtherInstanceAndNothingIsLostOrDoubled() throws Exception {
        List<String> dbArgs = List.of("--db", "postgresql", "--jdbc-url", TestDatabases.fresh(TestDatabases.PG, null));
        long began = System.nanoTime();
        Random random = new Random(SEED);
        try (PlatformProcess a = new PlatformProcess(dir.resolve("a"), dbArgs, List.of());
             PlatformProcess b = new PlatformProcess(dir.resolve("b"), dbArgs, List.of())) {
            // One after the other: the first creates the schema and the demo accounts.
            a.start(Duration.ofSeconds(90));
            b.start(Duration.ofSeconds(90));
            int[] ab = {a.port(), b.port()};
            int[] ba = {b.port(), a.port()};
            List<Seat> seats = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < SEATS.size(); i++) {
                Seat seat = new Seat(SEATS.get(i), i % 2 == 0 ? ab : ba, SEED * 31 + i, JSON);
                seats.add(seat);
                threads.add(new Thread(seat, "seat-" + SEATS.get(i)));
            }
            List<SseFollower> live = List.of(new SseFollower(ab, "leader", JSON), new SseFollower(ba, "leader", JSON));
            for (int i = 0; i < live.size(); i++) {
                threads.add(new Thread(live.get(i), "sse-live-" + i));
            }
            threads.forEach(Thread::start);
            int[] killedOf = new int[2];
            for (int k = 0; k < KILLS; k++) {
                Thread.sleep(800 + random.nextInt(1500));
                int which = random.nextInt(2);
                PlatformProcess victim = which == 0 ? a : b;
                victim.kill();
                killedOf[which]++;
                // The seats work on through the other instance meanwhile.
                Thread.sleep(300 + random.nextInt(1500));
                victim.start(Duration.ofSeconds(90));
            }
            KillTest.drain(seats);
            HttpClient http = HttpClient.newHttpClient();
            Map<String, String> caseNoOfTag = new HashMap<>();
            List<String> problems = new ArrayList<>();
            KillTest.Counts counts = KillTest.count(http, a.port(), seats, caseNoOfTag, problems);

            // The whole log from the start, read from one instance: what each live subscriber saw is all there.
            SseFollower replay = new SseFollower(new int[] {b.port()}, "leader", JSON);
            Thread replayThread = new Thread(replay, "sse-replay");
            replayThread.start();
            long seenUpTo = live.stream().mapToLong(SseFollower::lastId).max().orElse(0);
            KillTest.waitFor(() -> replay.lastId() >= seenUpTo, Duration.ofSeconds(60));
            replay.stop();
            int eventsLost = 0;
            int eventsReused = 0;
            int eventsMissed = 0;
            for (SseFollower f : live) {
                f.stop();
                for (Map.Entry<Long, String> e : f.seen().entrySet()) {
                    String after = replay.seen().get(e.getKey());
                    if (after == null) {
                        eventsLost++;
                    } else if (!after.equals(e.getValue())) {
                        eventsReused++;
                    }
                }
                // Every event of the log up to where this subscriber got, whichever instance wrote it.
                long upTo = f.lastId();
                eventsMissed += (int) replay.seen().keySet().stream().filter(id -> id <= upTo && !f.seen().containsKey(id)).count();
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            LOG.info(String.format(Locale.ROOT, "Failover test on two instances over one PostgreSQL, %d kills (%d of A, %d of B) "
                    + "in %.1f s: actions sent %d, acknowledged %d (refusals %d), on the platform exactly once %d, lost %d, "
                    + "doubled %d; events in the log %d, seen live %d + %d, lost %d, missed %d, id reused %d, out of order %d, "
                    + "resync %d; case numbers %d distinct", KILLS, killedOf[0], killedOf[1], seconds, counts.sent(),
                    counts.acknowledged(), counts.refused(), counts.once(), counts.lost(), counts.doubled(),
                    replay.seen().size(), live.get(0).seen().size(), live.get(1).seen().size(), eventsLost, eventsMissed,
                    eventsReused, live.get(0).violations().size() + live.get(1).violations().size(),
                    live.get(0).resyncs() + live.get(1).resyncs(), caseNoOfTag.size()));
            assertThat(problems).as("case numbers and answers").isEmpty();
            assertThat(counts.sent()).isGreaterThan(KILLS);
            assertThat(counts.lost()).as("actions lost").isZero();
            assertThat(counts.doubled()).as("actions doubled").isZero();
            assertThat(counts.once()).isEqualTo(counts.sent());
            assertThat(eventsLost).as("events seen live that the platform does not have").isZero();
            assertThat(eventsReused).as("event ids given to another event").isZero();
            assertThat(eventsMissed).as("events a subscriber never received").isZero();
            for (SseFollower f : live) {
                assertThat(f.seen()).isNotEmpty();
                assertThat(f.violations()).isEmpty();
                assertThat(f.resyncs()).as("resync").isZero();
            }
            assertThat(replay.violations()).isEmpty();
        }
    }
}
