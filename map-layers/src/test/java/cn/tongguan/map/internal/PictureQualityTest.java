package cn.tongguan.map.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongguan.map.Feature;
import cn.tongguan.map.FeatureLayer;
import cn.tongguan.map.MapViewState;
import cn.tongguan.map.PointSymbol;
import cn.tongguan.map.Style;
import cn.tongguan.map.SymbolShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/** The picture a GIS would draw (decisions 0115, 0116): no line lost at any zoom, symbols of constant size. */
class PictureQualityTest {
    private static final int BACKGROUND = 0xff000000;
    private static final double LNG = 113.9;
    private static final double LAT = 35.3;
    private static final int LINES = 9;
    /** ~100 m between grid lines, like the unit grids: 7–40 pixels apart at the zooms below. */
    private static final double STEP = 0.00113;

    /** A 9 × 9 lattice of 1-pixel grid lines (8 × 8 unfilled squares). */
    private static FeatureLayer grid(boolean antialias) {
        List<Feature> squares = new ArrayList<>();
        for (int r = 0; r < LINES - 1; r++) {
            for (int c = 0; c < LINES - 1; c++) {
                double x = LNG + c * STEP;
                double y = LAT + r * STEP;
                squares.add(new Feature("g" + r + "-" + c, Layers.FACTORY.createPolygon(new Coordinate[] {
                    new Coordinate(x, y), new Coordinate(x + STEP, y), new Coordinate(x + STEP, y + STEP),
                    new Coordinate(x, y + STEP), new Coordinate(x, y)}), Map.of()));
            }
        }
        return new FeatureLayer("grids", "网格", squares,
                Style.lines(Color.WHITE, 1).withAntialias(antialias));
    }

    /** Renders what the compositor asks for until the view is complete and returns the frame. */
    private static Raster view(List<CompiledLayer> layers, Viewport vp, boolean zooming, TileCache cache) {
        Compositor compositor = new Compositor(20);
        Raster frame = new Raster((int) vp.width(), (int) vp.height());
        TileRenderer renderer = new TileRenderer();
        List<TileKey> wanted = new ArrayList<>(compositor.compose(vp, frame, cache, 1, BACKGROUND, zooming));
        for (TileKey key : wanted) {
            cache.put(new TileCache.Tile(key, renderer.render(key, layers, BACKGROUND), 1));
        }
        assertThat(compositor.compose(vp, frame, cache, 1, BACKGROUND, zooming)).isEmpty();
        return frame;
    }

    private static Viewport at(double zoom) {
        double mid = STEP * (LINES - 1) / 2;
        return Viewport.of(new MapViewState(LNG + mid, LAT + mid, zoom), 1100, 240);
    }

    /** How many of the vertical grid lines show along the middle row (a pixel brighter than 1/8 within ±1 px). */
    private static int verticalLinesSeen(Raster frame, Viewport vp, int threshold) {
        int y = (int) (vp.height() / 2) + 3;
        int seen = 0;
        for (int c = 0; c < LINES; c++) {
            int x = (int) Math.floor(vp.screenX(WebMercator.x(LNG + c * STEP)));
            int best = 0;
            for (int dx = -1; dx <= 1; dx++) {
                best = Math.max(best, frame.pixels()[y * frame.width() + x + dx] & 0xff);
            }
            seen += best >= threshold ? 1 : 0;
        }
        return seen;
    }

    @Test
    void everyOnePixelGridLineIsDrawnAtFractionalZooms() {
        for (boolean antialias : new boolean[] {true, false}) {
            List<CompiledLayer> layers = List.of(Layers.compile(grid(antialias)));
            for (double zoom : new double[] {14.3, 14.62, 15.5, 16.45, 16.8, 17.0, 17.3}) {
                Viewport vp = at(zoom);
                Raster frame = view(layers, vp, false, new TileCache(64L << 20));
                assertThat(verticalLinesSeen(frame, vp, 96)).as("zoom %s, antialias %s", zoom, antialias)
                        .isEqualTo(LINES);
            }
        }
    }

    @Test
    void whileZoomingTheEnlargedPyramidTilesKeepEveryLineToo() {
        List<CompiledLayer> layers = List.of(Layers.compile(grid(true)));
        for (double zoom : new double[] {14.3, 15.9, 16.45}) {
            Viewport vp = at(zoom);
            Raster frame = view(layers, vp, true, new TileCache(64L << 20));
            assertThat(verticalLinesSeen(frame, vp, 96)).as("zoom %s", zoom).isEqualTo(LINES);
        }
    }

