package cn.tongguan.map.internal;

import cn.tongguan.map.Feature;
import cn.tongguan.map.FeatureLayer;
import cn.tongguan.map.PointSymbol;
import cn.tongguan.map.Style;
import cn.tongguan.map.SymbolShape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * A layer made ready for drawing: every coordinate projected once to normalised Web Mercator, points in flat
 * arrays behind a {@link PointIndex}, polygons and lines behind an STRtree, label anchors precomputed.
 * Built on a worker from an immutable snapshot of the layer's state; immutable afterwards (the STRtree is built
 * eagerly because its lazy build is not thread-safe), so tile workers and the FX thread read it concurrently.
 */
public final class CompiledLayer {
    final FeatureLayer layer;
    final long version;
    final List<Feature> features;
    final Settings settings;
    final int fillArgb;
    final int strokeArgb;
    /** Per feature, its choropleth fill (0 = unfilled), or null when the style has no choropleth. */
    final int[] featureFill;
    final int[] classArgb;
    final SymbolShape[] classShape;
    final int[] classOutlineArgb;
    final double[] classOutlineWidth;
    final double[] classRadius;
    /** The anti-aliased symbols ready to stamp, or null when the style draws them aliased or has no points. */
    final SymbolSprites sprites;
    // points
    final int pointCount;
    final double[] px;
    final double[] py;
    final int[] pointFeature;
    final byte[] pointClass;
    final PointIndex pointIndex;
    // polygons and lines: per shape, rings or paths in world units
    final List<Shape> shapes;
    final STRtree shapeIndex;
    final List<LabelAnchor> labels;
    final List<PathLabel> pathLabels;

    /** What the worker needs of the layer's FX-thread state, copied on the FX thread. */
    public record Settings(Style style, double minZoom, double maxZoom, double aggregateBelowZoom,
                           boolean hitTestable, double labelMinZoom) {
        public static Settings of(FeatureLayer layer) {
            return new Settings(layer.style(), layer.minZoom(), layer.maxZoom(), layer.aggregateBelowZoom(),
                    layer.hitTestable(), layer.labelMinZoom());
        }
    }

    /** One polygonal or linear feature: rings of x,y pairs in world units. */
    record Shape(int feature, double[][] rings, boolean polygon, Envelope envelope) {
    }

    /** A labelled line (a road's name goes along it): its path in world units and its extent. */
    public record PathLabel(int feature, String text, double[] path, Envelope envelope) {
    }

    /**
     * Where a polygon's label goes, with its area (bigger polygons win collisions) and its rings in world units
     * (outer rings and holes of every part: a point is inside when it lies within an odd number of them), so the
     * label can move elsewhere inside the polygon when the overlay covers its usual place (decision 0146).
     */
    public record LabelAnchor(int feature, double x, double y, String text, double area, Envelope envelope,
                              double[][] rings) {
        /** Whether a world point lies inside the polygon (even–odd over all rings). */
        public boolean contains(double wx, double wy) {
            boolean inside = false;
            for (double[] ring : rings) {
                for (int i = 0, j = ring.length - 2; i < ring.length; j = i, i += 2) {
                    double yi = ring[i + 1];
                    double yj = ring[j + 1];
                    if ((yi > wy) != (yj > wy)
                            && wx < (ring[j] - ring[i]) * (wy - yi) / (yj - yi) + ring[i]) {
                        inside = !inside;
                    }
                }
            }
            return inside;
        }
    }

