package cn.tongguan.map.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.map.Feature;
import cn.tongguan.map.FeatureLayer;
import cn.tongguan.map.Style;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

class TileRendererTest {
    private static final int BACKGROUND = 0xff000000;
    private static final double LNG = 113.9;
    private static final double LAT = 35.3;

    private static int pixelOf(int[] tile, TileKey key, double lng, double lat) {
        double scale = WebMercator.worldSize(key.z());
        int x = (int) ((WebMercator.x(lng) - key.minX()) * scale);
        int y = (int) ((WebMercator.y(lat) - key.minY()) * scale);
        return tile[y * 256 + x];
    }

    @Test
    void atStreetZoomEveryPartIsDrawnInItsClassColour() {
        CompiledLayer layer = Layers.compile(Layers.parts(List.of(Layers.point("p1", LNG, LAT, "井盖")), 16));
        TileKey key = TileKey.containing(16, WebMercator.x(LNG), WebMercator.y(LAT));
        int[] tile = new TileRenderer().render(key, List.of(layer), BACKGROUND);
        assertThat(pixelOf(tile, key, LNG, LAT)).isEqualTo(Raster.argb(Layers.MANHOLE));
    }

    @Test
    void belowTheAggregationZoomPartsBecomeADensityCell() {
        List<Feature> many = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            many.add(Layers.point("p" + i, LNG + i * 1e-7, LAT, "井盖"));
        }
        CompiledLayer layer = Layers.compile(Layers.parts(many, 16));
        TileKey key = TileKey.containing(15, WebMercator.x(LNG), WebMercator.y(LAT));
        int[] tile = new TileRenderer().render(key, List.of(layer), BACKGROUND);
        int pixel = pixelOf(tile, key, LNG, LAT);
        // a density cell takes the layer's base colour (not the class symbol) at full strength for 300 parts
        assertThat(pixel).isEqualTo(Raster.argb(Color.web("#ffb347")));
        assertThat(pixel).isNotEqualTo(Raster.argb(Layers.MANHOLE));
    }

    @Test
    void aSinglePartInADensityCellIsFaint() {
        CompiledLayer layer = Layers.compile(Layers.parts(List.of(Layers.point("p1", LNG, LAT, "井盖")), 16));
        TileKey key = TileKey.containing(12, WebMercator.x(LNG), WebMercator.y(LAT));
        int[] tile = new TileRenderer().render(key, List.of(layer), BACKGROUND);
        int pixel = pixelOf(tile, key, LNG, LAT);
        assertThat((pixel >> 16) & 0xff).isBetween(40, 90);
        assertThat(TileRenderer.densityAlpha(1)).isEqualTo(0.25);
        assertThat(TileRenderer.densityAlpha(256)).isEqualTo(1.0);
    }

    @Test
    void polygonsAreFilledAndLayersOutsideTheirZoomRangeAreNot() {
        Feature square = new Feature("g", Layers.wkt("POLYGON ((113.89 35.29, 113.91 35.29, 113.91 35.31, 113.89 35.31, 113.89 35.29))"),
                Map.of());
        FeatureLayer grids = new FeatureLayer("grids", "网格", List.of(square),
                Style.polygons(Color.RED, Color.TRANSPARENT, 1)).zoomRange(14, 30);
        CompiledLayer layer = Layers.compile(grids);
        TileKey at14 = TileKey.containing(14, WebMercator.x(LNG), WebMercator.y(LAT));
        TileKey at13 = at14.parent();
        assertThat(pixelOf(new TileRenderer().render(at14, List.of(layer), BACKGROUND), at14, LNG, LAT))
                .isEqualTo(0xffff0000);
        assertThat(pixelOf(new TileRenderer().render(at13, List.of(layer), BACKGROUND), at13, LNG, LAT))
                .isEqualTo(BACKGROUND);
    }

    @Test
    void aPolygonWithManyHolesKeepsAllOfThem() {
        StringBuilder wkt = new StringBuilder("POLYGON ((113.80 35.20, 114.00 35.20, 114.00 35.40, 113.80 35.40, 113.80 35.20)");
        for (int i = 0; i < 80; i++) {
            double x = 113.801 + i * 0.0024;
            wkt.append(String.format(java.util.Locale.ROOT, ", (%f 35.299, %f 35.299, %f 35.301, %f 35.301, %f 35.299)",
                    x, x + 0.001, x + 0.001, x, x));
        }
        wkt.append(')');
        Feature holes = new Feature("h", Layers.wkt(wkt.toString()), Map.of());
        CompiledLayer layer = Layers.compile(new FeatureLayer("h", "h", List.of(holes),
                Style.polygons(Color.RED, Color.TRANSPARENT, 1)));
        double lastHoleLng = 113.801 + 79 * 0.0024 + 0.0005;
        TileKey key = TileKey.containing(16, WebMercator.x(lastHoleLng), WebMercator.y(LAT));
        int[] tile = new TileRenderer().render(key, List.of(layer), BACKGROUND);
        assertThat(pixelOf(tile, key, lastHoleLng, LAT)).isEqualTo(BACKGROUND);
    }

    @Test
    void aChoroplethFillsEachPolygonInTheColourOfItsClassAndLeavesFeaturesWithoutValueUnfilled() {
        Color[] fills = {Color.rgb(0, 200, 0), Color.rgb(250, 200, 0), Color.rgb(230, 0, 0)};
        List<Feature> grids = new ArrayList<>();
        double[] values = {2, 10, 30, Double.NaN};
        for (int i = 0; i < values.length; i++) {
            double x = LNG + i * 0.0004;
            Map<String, Object> attributes = Double.isNaN(values[i]) ? Map.of() : Map.of("cases", values[i]);
            grids.add(new Feature("g" + i, Layers.wkt(String.format(java.util.Locale.ROOT,
                    "POLYGON((%f %f, %f %f, %f %f, %f %f, %f %f))", x, LAT, x + 0.0003, LAT, x + 0.0003, LAT + 0.0003,
                    x, LAT + 0.0003, x, LAT)), attributes));
        }
        CompiledLayer layer = Layers.compile(new FeatureLayer("grids", "网格", grids,
                Style.choropleth("cases", new double[] {5, 20}, fills, Color.TRANSPARENT, 1)));
        for (int z : new int[] {15, 17}) {
            for (int i = 0; i < values.length; i++) {
                double lng = LNG + i * 0.0004 + 0.00015;
                double lat = LAT + 0.00015;
                TileKey key = TileKey.containing(z, WebMercator.x(lng), WebMercator.y(lat));
                int[] tile = new TileRenderer().render(key, List.of(layer), BACKGROUND);
                assertThat(pixelOf(tile, key, lng, lat)).as("grid %d at %d", i, z)
                        .isEqualTo(i < 3 ? Raster.argb(fills[i]) : BACKGROUND);
            }
        }
    }
}
