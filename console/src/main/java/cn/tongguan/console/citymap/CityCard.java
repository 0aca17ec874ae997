package cn.tongguan.console.citymap;

import java.util.List;

/**
 * What a click on the map shows: a title and its facts, one per line; a sensor's card ({@code kind} "sensor")
 * carries its trend, a camera's ("camera") a 播放 button, both for the thing {@code target} names.
 */
public record CityCard(String title, List<String> lines, String kind, String target) {
    public CityCard {
        lines = List.copyOf(lines);
    }

    /** A card of facts only (a division, a grid, a part). */
    public CityCard(String title, List<String> lines) {
        this(title, lines, null, null);
    }
}
