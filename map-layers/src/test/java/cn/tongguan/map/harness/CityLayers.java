package cn.tongguan.map.harness;

import cn.tongguan.map.FeatureLayer;
import cn.tongguan.map.PointSymbol;
import cn.tongguan.map.Style;
import cn.tongguan.map.SymbolShape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.paint.Color;

/** The layers of the 一张图 built from a {@link SyntheticCity}, styled for the dark wall theme. */
public final class CityLayers {
    public final FeatureLayer districts;
    public final FeatureLayer streets;
    public final FeatureLayer communities;
    public final FeatureLayer grids;
    public final FeatureLayer roads;
    public final FeatureLayer parts;

    public CityLayers(SyntheticCity city) {
        districts = new FeatureLayer("districts", "区县", city.districts,
                Style.polygons(Color.web("#1b3a5c", 0.55), Color.web("#5fa8ff"), 2)
                        .withLabel("name", Color.web("#e6f0ff"))).zoomRange(0, 30);
        streets = new FeatureLayer("streets", "街道", city.streets,
                Style.polygons(Color.TRANSPARENT, Color.web("#7fd1ff", 0.8), 1)
                        .withLabel("name", Color.web("#bfe6ff"))).zoomRange(11, 30);
        communities = new FeatureLayer("communities", "社区", city.communities,
                Style.polygons(Color.TRANSPARENT, Color.web("#9ad0a8", 0.55), 1)
                        .withLabel("name", Color.web("#d8f5e0"))).zoomRange(13, 30);
        grids = new FeatureLayer("grids", "单元网格", city.grids,
                Style.polygons(Color.web("#2a6f97", 0.10), Color.web("#4f8fb0", 0.45), 1)).zoomRange(15, 30);
        roads = new FeatureLayer("roads", "道路", city.roads,
                Style.polygons(Color.TRANSPARENT, Color.web("#6b7b8f", 0.9), 3)).zoomRange(12, 30)
                .hitTestable(false);
        Map<String, PointSymbol> symbols = new LinkedHashMap<>();
        symbols.put("井盖", new PointSymbol(Color.web("#4cc9f0"), SymbolShape.CIRCLE));
        symbols.put("路灯", new PointSymbol(Color.web("#ffd166"), SymbolShape.CIRCLE));
        symbols.put("行道树", new PointSymbol(Color.web("#52b788"), SymbolShape.TRIANGLE));
        symbols.put("垃圾箱", new PointSymbol(Color.web("#c77dff"), SymbolShape.SQUARE));
        symbols.put("消防栓", new PointSymbol(Color.web("#ef476f"), SymbolShape.DIAMOND));
        symbols.put("交通信号灯", new PointSymbol(Color.web("#ff9f1c"), SymbolShape.DIAMOND));
        parts = new FeatureLayer("parts", "城市部件", city.parts,
                Style.points(Color.web("#ffb347"), 3.5).withClasses("class", symbols))
                .aggregateBelow(16).zoomRange(9, 30);
    }

    public List<FeatureLayer> all() {
        return List.of(districts, streets, communities, grids, roads, parts);
    }

    public List<FeatureLayer> drillDown() {
        return List.of(districts, streets, communities, grids);
    }
}
