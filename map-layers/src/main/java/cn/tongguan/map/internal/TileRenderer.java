package cn.tongguan.map.internal;

import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * Draws one tile of all static layers into a 256×256 opaque raster. Runs on workers; reads only immutable
 * {@link CompiledLayer}s. Points aggregate below a layer's aggregation zoom: the tile is cut into 4×4-pixel
 * cells and each cell is shaded by its point count (log scale), so 629,724 parts cost one pass over the
 * points that fall in the tile instead of 629,724 symbols.
 */
public final class TileRenderer {
    static final int CELL = 4;
    private static final int SIZE = WebMercator.TILE_SIZE;

    private final Raster raster = new Raster(SIZE, SIZE);
    private double[][] ringScratch = new double[16][];
    private int[] ringLengths = new int[16];
    private final int[] cellCounts = new int[(SIZE / CELL) * (SIZE / CELL)];

    /** Renders into a fresh pixel array (the raster's scratch stays with this renderer). */
    public int[] render(TileKey key, List<CompiledLayer> layers, int background) {
        raster.clear(background);
        double scale = key.scale();
        for (CompiledLayer layer : layers) {
            if (!layer.shownAtLevel(key.z())) {
                continue;
            }
            drawShapes(layer, key, scale);
            if (layer.pointCount > 0) {
                if (layer.aggregatesAtLevel(key.z())) {
                    drawDensity(layer, key, scale);
                } else {
                    drawSymbols(layer, key, scale);
                }
            }
        }
        return raster.pixels().clone();
    }

    @SuppressWarnings("unchecked")
    private void drawShapes(CompiledLayer layer, TileKey key, double scale) {
        if (layer.shapes.isEmpty()) {
            return;
        }
        double margin = (layer.settings().style().strokeWidth() + 2) / scale;
        Envelope window = new Envelope(key.minX() - margin, key.minX() + key.span() + margin,
                key.minY() - margin, key.minY() + key.span() + margin);
        List<Integer> hits = layer.shapeIndex.query(window);
        hits.sort(Integer::compare);
        double ox = key.minX();
        double oy = key.minY();
        double width = layer.settings().style().strokeWidth();
        boolean smooth = layer.settings().style().antialias();
        AntiAliased aa = raster.smooth();
        for (int s : hits) {
            CompiledLayer.Shape shape = layer.shapes.get(s);
            double[][] rings = shape.rings();
            if (rings.length > ringScratch.length) {
                ringScratch = java.util.Arrays.copyOf(ringScratch, rings.length);
                ringLengths = new int[rings.length];
            }
            int count = rings.length;
            for (int r = 0; r < count; r++) {
                double[] world = rings[r];
                double[] pixels = ringScratch[r];
                if (pixels == null || pixels.length < world.length) {
                    pixels = new double[Math.max(world.length, 256)];
                    ringScratch[r] = pixels;
                }
                for (int i = 0; i < world.length; i += 2) {
                    pixels[i] = (world[i] - ox) * scale;
                    pixels[i + 1] = (world[i + 1] - oy) * scale;
                }
                ringLengths[r] = world.length;
            }
            // a polygon smaller than a pixel is drawn as one dot so that dense grids stay visible, not vanish
            double extent = Math.max(shape.envelope().getWidth(), shape.envelope().getHeight()) * scale;
            int fill = layer.fillOf(shape);
            if (shape.polygon() && (fill >>> 24) != 0) {
                if (smooth) {
                    aa.fillRings(ringScratch, ringLengths, count, fill);
                } else {
                    raster.fillRings(ringScratch, ringLengths, count, fill);
                }
            }
            if ((layer.strokeArgb >>> 24) != 0) {
                if (extent < 1.5) {
                    raster.blendPixel((int) ringScratch[0][0], (int) ringScratch[0][1], layer.strokeArgb);
                    continue;
                }
                for (int r = 0; r < count; r++) {
                    raster.strokePolyline(ringScratch[r], ringLengths[r], false, width, layer.strokeArgb, smooth);
                }
            }
        }
    }

    private void drawDensity(CompiledLayer layer, TileKey key, double scale) {
        java.util.Arrays.fill(cellCounts, 0);
        int cells = SIZE / CELL;
        double ox = key.minX();
        double oy = key.minY();
        double cellScale = scale / CELL;
        double[] px = layer.px;
        double[] py = layer.py;
        int[] counts = cellCounts;
        layer.pointIndex.query(ox, oy, ox + key.span(), oy + key.span(), i -> {
            int cx = (int) ((px[i] - ox) * cellScale);
            int cy = (int) ((py[i] - oy) * cellScale);
            if (cx >= 0 && cy >= 0 && cx < cells && cy < cells) {
                counts[cy * cells + cx]++;
            }
        });
        int base = layer.classArgb[0];
        for (int cy = 0; cy < cells; cy++) {
            for (int cx = 0; cx < cells; cx++) {
                int n = counts[cy * cells + cx];
                if (n == 0) {
                    continue;
                }
                raster.fillRect(cx * CELL, cy * CELL, CELL, CELL, Raster.fade(base, densityAlpha(n)));
            }
        }
    }

    /** One part is faint, 256 or more in a cell saturate; log scale so the suburbs stay visible. */
    static double densityAlpha(int count) {
        return Math.min(1.0, 0.25 + 0.75 * Math.log(count) / Math.log(256));
    }

    private void drawSymbols(CompiledLayer layer, TileKey key, double scale) {
        double maxR = 0;
        for (int c = 0; c < layer.classRadius.length; c++) {
            maxR = Math.max(maxR, layer.classRadius[c] * 1.2 + layer.classOutlineWidth[c]);
        }
        double margin = (maxR + 2) / scale;
        double ox = key.minX();
        double oy = key.minY();
        SymbolSprites sprites = layer.sprites;
        layer.pointIndex.query(ox - margin, oy - margin, ox + key.span() + margin, oy + key.span() + margin, i -> {
            double x = (layer.px[i] - ox) * scale;
            double y = (layer.py[i] - oy) * scale;
            int cls = layer.pointClass[i];
            if (sprites != null) {
                sprites.stamp(raster, cls, x, y);
            } else {
                Symbols.draw(raster, false, layer.classShape[cls], x, y, layer.classRadius[cls], layer.classArgb[cls],
                        layer.classOutlineWidth[cls], layer.classOutlineArgb[cls]);
            }
        });
    }
}
