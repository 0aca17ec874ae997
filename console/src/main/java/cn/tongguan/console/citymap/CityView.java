package cn.tongguan.console.citymap;

import java.util.Set;

/**
 * The last view of the 一张图, kept in the cache across restarts: centre, zoom, the layers switched off and the
 * part classes filtered out.
 */
public record CityView(double lng, double lat, double zoom, Set<String> hiddenLayers, Set<String> hiddenClasses) {
    public CityView {
        hiddenLayers = Set.copyOf(hiddenLayers);
        hiddenClasses = Set.copyOf(hiddenClasses);
    }
}