    @Test
    void aStandInReducedFromFinerTilesLosesNoLine() {
        List<CompiledLayer> layers = List.of(Layers.compile(grid(true)));
        TileCache cache = new TileCache(64L << 20);
        // only tiles of zoom 16.7 are cached; the view at 16.0 shows them reduced while its own render
        view(layers, at(16.7), false, cache);
        Viewport vp = at(16.0);
        Raster frame = new Raster((int) vp.width(), (int) vp.height());
        new Compositor(20).compose(vp, frame, cache, 1, BACKGROUND, false);
        assertThat(verticalLinesSeen(frame, vp, 48)).isEqualTo(LINES);
    }

    private static FeatureLayer onePart(PointSymbol symbol) {
        return new FeatureLayer("parts", "部件", List.of(Layers.point("p", LNG, LAT, "井盖")),
                Style.points(Color.WHITE, 4).withClasses("class", Map.of("井盖", symbol)));
    }

    /** Width in pixels of the symbol's row through its centre (pixels at least half covered). */
    private static int symbolWidth(Raster frame, Viewport vp) {
        int cy = (int) Math.floor(vp.screenY(WebMercator.y(LAT)));
        int width = 0;
        for (int x = 0; x < frame.width(); x++) {
            width += ((frame.pixels()[cy * frame.width() + x] >> 8) & 0xff) >= 128 ? 1 : 0;
        }
        return width;
    }

    @Test
    void aSymbolIsTheSameSizeOnScreenAtEveryZoom() {
        List<CompiledLayer> layers = List.of(Layers.compile(onePart(new PointSymbol(Color.LIME, SymbolShape.CIRCLE))));
        List<Integer> widths = new ArrayList<>();
        for (double zoom : new double[] {15.2, 16.0, 16.49, 16.51, 17.4, 18.75}) {
            Viewport vp = Viewport.of(new MapViewState(LNG, LAT, zoom), 200, 200);
            widths.add(symbolWidth(view(layers, vp, false, new TileCache(16L << 20)), vp));
        }
        assertThat(widths).allMatch(w -> w >= 7 && w <= 9);
        assertThat(widths.stream().mapToInt(Integer::intValue).max().getAsInt()
                - widths.stream().mapToInt(Integer::intValue).min().getAsInt()).isLessThanOrEqualTo(1);
    }

    @Test
    void theOutlineIsTheStylesChoice() {
        Viewport vp = Viewport.of(new MapViewState(LNG, LAT, 17), 100, 100);
        int cx = (int) Math.floor(vp.screenX(WebMercator.x(LNG)));
        int cy = (int) Math.floor(vp.screenY(WebMercator.y(LAT)));
        PointSymbol plain = new PointSymbol(Color.LIME, SymbolShape.SQUARE);
        Raster none = view(List.of(Layers.compile(onePart(plain))), vp, false, new TileCache(16L << 20));
        Raster ringed = view(List.of(Layers.compile(onePart(plain.withOutline(Color.RED, 2)))), vp, false,
                new TileCache(16L << 20));
        // 5 pixels right of the centre: outside a radius-4 square, inside its 2-pixel ring
        int at = (cy) * 100 + cx + 5;
        assertThat(none.pixels()[at]).isEqualTo(BACKGROUND);
        assertThat((ringed.pixels()[at] >> 16) & 0xff).isGreaterThan(200);
        assertThat(ringed.pixels()[cy * 100 + cx]).isEqualTo(Raster.argb(Color.LIME));
    }

    @Test
    void antiAliasingIsTheStylesChoice() {
        Feature diagonal = new Feature("d", Layers.wkt("LINESTRING (113.899 35.299, 113.901 35.3005)"), Map.of());
        Viewport vp = Viewport.of(new MapViewState(LNG, LAT, 17), 200, 200);
        for (boolean antialias : new boolean[] {true, false}) {
            FeatureLayer line = new FeatureLayer("l", "l", List.of(diagonal),
                    Style.lines(Color.WHITE, 1.5).withAntialias(antialias));
            Raster frame = view(List.of(Layers.compile(line)), vp, false, new TileCache(16L << 20));
            long partial = java.util.Arrays.stream(frame.pixels()).map(p -> p & 0xff).filter(v -> v > 8 && v < 247)
                    .count();
            if (antialias) {
                assertThat(partial).isGreaterThan(50);
            } else {
                assertThat(partial).isZero();
            }
        }
    }
}
