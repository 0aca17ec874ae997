package cn.tongguan.platform.geo;

import cn.tongguan.api.Geo;
import cn.tongguan.platform.auth.Role;
import cn.tongguan.platform.http.ApiException;
import cn.tongguan.platform.http.Call;
import cn.tongguan.platform.http.Router;
import cn.tongguan.platform.reference.ReferenceDataStore;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The served geography (ADR 0110): division polygons per level, the lines of the map per kind, every part in
 * columns. Each answer carries an ETag made of its layer's version and the query, so that a console that cached
 * it asks again with {@code If-None-Match} and gets 304 until the layer changes. Every signed-in role reads
 * them, the wall included: boundaries, roads and parts are public geography, no personal data.
 */
public final class GeoRoutes {
    /** Part codes as stored (GB/T 47678.5: 17 digits; imports may use letters and dashes). */
    private static final Pattern CURSOR = Pattern.compile("[A-Za-z0-9-]{1,32}");
    /** Bumped when a served form changes, so that caches of the old form miss. */
    private static final String FORM = "g1";

    private final ReferenceDataStore store;
    private final GeoLayers layers;
    private final PartsColumns parts;
    private final PartsBody whole;

    public GeoRoutes(ReferenceDataStore store, GeoLayers layers, PartsColumns parts) {
        this.store = store;
        this.layers = layers;
        this.parts = parts;
        this.whole = new PartsBody(parts, () -> store.version("parts"));
    }

    /** Builds the whole parts layer's bytes ahead of the consoles (blocking: call on a background thread). */
    public void primeParts() {
        whole.prime();
    }

    public void register(Router r) {
        geoJson(r, "/api/v1/geo/divisions", "level", Geo.DIVISION_LEVELS, "divisions", layers::divisions);
        geoJson(r, "/api/v1/geo/lines", "kind", Geo.LINE_KINDS, "lines", layers::lines);
        r.get("/api/v1/geo/parts", Role.ALL, c -> {
            String cursor = c.query("cursor");
            if (cursor != null && !CURSOR.matcher(cursor).matches()) {
                throw new ApiException(400, "invalid_parameter", Map.of("parameter", "cursor", "reason", "bad_format"), "cursor");
            }
            Integer limit = c.queryInt("limit", 1, 1_000_000);
            if (!notModified(c, etag("parts", cursor == null ? "" : cursor, limit == null ? "all" : String.valueOf(limit)))) {
                c.ctx().contentType("application/x-ndjson");
                if (cursor == null && limit == null) {
                    // The whole layer, as every console's first open asks for it: the bytes kept for this version.
                    String accepted = c.ctx().header("Accept-Encoding");
                    boolean gzip = accepted != null && accepted.toLowerCase(java.util.Locale.ROOT).contains("gzip");
                    c.ctx().header("Vary", "Accept-Encoding");
                    if (gzip) {
                        c.ctx().header("Content-Encoding", "gzip");
                    }
                    whole.write(gzip, c.ctx().outputStream());
                } else {
                    parts.write(cursor, limit, c.ctx().outputStream());
                }
            }
            return null;
        });
    }

    /** Writes one value of a layer ({@code level} or {@code kind}) at a zoom, or null for full detail. */
    @FunctionalInterface
    private interface LayerWriter {
        void write(String value, Integer zoom, java.io.OutputStream out) throws java.io.IOException;
    }

    /** A GeoJSON layer chosen by one required enum parameter, generalised by {@code zoom}, with its ETag. */
    private void geoJson(Router r, String path, String parameter, java.util.Set<String> allowed, String layer,
                         LayerWriter writer) {
        r.get(path, Role.ALL, c -> {
            String value = required(c, parameter, c.queryEnum(parameter, allowed));
            Integer zoom = c.queryInt("zoom", 0, 22);
            if (!notModified(c, etag(layer, value, zoom == null ? "full" : "z" + zoom))) {
                c.ctx().contentType("application/geo+json");
                writer.write(value, zoom, c.ctx().outputStream());
            }
            return null;
        });
    }

    private static String required(Call c, String name, String value) {
        if (value == null) {
            throw new ApiException(400, "invalid_parameter", Map.of("parameter", name, "reason", "required"), name);
        }
        return value;
    }

    private String etag(String layer, String a, String b) {
        return "\"" + FORM + "-" + store.version(layer) + "-" + a + "-" + b + "\"";
    }

    /** Sets the validators; true (and 304) when the caller's copy is the current one. */
    static boolean notModified(Call c, String etag) {
        c.ctx().header("ETag", etag);
        // The console keeps its copy and asks every time whether it is still current.
        c.ctx().header("Cache-Control", "private, no-cache");
        String match = c.ctx().header("If-None-Match");
        if (match == null) {
            return false;
        }
        for (String candidate : match.split(",")) {
            String t = candidate.strip();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals("*") || t.equals(etag)) {
                c.ctx().status(304);
                return true;
            }
        }
        return false;
    }
}
