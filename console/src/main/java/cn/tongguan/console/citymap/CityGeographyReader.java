package cn.tongguan.console.citymap;

import cn.tongguan.console.cache.GeoPart;
import cn.tongguan.console.cache.GeoStore;
import cn.tongguan.console.sync.GeoSync;
import cn.tongguan.map.Feature;
import cn.tongguan.map.GeoJsonImporter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Reads the city's geography from a console cache ({@link GeoStore}) as map features: one home for how the
 * cached layers become {@link CityGeography}, shared by every map of the console. Blocking; never on the FX
 * thread. Unreadable or missing layers come back empty.
 */
public final class CityGeographyReader {
    private final GeoStore store;
    private final GeometryFactory geometry = new GeometryFactory();

    public CityGeographyReader(GeoStore store) {
        this.store = store;
    }

    /** Every layer, the parts included. */
    public CityGeography read() {
        return read(true);
    }

    /** The layers; without the parts when {@code withParts} is false (a small map that never shows them). */
    public CityGeography read(boolean withParts) {
        Map<String, String> classes = new TreeMap<>();
        List<Feature> parts = new ArrayList<>();
        if (withParts) {
            parts(p -> true, classes, parts);
        }
        return new CityGeography(layer("divisions/district"), layer("divisions/street"),
                layer("divisions/community"), layer(GeoSync.GRIDS), layer("lines/road"), layer("lines/water"),
                layer("lines/rail"), List.copyOf(parts), classes);
    }

    /**
     * Only the parts inside {@code area} (lng/lat), with every class of the city (so that a small map gives each
     * class the colour the 一张图 gives it): the case detail's street-zoom neighbourhood. The other layers are empty.
     */
    public CityGeography partsIn(Envelope area) {
        Map<String, String> classes = new TreeMap<>();
        List<Feature> parts = new ArrayList<>();
        parts(p -> area.contains(p.lng(), p.lat()), classes, parts);
        return new CityGeography(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.copyOf(parts), classes);
    }

    private void parts(Predicate<GeoPart> wanted, Map<String, String> classes, List<Feature> parts) {
        // One attribute map per class, shared by its parts: 629,724 parts are a few dozen classes.
        Map<String, Map<String, Object>> attributes = new HashMap<>();
        store.parts(p -> {
            String code = p.classCode() == null ? "" : p.classCode();
            Map<String, Object> shared = attributes.computeIfAbsent(code, c -> {
                String name = p.className() == null ? c : p.className();
                if (!c.isEmpty()) {
                    classes.put(c, name);
                }
                return Map.of("class", name, "classCode", c);
            });
            if (wanted.test(p)) {
                parts.add(new Feature(p.code(), geometry.createPoint(new Coordinate(p.lng(), p.lat())), shared));
            }
        });
    }

    private List<Feature> layer(String name) {
        return store.body(name).map(body -> new GeoJsonImporter().read(body).features()).orElse(List.of());
    }
}
