package cn.tongguan.console.sync;

import cn.tongguan.api.Failures;
import cn.tongguan.console.cache.GeoStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the seat's copy of the city's geography up to date (ADR 0120): each layer is asked for with the ETag it
 * was stored with, so a warm start costs one 304 per layer; a changed layer replaces the stored one. The unit
 * grids have no ETag yet (ADR 0110): they are downloaded once and kept.
 */
public final class GeoSync {
    private static final Logger LOG = LoggerFactory.getLogger(GeoSync.class);
    /** Stored layer name → the route that serves it. */
    public static final List<String> GEOJSON_LAYERS = List.of("divisions/district", "divisions/street",
            "divisions/community", "lines/road", "lines/water", "lines/rail");
    public static final String GRIDS = "grids";

    private final GeoClient client;
    private final GeoStore store;

    public GeoSync(GeoClient client, GeoStore store) {
        this.client = client;
        this.store = store;
    }

    /**
     * What one refresh did: the layers downloaded and the layers the platform said were current (304).
     * {@code failed} lists the layers that could not be asked (their stored copy, if any, stays).
     */
    public record Outcome(List<String> downloaded, List<String> current, List<String> failed) {
    }

    /** Blocking: call on a background thread. */
    public Outcome refresh() {
        List<String> downloaded = new ArrayList<>();
        List<String> current = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (String layer : GEOJSON_LAYERS) {
            try {
                GeoClient.Answer answer = client.geoJson(route(layer), store.etag(layer).orElse(null));
                if (answer.notModified()) {
                    current.add(layer);
                } else {
                    store.put(layer, answer.etag(), answer.body());
                    downloaded.add(layer);
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("Map layer {} not refreshed (the stored copy stays): {}", layer, e.toString(), Failures.bug(e));
                failed.add(layer);
            }
        }
        try {
            if (store.has(GRIDS)) {
                current.add(GRIDS);
            } else {
                store.put(GRIDS, null, client.geoJson("/api/v1/grids", null).body());
                downloaded.add(GRIDS);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Grids not loaded for the map: {}", e.toString(), Failures.bug(e));
            failed.add(GRIDS);
        }
        try {
            String tag = client.parts(store.etag(GeoStore.PARTS).orElse(null),
                    (etag, parts) -> store.replaceParts(etag, parts));
            (tag == null ? current : downloaded).add(GeoStore.PARTS);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Parts not refreshed for the map (the stored copy stays): {}", e.toString(), Failures.bug(e));
            failed.add(GeoStore.PARTS);
        }
        LOG.info("Map layers: {} downloaded, {} current, {} failed", downloaded, current, failed);
        return new Outcome(List.copyOf(downloaded), List.copyOf(current), List.copyOf(failed));
    }

    /** {@code divisions/street} → {@code /api/v1/geo/divisions?level=street}. */
    public static String route(String layer) {
        String[] p = layer.split("/");
        return "/api/v1/geo/" + p[0] + "?" + ("divisions".equals(p[0]) ? "level=" : "kind=") + p[1];
    }
}
