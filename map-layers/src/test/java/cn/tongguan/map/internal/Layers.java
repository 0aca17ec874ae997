package cn.tongguan.map.internal;

import cn.tongguan.map.Feature;
import cn.tongguan.map.FeatureLayer;
import cn.tongguan.map.PointSymbol;
import cn.tongguan.map.Style;
import cn.tongguan.map.SymbolShape;
import java.util.List;
import java.util.Map;
import javafx.scene.paint.Color;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** Small fixtures for renderer tests. */
final class Layers {
    static final GeometryFactory FACTORY = new GeometryFactory();
    static final Color MANHOLE = Color.web("#4cc9f0");

    private Layers() {
    }

    static Geometry wkt(String text) {
        try {
            return new WKTReader(FACTORY).read(text);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Feature point(String id, double lng, double lat, String cls) {
        return new Feature(id, FACTORY.createPoint(new Coordinate(lng, lat)), Map.of("class", cls));
    }

    static FeatureLayer parts(List<Feature> features, double aggregateBelow) {
        Style style = Style.points(Color.web("#ffb347"), 3)
                .withClasses("class", Map.of("井盖", new PointSymbol(MANHOLE, SymbolShape.CIRCLE)));
        return new FeatureLayer("parts", "城市部件", features, style).aggregateBelow(aggregateBelow);
    }

    static CompiledLayer compile(FeatureLayer layer) {
        return CompiledLayer.compile(layer, layer.versionProperty().get(), layer.features(),
                CompiledLayer.Settings.of(layer));
    }
}
