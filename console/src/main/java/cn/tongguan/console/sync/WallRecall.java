package cn.tongguan.console.sync;

import cn.tongguan.api.Cases;
import cn.tongguan.api.Failures;
import cn.tongguan.api.Lifeline;
import cn.tongguan.api.Reference;
import cn.tongguan.api.Stats;
import cn.tongguan.console.cache.WallStore;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the wall remembers between runs: each piece of the platform's state it read is saved as it arrives
 * (blocking; background threads only), and {@link #recall} gives it all back, with the time of the oldest of the
 * live pieces, for a wall that starts while the platform is away. A piece that cannot be read back is left out.
 */
public final class WallRecall implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WallRecall.class);

    /** The state last saved; lists are never null, {@code gridsGeoJson} and {@code today} may be. */
    public record Recalled(List<Reference.Sensor> sensors, List<Lifeline.Alarm> alarms, List<Cases.Case> recent,
                           List<Reference.Camera> cameras, String gridsGeoJson, Stats.Report today, Instant savedAt) {
    }

    private final WallStore store;
    private final ObjectMapper json;
    private final Clock clock;

    public WallRecall(WallStore store, ObjectMapper json, Clock clock) {
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    /** The state the wall starts from (sensors, active alarms, latest cases), read just now from the platform. */
    public void loaded(List<Reference.Sensor> sensors, List<Lifeline.Alarm> alarms, List<Cases.Case> recent) {
        Instant at = clock.instant();
        save("sensors", sensors, at);
        save("alarms", alarms, at);
        save("recent", recent, at);
    }

    public void cameras(List<Reference.Camera> cameras) {
        save("cameras", cameras, clock.instant());
    }

    public void grids(String geoJson) {
        try {
            store.save("grids", geoJson, clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("Wall grids not saved: {}", e.toString(), Failures.bug(e));
        }
    }

    public void today(Stats.Report today) {
        save("today", today, clock.instant());
    }

    private void save(String name, Object value, Instant at) {
        try {
            store.save(name, json.writeValueAsString(value), at);
        } catch (IOException | RuntimeException e) {
            // Remembering is best effort: the live wall never stops for its memory.
            LOG.warn("Wall state {} not saved: {}", name, e.toString(), Failures.bug(e));
        }
    }

    /** Everything saved, or empty when the wall never had the live state (sensors, alarms and cases) saved. */
    public Optional<Recalled> recall() {
        try {
            Optional<WallStore.Saved> sensors = store.load("sensors");
            Optional<WallStore.Saved> alarms = store.load("alarms");
            Optional<WallStore.Saved> recent = store.load("recent");
            if (sensors.isEmpty() || alarms.isEmpty() || recent.isEmpty()) {
                return Optional.empty();
            }
            Instant savedAt = List.of(sensors.get(), alarms.get(), recent.get()).stream().map(WallStore.Saved::savedAt)
                    .min(Instant::compareTo).orElseThrow();
            return Optional.of(new Recalled(
                    json.readValue(sensors.get().json(), new TypeReference<List<Reference.Sensor>>() { }),
                    json.readValue(alarms.get().json(), new TypeReference<List<Lifeline.Alarm>>() { }),
                    json.readValue(recent.get().json(), new TypeReference<List<Cases.Case>>() { }),
                    read("cameras", new TypeReference<List<Reference.Camera>>() { }).orElse(List.of()),
                    store.load("grids").map(WallStore.Saved::json).orElse(null),
                    read("today", new TypeReference<Stats.Report>() { }).orElse(null),
                    savedAt));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Wall state saved earlier cannot be read back: {}", e.toString(), Failures.bug(e));
            return Optional.empty();
        }
    }

    private <T> Optional<T> read(String name, TypeReference<T> type) throws IOException {
        Optional<WallStore.Saved> saved = store.load(name);
        return saved.isEmpty() ? Optional.empty() : Optional.of(json.readValue(saved.get().json(), type));
    }

    @Override
    public void close() {
        store.close();
    }
}
