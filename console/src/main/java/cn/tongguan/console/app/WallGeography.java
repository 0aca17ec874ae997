package cn.tongguan.console.app;

import cn.tongguan.api.Failures;
import cn.tongguan.console.citymap.CityGeography;
import cn.tongguan.console.citymap.CityGeographyReader;
import cn.tongguan.console.sync.GeoClient;
import cn.tongguan.console.sync.GeoSync;
import cn.tongguan.console.sync.PlatformClient;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wall's geography (ADR 0125): read from the wall's own copy ({@link WallMemory#geo}) and handed to its maps;
 * refreshed from the platform on the background pool once the event stream is open, until one refresh had every layer
 * answer, one refresh at a time, the maps redrawn only when a layer was downloaded.
 */
final class WallGeography {
    private static final Logger LOG = LoggerFactory.getLogger(WallGeography.class);
    /** The wall shows the parts (density at city zoom, class symbols at street zoom): issue 15 asks for them. */
    private static final boolean WITH_PARTS = true;

    private final WallMemory memory;
    private final PlatformClient platform;
    private final Executor background;
    /** Called on the FX thread with each geography read. */
    private final Consumer<CityGeography> show;
    private final Executor fx;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile boolean current;

    WallGeography(WallMemory memory, PlatformClient platform, Executor background, Executor fx,
                  Consumer<CityGeography> show) {
        this.memory = memory;
        this.platform = platform;
        this.background = background;
        this.fx = fx;
        this.show = show;
    }

    /** Blocking: the wall's copy onto its maps (nothing when it has none yet). */
    void read() {
        memory.geo().ifPresent(store -> {
            try {
                CityGeography geo = new CityGeographyReader(store).read(WITH_PARTS);
                if (!geo.isEmpty()) {
                    fx.execute(() -> show.accept(geo));
                }
            } catch (RuntimeException e) {
                LOG.warn("The wall's saved geography cannot be read: {}", e.toString(), Failures.bug(e));
            }
        });
    }

    /** Once the stream is open: asks the platform what changed, unless a refresh already had every layer answer. */
    void refreshIfDue() {
        if (!current && refreshing.compareAndSet(false, true)) {
            background.execute(this::refresh);
        }
    }

    private void refresh() {
        try {
            memory.geo().ifPresent(store -> {
                GeoSync.Outcome outcome = new GeoSync(new GeoClient(platform), store).refresh();
                current = outcome.failed().isEmpty();
                if (!outcome.downloaded().isEmpty()) {
                    read();
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("The wall's geography not refreshed: {}", e.toString(), Failures.bug(e));
        } finally {
            refreshing.set(false);
        }
    }
}
