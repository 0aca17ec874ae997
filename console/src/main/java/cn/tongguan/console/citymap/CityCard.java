package cn.tongguan.console.citymap;

import java.util.List;

/** What a click on the map shows: a title and its facts, one per line. */
public record CityCard(String title, List<String> lines) {
}