    private CompiledLayer(FeatureLayer layer, long version, List<Feature> features, Settings settings) {
        this.layer = layer;
        this.version = version;
        this.features = features;
        this.settings = settings;
        Style style = settings.style();
        this.fillArgb = Raster.argb(style.fill());
        this.strokeArgb = Raster.argb(style.stroke());
        this.featureFill = style.choropleth() == null ? null : choroplethFills(style.choropleth(), features);
        List<PointSymbol> symbols = new ArrayList<>();
        Map<String, Integer> classIndex = new HashMap<>();
        symbols.add(style.defaultSymbol());
        for (Map.Entry<String, PointSymbol> entry : style.classes().entrySet()) {
            if (symbols.size() < 127) {
                classIndex.put(entry.getKey(), symbols.size());
                symbols.add(entry.getValue());
            }
        }
        this.classArgb = symbols.stream().mapToInt(s -> Raster.argb(s.colour())).toArray();
        this.classShape = symbols.stream().map(PointSymbol::shape).toArray(SymbolShape[]::new);
        this.classOutlineArgb = symbols.stream().mapToInt(s -> s.outlined() ? Raster.argb(s.outline()) : 0).toArray();
        this.classOutlineWidth = symbols.stream().mapToDouble(s -> s.outlined() ? s.outlineWidth() : 0).toArray();
        this.classRadius = symbols.stream().mapToDouble(style::radiusOf).toArray();

        int points = 0;
        for (Feature f : features) {
            points += f.geometry() instanceof Point ? 1 : countPoints(f.geometry());
        }
        this.px = new double[points];
        this.py = new double[points];
        this.pointFeature = new int[points];
        this.pointClass = new byte[points];
        this.shapes = new ArrayList<>();
        this.labels = new ArrayList<>();
        this.pathLabels = new ArrayList<>();
        int p = 0;
        String classAttr = style.classAttribute();
        for (int i = 0; i < features.size(); i++) {
            Feature f = features.get(i);
            Geometry g = f.geometry();
            List<double[]> polygonRings = new ArrayList<>();
            if (g instanceof Point point && !point.isEmpty()) {
                p = addPoint(p, point.getX(), point.getY(), i, classIndex, f, classAttr);
                continue;
            }
            for (int part = 0; part < g.getNumGeometries(); part++) {
                Geometry single = g.getGeometryN(part);
                if (single.isEmpty()) {
                    continue;
                }
                if (single instanceof Point point) {
                    p = addPoint(p, point.getX(), point.getY(), i, classIndex, f, classAttr);
                } else if (single instanceof Polygon polygon) {
                    double[][] rings = new double[1 + polygon.getNumInteriorRing()][];
                    rings[0] = project(polygon.getExteriorRing().getCoordinates());
                    for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                        rings[h + 1] = project(polygon.getInteriorRingN(h).getCoordinates());
                    }
                    shapes.add(new Shape(i, rings, true, envelopeOf(rings)));
                    polygonRings.addAll(List.of(rings));
                } else if (single instanceof LineString line) {
                    double[][] rings = {project(line.getCoordinates())};
                    Envelope env = envelopeOf(rings);
                    shapes.add(new Shape(i, rings, false, env));
                    String text = style.labelAttribute() == null ? "" : f.text(style.labelAttribute());
                    if (!text.isEmpty()) {
                        pathLabels.add(new PathLabel(i, text, rings[0], env));
                    }
                }
            }
            if (style.labelAttribute() != null && g.getDimension() == 2) {
                addLabel(i, f, g, style.labelAttribute(), polygonRings.toArray(double[][]::new));
            }
        }
        this.pointCount = p;
        this.sprites = p > 0 && style.antialias()
                ? new SymbolSprites(classShape, classRadius, classArgb, classOutlineWidth, classOutlineArgb) : null;
        this.pointIndex = new PointIndex(px, py, p);
        this.shapeIndex = new STRtree();
        for (int s = 0; s < shapes.size(); s++) {
            shapeIndex.insert(shapes.get(s).envelope(), s);
        }
        shapeIndex.build();
    }

    private static int[] choroplethFills(cn.tongguan.map.Choropleth choropleth, List<Feature> features) {
        int[] fills = new int[features.size()];
        for (int i = 0; i < fills.length; i++) {
            javafx.scene.paint.Color fill = choropleth.fillOf(features.get(i));
            fills[i] = fill == null ? 0 : Raster.argb(fill);
        }
        return fills;
    }

    /** The premultiplied fill of a polygon shape: its choropleth class colour, else the style's fill. */
    int fillOf(Shape shape) {
        return featureFill == null ? fillArgb : featureFill[shape.feature()];
    }

    /** Projects and indexes the layer; call on a worker. */
    public static CompiledLayer compile(FeatureLayer layer, long version, List<Feature> features, Settings settings) {
        return new CompiledLayer(layer, version, features, settings);
    }

    private static int countPoints(Geometry g) {
        int n = 0;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Point point && !point.isEmpty()) {
                n++;
            }
        }
        return n;
    }

    private int addPoint(int p, double lng, double lat, int feature, Map<String, Integer> classIndex, Feature f,
                         String classAttr) {
        px[p] = WebMercator.x(lng);
        py[p] = WebMercator.y(lat);
        pointFeature[p] = feature;
        Integer cls = classAttr == null ? null : classIndex.get(f.text(classAttr));
        pointClass[p] = (byte) (cls == null ? 0 : cls);
        return p + 1;
    }

    private void addLabel(int feature, Feature f, Geometry g, String attribute, double[][] rings) {
        String text = f.text(attribute);
        if (text.isEmpty()) {
            return;
        }
        try {
            // the interior point stays inside concave and multi-part polygons, unlike the centroid
            Point anchor = g.getInteriorPoint();
            Envelope env = g.getEnvelopeInternal();
            Envelope world = new Envelope(WebMercator.x(env.getMinX()), WebMercator.x(env.getMaxX()),
                    WebMercator.y(env.getMinY()), WebMercator.y(env.getMaxY()));
            labels.add(new LabelAnchor(feature, WebMercator.x(anchor.getX()), WebMercator.y(anchor.getY()), text,
                    world.getArea(), world, rings));
        } catch (RuntimeException e) {
            // a geometry JTS cannot find an interior point for simply goes unlabelled
        }
    }

    private static double[] project(Coordinate[] coordinates) {
        double[] xy = new double[coordinates.length * 2];
        for (int i = 0; i < coordinates.length; i++) {
            xy[2 * i] = WebMercator.x(coordinates[i].x);
            xy[2 * i + 1] = WebMercator.y(coordinates[i].y);
        }
        return xy;
    }

    private static Envelope envelopeOf(double[][] rings) {
        Envelope env = new Envelope();
        for (double[] ring : rings) {
            for (int i = 0; i < ring.length; i += 2) {
                env.expandToInclude(ring[i], ring[i + 1]);
            }
        }
        return env;
    }

    public FeatureLayer layer() {
        return layer;
    }

    public long version() {
        return version;
    }

    public Settings settings() {
        return settings;
    }

    public List<Feature> features() {
        return features;
    }

    public List<LabelAnchor> labels() {
        return labels;
    }

    public List<PathLabel> pathLabels() {
        return pathLabels;
    }

    /** Whether this layer's points carry labels (drawn beside the symbol). */
    public boolean labelsPoints() {
        return pointCount > 0 && settings.style().labelAttribute() != null;
    }

    /** The label text of point {@code i}. */
    String pointText(int i) {
        return features.get(pointFeature[i]).text(settings.style().labelAttribute());
    }

    public int pointCount() {
        return pointCount;
    }

    /** Shown at this tile level? Zoom ranges are judged at integer tile levels so that tiles can be cached. */
    public boolean shownAtLevel(int level) {
        return level >= settings.minZoom() && level < settings.maxZoom();
    }

    /** Whether names are drawn at this level (shown, and at or above the layer's label zoom). */
    public boolean labelledAtLevel(int level) {
        return shownAtLevel(level) && level >= settings.labelMinZoom();
    }

    public boolean aggregatesAtLevel(int level) {
        return level < settings.aggregateBelowZoom();
    }

    /** The layer's extent in lng/lat degrees (a null envelope when it has nothing to draw). */
    public Envelope lngLatExtent() {
        Envelope world = new Envelope();
        for (Shape shape : shapes) {
            world.expandToInclude(shape.envelope());
        }
        for (int i = 0; i < pointCount; i++) {
            world.expandToInclude(px[i], py[i]);
        }
        if (world.isNull()) {
            return world;
        }
        return new Envelope(WebMercator.lng(world.getMinX()), WebMercator.lng(world.getMaxX()),
                WebMercator.lat(world.getMaxY()), WebMercator.lat(world.getMinY()));
    }

    /** Approximate heap held by the projected copy and its indexes. */
    public long bytes() {
        long total = pointCount * (8L + 8 + 4 + 1) + pointIndex.bytes();
        for (Shape shape : shapes) {
            for (double[] ring : shape.rings()) {
                total += 16 + 8L * ring.length;
            }
            total += 64;
        }
        return total + labels.size() * 96L + (sprites == null ? 0 : sprites.bytes());
    }
}
