package cn.tongguan.console.citymap;

import cn.tongguan.console.i18n.Messages;
import cn.tongguan.map.Feature;
import cn.tongguan.map.FeatureLayer;
import cn.tongguan.map.Style;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuButton;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.paint.Color;

/**
 * Heat per grid as a choropleth (issue 15): the grids filled by how many cases were reported in them in the chosen
 * period and class ({@link CityHeat}), drawn as a layer of its own just above the grid lines, switched on and
 * set from one menu in the bar. FX thread.
 */
final class HeatLayer {
    static final String ID = "heat";
    /** Empty, then four steps from pale yellow to deep red: readable over the dark base, the base still seen. */
    static final Color[] FILLS = {Color.TRANSPARENT, Color.web("#ffe082", 0.35), Color.web("#ffb74d", 0.45),
        Color.web("#ff7043", 0.55), Color.web("#d32f2f", 0.65)};

    private final Messages messages;
    private final CityHeat heat;
    private final Supplier<List<Feature>> grids;
    private final FeatureLayer layer;
    private CityHeat.Period period = CityHeat.Period.TODAY;
    private String bigCode;

    HeatLayer(Messages messages, CityHeat heat, Supplier<List<Feature>> grids) {
        this.messages = messages;
        this.heat = heat;
        this.grids = grids;
        this.layer = new FeatureLayer(ID, messages.text("citymap.layer.heat"), List.of(), style(4));
        layer.setVisible(false);
        layer.zoomRange(0, 30);
        layer.hitTestable(false);
        layer.visibleProperty().addListener((o, was, now) -> {
            if (now) {
                heat.load(period, bigCode);
            }
        });
        heat.countsProperty().addListener((o, was, now) -> show(now));
    }

    FeatureLayer layer() {
        return layer;
    }

    /** The menu: on/off, the period, the class (every class first). */
    void fill(MenuButton menu, Map<String, String> bigClasses) {
        menu.getItems().clear();
        CheckMenuItem on = new CheckMenuItem(messages.text("citymap.heat.show"));
        on.setId("heat-on");
        on.selectedProperty().bindBidirectional(layer.visibleProperty());
        menu.getItems().addAll(on, new SeparatorMenuItem());
        ToggleGroup periods = new ToggleGroup();
        for (CityHeat.Period p : CityHeat.Period.values()) {
            RadioMenuItem item = new RadioMenuItem(periodName(p));
            item.setId("heat-" + p.name());
            item.setToggleGroup(periods);
            item.setSelected(p == period);
            item.setOnAction(e -> choose(p, bigCode));
            menu.getItems().add(item);
        }
        menu.getItems().add(new SeparatorMenuItem());
        ToggleGroup classes = new ToggleGroup();
        Map<String, String> choices = new java.util.LinkedHashMap<>();
        choices.put("", messages.text("citymap.heat.allClasses"));
        choices.putAll(bigClasses);
        choices.forEach((code, name) -> {
            RadioMenuItem item = new RadioMenuItem(name);
            item.setId("heat-class-" + (code.isEmpty() ? "all" : code));
            item.setToggleGroup(classes);
            item.setSelected(code.equals(bigCode == null ? "" : bigCode));
            item.setOnAction(e -> choose(period, code.isEmpty() ? null : code));
            menu.getItems().add(item);
        });
    }

    void choose(CityHeat.Period p, String big) {
        period = p;
        bigCode = big;
        layer.setVisible(true);
        heat.load(period, bigCode);
    }

    /** The grids with their counts as attribute {@code heat}, coloured by breaks on the period's maximum. */
    private void show(CityHeat.Counts counts) {
        if (counts == null) {
            return;
        }
        List<Feature> filled = new ArrayList<>();
        for (Feature g : grids.get()) {
            Map<String, Object> a = new HashMap<>(g.attributes());
            a.put("heat", counts.of(g.id()));
            filled.add(new Feature(g.id(), g.geometry(), a));
        }
        layer.setStyle(style(counts.max()));
        layer.setFeatures(filled);
    }

    private static Style style(long max) {
        return Style.choropleth("heat", CityHeat.breaks(max), FILLS, Color.web("#47698c", 0.7), 0.8);
    }

    private String periodName(CityHeat.Period p) {
        return switch (p) {
            case TODAY -> messages.text("citymap.heat.today");
            case WEEK -> messages.text("citymap.heat.week");
            case MONTH -> messages.text("citymap.heat.month");
            case LAST_30_DAYS -> messages.text("citymap.heat.last30");
        };
    }
}
