package cn.tongguan.console.citymap;

import cn.tongguan.map.Feature;
import java.util.List;
import java.util.Map;

/**
 * The layers of the 一张图 as features, read from the seat's cache: division levels coarse to fine, the grids,
 * the lines of the base (roads carry their {@code name}, drawn along them) and the parts (a point each, attribute
 * {@code class} = the class name).
 *
 * @param partClasses class code → name, in code order (the class filter and the legend)
 */
public record CityGeography(List<Feature> districts, List<Feature> streets, List<Feature> communities,
                            List<Feature> grids, List<Feature> roads, List<Feature> waters,
                            List<Feature> rails, List<Feature> parts, Map<String, String> partClasses) {
    public static CityGeography empty() {
        return new CityGeography(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), Map.of());
    }

    public boolean isEmpty() {
        return districts.isEmpty() && roads.isEmpty() && parts.isEmpty();
    }
}
