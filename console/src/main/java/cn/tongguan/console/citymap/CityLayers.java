package cn.tongguan.console.citymap;

import cn.tongguan.console.i18n.Messages;
import cn.tongguan.map.Feature;
import cn.tongguan.map.FeatureLayer;
import cn.tongguan.map.LiveStatus;
import cn.tongguan.map.MapView;
import cn.tongguan.map.PointSymbol;
import cn.tongguan.map.Style;
import cn.tongguan.map.SymbolShape;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.paint.Color;
import org.locationtech.jts.geom.Envelope;

/**
 * The layers every map of the console draws the city with (issue 15): water, rail and roads as the base, the
 * division levels with their names, grids from district zoom, the parts by class. One home for the look, so the
 * seat's 一张图, the wall, the meeting and the case detail show the same city. {@code labelScale} enlarges the
 * names for a wall read from five metres. FX thread only.
 */
public final class CityLayers {
    /** Web-map zooms of the levels on a 1080p screen (the urban districts are some 30 km across). */
    public static final double DISTRICT_ZOOM = 12.5;
    public static final double STREET_ZOOM = 14;
    public static final double COMMUNITY_ZOOM = 15;
    public static final double PART_SYMBOL_ZOOM = 16;
    /** The layer ids, drawn in this order (later above earlier). */
    public static final List<String> IDS =
            List.of("district", "street", "community", "grid", "water", "rail", "road", "parts");
    private static final Color[] CLASS_COLOURS = {Color.web("#4fc3f7"), Color.web("#ffb74d"), Color.web("#aed581"),
        Color.web("#ba68c8"), Color.web("#f06292"), Color.web("#4db6ac"), Color.web("#fff176"), Color.web("#90a4ae")};

    /** The attribute the districts' label texts go in when {@link #labelDistricts} is used. */
    public static final String LABEL = "label";

    private final Messages messages;
    private final double labelScale;
    private final Map<String, FeatureLayer> layers = new LinkedHashMap<>();
    private Map<String, PointSymbol> classSymbols = Map.of();
    /** The districts as the geography gave them, and the texts they are labelled with instead of their names. */
    private List<Feature> districts = List.of();
    private Map<String, String> districtLabels;

    /**
     * @param labelScale 1 at a desk; larger on the wall (division and road names grow by this factor)
     */
    public CityLayers(Messages messages, double labelScale) {
        this.messages = messages;
        this.labelScale = labelScale;
        for (String id : IDS) {
            layers.put(id, new FeatureLayer(id, title(id), List.of(), style(id)));
        }
        layers.get("street").zoomRange(STREET_ZOOM - 1, 30);
        layers.get("community").zoomRange(COMMUNITY_ZOOM - 1, 30);
        layers.get("grid").zoomRange(DISTRICT_ZOOM, 30);
        // Roads drawn at every zoom, named along their course from street zoom (map-layers' line labels, ADR 0118).
        layers.get("road").labelsFrom(STREET_ZOOM + 1);
        layers.get("parts").aggregateBelow(PART_SYMBOL_ZOOM);
        for (String backdrop : List.of("water", "rail", "road")) {
            layers.get(backdrop).hitTestable(false);
        }
    }

    /** Puts the layers on {@code map} (replacing its layers) with the division levels as its drill-down. */
    public void install(MapView map) {
        map.getLayers().setAll(layers.values());
        map.setDrillDownLayers(List.of(layers.get("district"), layers.get("street"), layers.get("community"),
                layers.get("grid")));
    }

    public FeatureLayer layer(String id) {
        return layers.get(id);
    }

    public Collection<FeatureLayer> all() {
        return layers.values();
    }

    /** The geography's features on the layers; the parts get one symbol per class. */
    public void show(CityGeography geo) {
        districts = geo.districts();
        layers.get("district").setFeatures(labelled(districts));
        layers.get("street").setFeatures(geo.streets());
        layers.get("community").setFeatures(geo.communities());
        layers.get("grid").setFeatures(geo.grids());
        layers.get("water").setFeatures(geo.waters());
        layers.get("rail").setFeatures(geo.rails());
        layers.get("road").setFeatures(geo.roads());
        showParts(geo.parts(), geo.partClasses());
    }

    /** Only the parts (one symbol per class of {@code partClasses}, code → name), the other layers as they are. */
    public void showParts(List<Feature> parts, Map<String, String> partClasses) {
        Map<String, PointSymbol> symbols = new LinkedHashMap<>();
        SymbolShape[] shapes = SymbolShape.values();
        int i = 0;
        for (String name : partClasses.values()) {
            symbols.put(name, new PointSymbol(CLASS_COLOURS[i % CLASS_COLOURS.length], shapes[i % shapes.length]));
            i++;
        }
        classSymbols = Map.copyOf(symbols);
        layers.get("parts").setStyle(style("parts"));
        layers.get("parts").setFeatures(parts);
    }

