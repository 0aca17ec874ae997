package cn.tongguan.map;

import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * One thing on the map: a JTS geometry in lng/lat degrees (EPSG:4326, x = lng, y = lat) with its attributes.
 * Immutable as far as this library is concerned: the map never writes to the geometry or the attribute map.
 *
 * @param id stable identifier (a division code, a part code…), unique within its layer
 * @param geometry any JTS geometry; collections are drawn part by part
 * @param attributes free attributes, e.g. {@code name}, {@code class}, {@code status}
 */
public record Feature(String id, Geometry geometry, Map<String, Object> attributes) {
    public Feature {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(geometry, "geometry");
        attributes = attributes == null ? Map.of() : attributes;
    }

    /** An attribute as text, or {@code ""} when absent. */
    public String text(String attribute) {
        Object value = attribute == null ? null : attributes.get(attribute);
        return value == null ? "" : value.toString();
    }
}
