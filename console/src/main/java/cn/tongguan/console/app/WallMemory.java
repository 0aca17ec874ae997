package cn.tongguan.console.app;

import cn.tongguan.api.Cases;
import cn.tongguan.api.Failures;
import cn.tongguan.api.Lifeline;
import cn.tongguan.api.Reference;
import cn.tongguan.api.Stats;
import cn.tongguan.console.cache.CacheDatabase;
import cn.tongguan.console.cache.GeoStore;
import cn.tongguan.console.cache.WallStore;
import cn.tongguan.console.sync.WallRecall;
import cn.tongguan.console.wall.WallCaseMark;
import cn.tongguan.console.wall.WallPorts;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wall's memory between runs, as its composition uses it: opened on the event thread before the first
 * connection, fed with every state the wall reads, with the city's geography beside it ({@link #geo}), and asked whether a live wall is due to save again. Every
 * method is safe before {@link #open} succeeded (the wall then simply remembers nothing). Blocking; never on the FX
 * thread.
 */
final class WallMemory implements WallPorts.Memory {
    private static final Logger LOG = LoggerFactory.getLogger(WallMemory.class);
    /** How often a live wall saves the state it shows (it also saves every state it reads on (re)connection). */
    static final Duration SAVE_EVERY = Duration.ofMinutes(5);
    private static final String OPEN_CASES = "openCases";

    private final Path directory;
    private final ObjectMapper json;
    private final Clock clock;
    private volatile WallRecall recall;
    private volatile WallStore store;
    /** The city's geography as last downloaded (ADR 0125): the wall draws its map from here, platform or not. */
    private volatile CacheDatabase geoDatabase;
    private volatile GeoStore geo;
    private volatile Instant lastSaved = Instant.EPOCH;

    WallMemory(Path directory, ObjectMapper json, Clock clock) {
        this.directory = directory;
        this.json = json;
        this.clock = clock;
    }

    /** Opens the store and gives back what the last run saved, if anything. */
    Optional<WallRecall.Recalled> open() {
        try {
            // The geography is public and the wall's account masked: an unencrypted file; a damaged one is rebuilt.
            geoDatabase = CacheDatabase.openOrRebuild(directory, "geo", clock).db();
            geo = new GeoStore(geoDatabase);
        } catch (RuntimeException e) {
            LOG.warn("The wall starts without its saved geography: {}", e.toString(), Failures.bug(e));
        }
        try {
            store = WallStore.open(directory, String.valueOf(clock.millis()));
            recall = new WallRecall(store, json, clock);
            return recall.recall();
        } catch (RuntimeException e) {
            LOG.warn("The wall starts without its saved state: {}", e.toString(), Failures.bug(e));
            return Optional.empty();
        }
    }

    @Override
    public void loaded(List<Reference.Sensor> sensors, List<Lifeline.Alarm> active, List<Cases.Case> recent) {
        WallRecall memory = recall;
        if (memory != null) {
            memory.loaded(sensors, active, recent);
            lastSaved = clock.instant();
        }
    }

    /** The wall's copy of the city's geography; empty when its file could not be opened. */
    Optional<GeoStore> geo() {
        return Optional.ofNullable(geo);
    }

    @Override
    public void cameras(List<Reference.Camera> cameras) {
        WallRecall memory = recall;
        if (memory != null) {
            memory.cameras(cameras);
        }
    }

    /** Every open case the map shows, in the compact form of {@link WallCaseMark}. */
    @Override
    public void openCases(Collection<Cases.Case> open) {
        WallStore saved = store;
        if (saved != null) {
            try {
                saved.save(OPEN_CASES, json.writeValueAsString(open.stream().map(WallCaseMark::of).toList()),
                        clock.instant());
            } catch (IOException | RuntimeException e) {
                LOG.warn("The wall's open cases not saved: {}", e.toString(), Failures.bug(e));
            }
        }
    }

    /** The open cases last saved (empty when none were, or they cannot be read back). */
    Optional<List<Cases.Case>> savedOpenCases() {
        WallStore saved = store;
        try {
            return saved == null ? Optional.empty() : saved.load(OPEN_CASES).map(s -> read(s.json()));
        } catch (RuntimeException e) {
            LOG.warn("The wall's saved open cases cannot be read: {}", e.toString(), Failures.bug(e));
            return Optional.empty();
        }
    }

    private List<Cases.Case> read(String saved) {
        try {
            return json.readValue(saved, new TypeReference<List<WallCaseMark>>() { }).stream()
                    .map(WallCaseMark::toCase).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void today(Stats.Report today) {
        WallRecall memory = recall;
        if (memory != null) {
            memory.today(today);
        }
    }

    /** Whether a live wall should read its state again and save it. */
    @Override
    public boolean dueForSave() {
        return !clock.instant().isBefore(lastSaved.plus(SAVE_EVERY));
    }

    void close() {
        WallRecall memory = recall;
        if (memory != null) {
            memory.close();
        }
        CacheDatabase db = geoDatabase;
        if (db != null) {
            db.close();
        }
    }
}
