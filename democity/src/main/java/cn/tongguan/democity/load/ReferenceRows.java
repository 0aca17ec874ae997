package cn.tongguan.democity.load;

import cn.tongguan.api.Geo;
import cn.tongguan.api.Reference;
import cn.tongguan.democity.Area;
import cn.tongguan.democity.Camera;
import cn.tongguan.democity.CityLine;
import cn.tongguan.democity.DemoCity;
import cn.tongguan.democity.DemoCityExport;
import cn.tongguan.democity.LocalProjection;
import cn.tongguan.democity.Part;
import cn.tongguan.democity.PartClass;
import cn.tongguan.democity.UnitGrid;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The demo city as the platform's reference records (lng/lat, GeoJSON geometries). */
final class ReferenceRows {
    private final DemoCity city;
    private final LocalProjection projection;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> partNames;

    ReferenceRows(DemoCity city) {
        this.city = city;
        this.projection = city.projection();
        this.partNames = city.partClasses().stream().collect(Collectors.toMap(PartClass::code, PartClass::name));
    }

    List<Reference.Division> divisions() {
        List<Reference.Division> out = new ArrayList<>();
        for (Area a : city.areas()) {
            String parent = a.level() == Area.Level.DISTRICT ? null : a.parentCode();
            out.add(new Reference.Division(a.code(), a.name(), a.level().name().toLowerCase(Locale.ROOT), parent,
                    geometry(a)));
        }
        return out;
    }

    List<Reference.Grid> grids() {
        List<Reference.Grid> out = new ArrayList<>(city.grids().size());
        for (UnitGrid g : city.grids()) {
            out.add(new Reference.Grid(g.code(), g.communityCode(), g.code().substring(0, 9), g.code().substring(0, 6),
                    tree(DemoCityExport.geoJson(g.shape(), projection))));
        }
        return out;
    }

    List<Reference.Part> parts(int from, int to) {
        List<Reference.Part> out = new ArrayList<>(to - from);
        for (Part p : city.parts().subList(from, to)) {
            out.add(new Reference.Part(p.code(), p.classCode(), partNames.get(p.classCode()), projection.lng(p.x()),
                    projection.lat(p.y()), p.gridCode(), p.departmentCode(), p.state().name(), p.road(), p.number()));
        }
        return out;
    }

    /**
     * The lines of the map: ids stable for a seed, by kind in the order of lines.csv ({@code road-0001},
     * {@code water-0001}, {@code rail-0001}), the generated streets after them ({@code street-0001}).
     */
    List<Geo.Line> lines() {
        List<Geo.Line> out = new ArrayList<>();
        Map<String, Integer> sequence = new java.util.HashMap<>();
        for (CityLine l : city.lines()) {
            String prefix = l.generated() ? "street" : l.kind().name().toLowerCase(Locale.ROOT);
            int n = sequence.merge(prefix, 1, Integer::sum);
            out.add(new Geo.Line(String.format(Locale.ROOT, "%s-%04d", prefix, n), l.kind().name().toLowerCase(Locale.ROOT),
                    l.name(), l.lineClass(), l.generated(), tree(DemoCityExport.lineJson(l.shape(), projection))));
        }
        return out;
    }

    List<Reference.Camera> cameras() {
        List<Reference.Camera> out = new ArrayList<>();
        for (Camera c : city.cameras()) {
            out.add(new Reference.Camera(c.id(), c.name(), projection.lng(c.x()), projection.lat(c.y()), c.mainUrl(),
                    "online"));
        }
        return out;
    }

    private JsonNode geometry(Area a) {
        return tree(DemoCityExport.geoJson(a.shape(), projection));
    }

    private JsonNode tree(String geoJson) {
        try {
            return json.readTree(geoJson);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("generated GeoJSON is invalid", e);
        }
    }
}
