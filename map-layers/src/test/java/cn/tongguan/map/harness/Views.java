package cn.tongguan.map.harness;

import cn.tongguan.map.MapViewState;

/** The three reference views of the screenshots and benchmarks. */
public final class Views {
    public static final MapViewState CITY = new MapViewState(114.05, 35.25, 9.6);
    public static final MapViewState DISTRICT = new MapViewState(113.895, 35.305, 13.2);
    public static final MapViewState STREET = new MapViewState(113.8985, 35.2985, 17);

    private Views() {
    }

    public static MapViewState named(String name) {
        return switch (name) {
            case "district" -> DISTRICT;
            case "street" -> STREET;
            default -> CITY;
        };
    }
}