    /**
     * Labels the districts with these texts (district code → text, e.g. the name with its open cases on the wall)
     * instead of their bare names; a district without one keeps its name. The texts go into a {@code label}
     * attribute of the features, so map-layers places them like any name, without collisions. Kept across
     * {@link #show}.
     */
    public void labelDistricts(Map<String, String> byCode) {
        districtLabels = Map.copyOf(byCode);
        FeatureLayer layer = layers.get("district");
        layer.setStyle(style("district"));
        layer.setFeatures(labelled(districts));
    }

    private List<Feature> labelled(List<Feature> features) {
        if (districtLabels == null) {
            return features;
        }
        return features.stream().map(f -> {
            Map<String, Object> attributes = new java.util.HashMap<>(f.attributes());
            String text = districtLabels.get(f.text("code"));
            attributes.put(LABEL, text == null ? f.text("name") : text);
            return new Feature(f.id(), f.geometry(), attributes);
        }).toList();
    }

    /** Features by their {@code code} attribute (a grid picked by its code: a hot spot, a case's grid). */
    public static Map<String, Feature> byCode(List<Feature> features) {
        Map<String, Feature> byCode = new java.util.HashMap<>();
        for (Feature f : features) {
            Object code = f.attributes().get("code");
            if (code != null) {
                byCode.putIfAbsent(String.valueOf(code), f);
            }
        }
        return Map.copyOf(byCode);
    }

    /**
     * 红/黄/绿 as the live overlay's colours; a case whose clock has not started (no light) is grey. Red is
     * {@code OVERDUE}, not {@code ALARM}: an overdue case is drawn red but does not blink like a sensor alarm
     * (decision 0147).
     */
    public static LiveStatus caseStatus(String light) {
        if (light == null) {
            return LiveStatus.OFFLINE;
        }
        return switch (light) {
            case "red" -> LiveStatus.OVERDUE;
            case "yellow" -> LiveStatus.PENDING;
            case "green" -> LiveStatus.NORMAL;
            default -> LiveStatus.OFFLINE;
        };
    }

    /** The extent of the districts (the whole city), or null before any are shown. */
    public Envelope cityExtent() {
        List<Feature> districts = layers.get("district").features();
        if (districts.isEmpty()) {
            return null;
        }
        Envelope all = new Envelope();
        districts.forEach(f -> all.expandToInclude(f.geometry().getEnvelopeInternal()));
        return all;
    }

    private String title(String layerId) {
        return switch (layerId) {
            case "district" -> messages.text("citymap.layer.district");
            case "street" -> messages.text("citymap.layer.street");
            case "community" -> messages.text("citymap.layer.community");
            case "grid" -> messages.text("citymap.layer.grid");
            case "water" -> messages.text("citymap.layer.water");
            case "rail" -> messages.text("citymap.layer.rail");
            case "road" -> messages.text("citymap.layer.road");
            default -> messages.text("citymap.layer.parts");
        };
    }

    private Style style(String id) {
        return switch (id) {
            case "district" -> Style.polygons(Color.web("#1b3a5c", 0.55), Color.web("#9cc9ff"), 2.5)
                    .withLabel(districtLabels == null ? "name" : LABEL, Color.web("#ffffff")).withLabelSize(16 * labelScale);
            case "street" -> Style.polygons(Color.TRANSPARENT, Color.web("#6fa8dc"), 1.5)
                    .withLabel("name", Color.web("#d6e9ff")).withLabelSize(12 * labelScale);
            case "community" -> Style.polygons(Color.TRANSPARENT, Color.web("#5f87ad", 0.9), 1)
                    .withLabel("name", Color.web("#b9d3ee")).withLabelSize(12 * labelScale);
            case "grid" -> Style.polygons(Color.TRANSPARENT, Color.web("#47698c", 0.7), 0.8);
            case "water" -> Style.polygons(Color.TRANSPARENT, Color.web("#3fa9f5"), 3);
            case "rail" -> Style.polygons(Color.TRANSPARENT, Color.web("#c39bd3"), 3);
            case "road" -> Style.lines(Color.web("#f2d49b", 0.85), 1.5).withLabel("name", Color.web("#f2d49b"))
                    .withLabelSize(13 * labelScale);
            default -> Style.points(Color.web("#4fc3f7"), 5).withClasses("class", classSymbols);
        };
    }
}
