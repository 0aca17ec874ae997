package cn.tongguan.console.app;

import cn.tongguan.api.Failures;
import cn.tongguan.console.cache.GeoStore;
import cn.tongguan.console.citymap.CityGeography;
import cn.tongguan.console.citymap.CityGeographyReader;
import cn.tongguan.console.sync.GeoClient;
import cn.tongguan.console.sync.GeoSync;
import cn.tongguan.console.sync.PlatformClient;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The city's geography for the console's smaller maps (case detail, meeting): read from a console cache
 * ({@link GeoStore}); a cache that has none yet (the seat never opened its 一张图) is filled from the platform first
 * by {@link GeoSync}. Without the parts: these maps are not the 一张图, and 629,724 parts a second time would
 * double what the seat holds. Blocking; run on the background pool.
 */
final class MapGeography {
    private static final Logger LOG = LoggerFactory.getLogger(MapGeography.class);

    private MapGeography() {
    }

    /** Reads (filling first if empty) and hands the geography to each map on {@code fx}. */
    static void load(GeoStore store, PlatformClient platform, List<Consumer<CityGeography>> maps, Executor fx) {
        try {
            CityGeographyReader reader = new CityGeographyReader(store);
            CityGeography geo = reader.read(false);
            if (geo.districts().isEmpty()) {
                new GeoSync(new GeoClient(platform), store).refresh();
                geo = reader.read(false);
            }
            CityGeography loaded = geo;
            fx.execute(() -> maps.forEach(m -> m.accept(loaded)));
        } catch (RuntimeException e) {
            LOG.warn("The city's geography for a map not loaded: {}", e.toString(), Failures.bug(e));
        }
    }
}
